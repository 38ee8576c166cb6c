/** personalList.add / list / delete (docs/lab-rules.md "Personal lists"). */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { listResponse, readPager } from '../../../phoenix/pager';
import { readInt } from '../../../phoenix/param-readers';
import { maxPersonalListsPerUser, readPersonalListFilter, readPersonalListInput, toKalturaPersonalList } from '../../../phoenix/personal-list-objects';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import type { SimCallContext, SimOperationTable } from '../sim-operation';
import { entriesOf } from './list-state';

function addList(ctx: SimCallContext): VendorOutcome {
  const input = readPersonalListInput(ctx.params);
  if (!input.ok) return input;
  const own = entriesOf(ctx.state.lists.personalLists, ctx.session?.userId ?? '');
  if (own.length >= maxPersonalListsPerUser) return vendorFailure('ExceededLimit');
  const list = { id: ctx.state.lists.nextPersonalListId++, ...input.value, createDate: ctx.nowSec };
  own.push(list);
  return ok(toKalturaPersonalList(list));
}

function listLists(ctx: SimCallContext): VendorOutcome {
  const filter = readPersonalListFilter(ctx.params);
  if (!filter.ok) return filter;
  const pager = readPager(ctx.params);
  if (!pager.ok) return pager;
  const { types, ascending } = filter.value;
  const sign = ascending ? 1 : -1;
  const lists = [...(ctx.state.lists.personalLists.get(ctx.session?.userId ?? '') ?? [])]
    .filter((l) => types.length === 0 || types.includes(l.partnerListType))
    .sort((a, b) => sign * (a.createDate - b.createDate || a.id - b.id));
  return ok(listResponse('KalturaPersonalListListResponse', lists.map(toKalturaPersonalList), pager.value));
}

function deleteList(ctx: SimCallContext): VendorOutcome {
  const id = readInt(ctx.params, 'personalListId', { required: true });
  if (!id.ok) return id;
  const own = ctx.state.lists.personalLists.get(ctx.session?.userId ?? '') ?? [];
  const at = own.findIndex((l) => l.id === id.value);
  if (at < 0) return vendorFailure('ObjectIdNotFound', { objectType: 'PersonalList', id: id.value });
  own.splice(at, 1);
  return ok(null);
}

export const personalListOperations: SimOperationTable = {
  'personallist.add': { access: 'user', run: addList },
  'personallist.list': { access: 'user', run: listLists },
  'personallist.delete': { access: 'user', run: deleteList },
};
