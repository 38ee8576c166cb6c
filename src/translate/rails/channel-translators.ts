/**
 * channel.get → platform catalog collections; lineup.get → catalog.getLineup
 * (docs/vendor-decisions.md "Rails").
 */
import type { components } from '../../../contracts/generated/platform';
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readInt } from '../../phoenix/param-readers';
import { readLineupPage, toKalturaDynamicChannel, toLineupChannelAsset, toLineupResponse } from '../../phoenix/rail-objects';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import { findCollection } from '../catalog/asset-list-sources';
import { toLiveAsset } from '../catalog/item-to-asset';
import { epochOf, expectOk } from '../platform-reply';
import type { TranslateContext, TranslatorTable } from '../translator';

type PlatformLineup = { lineupId: string; parentLineupId: string; items: { channelNumber: number; item: components['schemas']['Item'] }[]; total: number };

/** A collection selects by one label value; written as the KSQL a vendor channel carries. */
async function getChannel(ctx: TranslateContext): Promise<VendorOutcome> {
  const id = readInt(ctx.params, 'id', { required: true });
  if (!id.ok) return id;
  const collection = await findCollection(ctx.platform, id.value);
  if (collection === undefined) return vendorFailure('ObjectNotExist');
  const kSql = `${collection.selection.label}='${collection.selection.value}'`;
  return ok(toKalturaDynamicChannel({ id: collection.sortKey, name: collection.name, kSql, createDate: epochOf(collection.createdAt) }));
}

async function getLineup(ctx: TranslateContext): Promise<VendorOutcome> {
  const page = readLineupPage(ctx.params);
  if (!page.ok) return page;
  const reply = await ctx.platform.call({ method: 'GET', path: '/catalog/v1/lineup', query: { offset: page.value.offset, limit: page.value.size } });
  const lineup = expectOk<PlatformLineup>('catalog.getLineup', reply);
  const objects = lineup.items.map((entry) => toLineupChannelAsset(toLiveAsset(ctx.ids, entry.item), entry.channelNumber));
  return ok(toLineupResponse(objects, lineup.total, lineup.lineupId, lineup.parentLineupId));
}

export const channelTranslators: TranslatorTable = {
  'channel.get': { access: 'session', run: getChannel },
  'lineup.get': { access: 'session', run: getLineup },
};
