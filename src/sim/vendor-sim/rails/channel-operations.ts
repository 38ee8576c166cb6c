/** channel.get / lineup.get (docs/vendor-decisions.md "Rails"; docs/lab-rules.md "Collections", "Lineup"). */
import type { CatalogLiveChannel } from '../../../core/catalog';
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { readInt } from '../../../phoenix/param-readers';
import { readLineupPage, toKalturaDynamicChannel, toLineupChannelAsset, toLineupResponse } from '../../../phoenix/rail-objects';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import { deriveCollections } from '../../catalog/collections';
import { toLiveAsset } from '../catalog/map-asset';
import type { SimCallContext, SimOperationTable } from '../sim-operation';

function getChannel(ctx: SimCallContext): VendorOutcome {
  const id = readInt(ctx.params, 'id', { required: true });
  if (!id.ok) return id;
  const collection = deriveCollections(ctx.state.catalog).find((c) => c.vendorId === id.value);
  if (collection === undefined) return vendorFailure('ObjectNotExist');
  return ok(toKalturaDynamicChannel({ id: collection.vendorId, name: collection.name, kSql: collection.kSql, createDate: collection.createDate }));
}

function channelNumberOf(channel: CatalogLiveChannel): number {
  const meta = channel.metas.ChannelNumber;
  return meta?.kind === 'number' ? meta.value : Number.MAX_SAFE_INTEGER;
}

function getLineup(ctx: SimCallContext): VendorOutcome {
  const page = readLineupPage(ctx.params);
  if (!page.ok) return page;
  const channels = [...ctx.state.catalog.channels].sort((a, b) => channelNumberOf(a) - channelNumberOf(b) || a.vendorId - b.vendorId);
  const objects = channels
    .slice(page.value.offset, page.value.offset + page.value.size)
    .map((channel) => toLineupChannelAsset(toLiveAsset(ctx.state.index, channel), channelNumberOf(channel)));
  return ok(toLineupResponse(objects, channels.length, 'lab-lineup', ''));
}

export const channelOperations: SimOperationTable = {
  'channel.get': { access: 'session', run: getChannel },
  'lineup.get': { access: 'session', run: getLineup },
};
