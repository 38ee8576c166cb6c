/** personalList.add / list / delete → platform userData personal lists (docs/vendor-decisions.md "Personal lists and reminders"). */
import type { components } from '../../../contracts/generated/platform';
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { listResponse, readPager } from '../../phoenix/pager';
import { readInt } from '../../phoenix/param-readers';
import { readPersonalListFilter, readPersonalListInput, toKalturaPersonalList } from '../../phoenix/personal-list-objects';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import { epochOf, expectOk, problemCode, unexpectedReply } from '../platform-reply';
import type { TranslateContext, TranslatorTable } from '../translator';

type PlatformPersonalList = components['schemas']['PersonalList'];

function toVendorList(l: PlatformPersonalList): Record<string, unknown> {
  return toKalturaPersonalList({ id: l.number, name: l.name, createDate: epochOf(l.createdAt), ksql: l.query, partnerListType: l.listType });
}

async function addList(ctx: TranslateContext): Promise<VendorOutcome> {
  const input = readPersonalListInput(ctx.params);
  if (!input.ok) return input;
  const { name, ksql, partnerListType } = input.value;
  const reply = await ctx.platform.call({ method: 'POST', path: '/user-data/v1/personal-lists', body: { name, query: ksql, listType: partnerListType } });
  if (reply.status === 201) return ok(toVendorList(reply.body as PlatformPersonalList));
  if (problemCode(reply) === 'list_limit_exceeded') return vendorFailure('ExceededLimit');
  throw unexpectedReply('userData.createPersonalList', reply);
}

/** The platform pages by offset; the vendor pager's page is read whole (at most 50 per user). */
async function listLists(ctx: TranslateContext): Promise<VendorOutcome> {
  const filter = readPersonalListFilter(ctx.params);
  if (!filter.ok) return filter;
  const pager = readPager(ctx.params);
  if (!pager.ok) return pager;
  const query = { sort: filter.value.ascending ? 'createdAt:asc' : 'createdAt:desc', limit: 500, ...(filter.value.types.length === 0 ? {} : { listTypes: filter.value.types.join(',') }) };
  const page = expectOk<{ items: PlatformPersonalList[] }>('userData.listPersonalLists', await ctx.platform.call({ method: 'GET', path: '/user-data/v1/personal-lists', query }));
  return ok(listResponse('KalturaPersonalListListResponse', page.items.map(toVendorList), pager.value));
}

async function deleteList(ctx: TranslateContext): Promise<VendorOutcome> {
  const id = readInt(ctx.params, 'personalListId', { required: true });
  if (!id.ok) return id;
  const reply = await ctx.platform.call({ method: 'DELETE', path: `/user-data/v1/personal-lists/${id.value}` });
  if (reply.status === 204) return ok(null);
  if (reply.status === 404 || reply.status === 400) return vendorFailure('ObjectIdNotFound', { objectType: 'PersonalList', id: id.value });
  throw unexpectedReply('userData.deletePersonalList', reply);
}

export const personalListTranslators: TranslatorTable = {
  'personallist.add': { access: 'user', run: addList },
  'personallist.list': { access: 'user', run: listLists },
  'personallist.delete': { access: 'user', run: deleteList },
};
