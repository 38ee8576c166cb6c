import type { CatalogAsset, CatalogLiveChannel, CatalogProgram, CatalogVodAsset } from '../../../core/catalog';
import type { CatalogIndex } from '../../catalog/catalog-index';
import { toMediaFiles, toMediaImages, toMetas, toTags, toTranslationTokens } from './asset-values';

type Json = Record<string, unknown>;

/** Fields every KalturaAsset subtype carries (brief §5.2 "Base KalturaAsset"). */
function toBaseAsset(objectType: string, asset: CatalogAsset, files: readonly object[]): Json {
  return {
    objectType,
    id: asset.vendorId,
    type: asset.mediaTypeId,
    name: asset.name,
    multilingualName: toTranslationTokens(asset.name),
    description: asset.description,
    multilingualDescription: toTranslationTokens(asset.description),
    images: toMediaImages(asset.images),
    mediaFiles: files,
    metas: toMetas(asset.metas),
    tags: toTags(asset.tags),
    relatedEntities: {},
    startDate: asset.startDate,
    endDate: asset.endDate,
    createDate: asset.createDate,
    updateDate: asset.updateDate,
    externalId: asset.externalId,
    indexStatus: 'Ok',
  };
}

/** KalturaMediaAsset own fields; `externalIds` must not look like a positive integer on VOD (§7.11). */
function toMediaFields(externalIds: string): Json {
  return { externalIds, entryId: '', status: true, inheritancePolicy: 'Enable' };
}

/** KalturaMediaAsset for a VOD asset, with the legacy live fields the server still emits (§2.7). */
export function toVodAsset(index: CatalogIndex, asset: CatalogVodAsset): Json {
  return {
    ...toBaseAsset('KalturaMediaAsset', asset, toMediaFiles(index, asset.vendorId, asset.files)),
    ...toMediaFields('0'),
    catchUpBuffer: 0,
    trickPlayBuffer: 0,
    enableRecordingPlaybackNonEntitledChannel: false,
    enableCdvr: false,
    enableCatchUp: false,
    enableStartOver: false,
    enableTrickPlay: false,
  };
}

function timeShiftState(enabled: boolean): string {
  return enabled ? 'ENABLED' : 'DISABLED';
}

/** KalturaLiveAsset for a linear channel (brief §5.2); `externalIds` is the EPG channel id. */
export function toLiveAsset(index: CatalogIndex, channel: CatalogLiveChannel): Json {
  return {
    ...toBaseAsset('KalturaLiveAsset', channel, toMediaFiles(index, channel.vendorId, channel.files)),
    ...toMediaFields(String(channel.epgChannelId)),
    typeDescription: index.mediaTypeById.get(channel.mediaTypeId)?.name ?? '',
    enableCdvrState: timeShiftState(channel.enableCdvr),
    enableCatchUpState: timeShiftState(channel.enableCatchUp),
    enableStartOverState: timeShiftState(channel.enableStartOver),
    enableTrickPlayState: timeShiftState(channel.enableTrickPlay),
    enableRecordingPlaybackNonEntitledChannelState: 'DISABLED',
    bufferCatchUpSetting: channel.catchUpBuffer,
    bufferTrickPlaySetting: channel.trickPlayBuffer,
    paddingBeforeProgramStarts: 0,
    paddingAfterProgramEnds: 0,
    externalEpgIngestId: String(channel.epgChannelId),
    externalCdvrId: '',
    enableCdvr: channel.enableCdvr,
    enableCatchUp: channel.enableCatchUp,
    enableStartOver: channel.enableStartOver,
    enableTrickPlay: channel.enableTrickPlay,
    enableRecordingPlaybackNonEntitledChannel: false,
    catchUpBuffer: channel.catchUpBuffer,
    trickPlayBuffer: channel.trickPlayBuffer,
    channelType: 'OTT',
  };
}

/** KalturaProgramAsset for an EPG programme (brief §5.2); it has no files of its own. */
export function toProgramAsset(index: CatalogIndex, program: CatalogProgram): Json {
  const channel = index.assetByVendorId.get(program.channelVendorId);
  const trickPlay = channel?.kind === 'live' ? channel.enableTrickPlay : false;
  return {
    ...toBaseAsset('KalturaProgramAsset', program, []),
    epgChannelId: program.epgChannelId,
    epgId: program.epgId,
    relatedMediaId: 0,
    crid: program.crid,
    linearAssetId: program.channelVendorId,
    enableCdvr: false,
    enableCatchUp: program.enableCatchUp,
    enableStartOver: program.enableStartOver,
    enableTrickPlay: trickPlay,
  };
}

/** The vendor shape of any catalogue asset, dispatched on its kind. */
export function toVendorAsset(index: CatalogIndex, asset: CatalogAsset): Json {
  if (asset.kind === 'vod') return toVodAsset(index, asset);
  if (asset.kind === 'live') return toLiveAsset(index, asset);
  return toProgramAsset(index, asset);
}
