import type { CatalogLiveChannel } from '../../core/catalog';
import type { SeedProducts } from './generate-products';
import { buildMediaFiles, createFileIdCounter } from './media-files';
import { platformIdFor } from './platform-ids';
import { buildImages, imageShapes, type SeedContext } from './seed-context';
import { day, fileTypeIds, foreverDate, mediaTypeIds, vendorIdBase } from './seed-layout';
import { channelDefinitions, type ChannelDefinition } from './word-tables';

/** Which subscription, if any, a channel of this genre sits behind (premium channels only). */
function chooseChannelSubscriptions(products: SeedProducts, definition: ChannelDefinition, position: number): string[] {
  const key = products.subscriptionByKey;
  const premiumSlot = position % 3 !== 0;
  if (!premiumSlot) return [];
  if (definition.genre === 'Sports') return [key.sports ?? '', key.annual ?? ''];
  if (definition.genre === 'Movies') return [key.premium ?? '', key.annual ?? ''];
  if (definition.genre === 'Kids' && position % 2 === 0) return [key.kids ?? '', key.annual ?? ''];
  return [];
}

function buildChannel(context: SeedContext, products: SeedProducts, files: ReturnType<typeof createFileIdCounter>, definition: ChannelDefinition, position: number): CatalogLiveChannel {
  const { rng, baseTime } = context;
  const vendorId = vendorIdBase.channel + position;
  const externalId = `lin-${String(position + 1).padStart(3, '0')}`;
  const subscriptionProductIds = chooseChannelSubscriptions(products, definition, position);
  const enableCatchUp = rng.chance(0.65);
  const enableTrickPlay = rng.chance(0.7);
  const createDate = baseTime - rng.int(200, 2000) * day;
  return {
    kind: 'live',
    vendorId,
    platformId: platformIdFor('asset', vendorId),
    mediaTypeId: mediaTypeIds.linear,
    name: definition.name,
    description: `${definition.name}: ${definition.genre.toLowerCase()} around the clock.`,
    images: buildImages(context, vendorId, [imageShapes.landscape, imageShapes.thumbnail]),
    metas: {
      ChannelNumber: { kind: 'number', value: position + 1 },
      Language: { kind: 'string', value: definition.language },
      IsHD: { kind: 'boolean', value: rng.chance(0.7) },
    },
    tags: { Genre: [definition.genre] },
    createDate,
    updateDate: createDate + rng.int(0, 100) * day,
    startDate: createDate,
    endDate: foreverDate,
    externalId,
    files: buildMediaFiles(context, files, {
      area: 'live',
      assetId: vendorId,
      assetExternalId: externalId,
      // Paid channels are protected on DASH; HLS stays clear for the oldest boxes.
      fileTypeIds: [fileTypeIds.hlsLive, subscriptionProductIds.length > 0 ? fileTypeIds.dashLiveDrm : fileTypeIds.dashLive],
      durationSeconds: 0,
      ppvProductIds: [],
    }),
    subscriptionProductIds,
    epgChannelId: vendorIdBase.epgChannel + position,
    enableCatchUp,
    enableStartOver: rng.chance(0.6),
    enableTrickPlay,
    enableCdvr: rng.chance(0.3),
    // Buffers are minutes (brief §5.2 KalturaLiveAsset).
    catchUpBuffer: enableCatchUp ? rng.pick([1440, 4320, 10080]) : 0,
    trickPlayBuffer: enableTrickPlay ? rng.pick([60, 120, 240]) : 0,
  };
}

/** The linear channels (vendor KalturaLiveAsset, media type Linear). */
export function generateChannels(context: SeedContext, products: SeedProducts): CatalogLiveChannel[] {
  const files = createFileIdCounter(vendorIdBase.channelFile);
  return channelDefinitions.map((definition, position) => buildChannel(context, products, files, definition, position));
}
