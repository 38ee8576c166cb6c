import type { CatalogLiveChannel, CatalogVodAsset } from '../../../core/catalog';
import type { VendorOutcome } from '../../../core/vendor-error';
import { ok } from '../../../core/result';
import { readEnum, readIdList, readObject, readString, type ParamSource } from '../../../phoenix/param-readers';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import type { SimCallContext, SimOperationTable } from '../sim-operation';
import { decidePlayback } from './playback-decision';
import { redirectToManifest } from './play-manifest';
import { findRecordingPlayback } from '../cdvr/recording-assets';

const assetTypes = ['media', 'epg', 'recording'] as const;
const contexts = ['PLAYBACK', 'CATCHUP', 'START_OVER', 'TRAILER', 'DOWNLOAD'] as const;
const urlTypes = ['PLAYMANIFEST', 'DIRECT'] as const;
const mediaProtocols = ['http', 'https'] as const;

type AssetType = (typeof assetTypes)[number];

/** The VOD asset or channel whose files play: a programme plays through its channel (§5.2). */
function findPlayableOwner(ctx: SimCallContext, assetId: string, assetType: AssetType): CatalogVodAsset | CatalogLiveChannel | undefined {
  if (!/^\s*\d+\s*$/.test(assetId) || assetType === 'recording') return undefined; // recordings: findRecordingPlayback
  const asset = ctx.state.index.assetByVendorId.get(Number(assetId));
  if (asset === undefined) return undefined;
  if (assetType === 'media') return asset.kind === 'program' ? undefined : asset;
  if (asset.kind !== 'program') return undefined;
  const channel = ctx.state.index.assetByVendorId.get(asset.channelVendorId);
  return channel?.kind === 'live' ? channel : undefined;
}

interface PlaybackOptions {
  readonly context: (typeof contexts)[number];
  readonly urlType: (typeof urlTypes)[number];
  readonly fileIds: readonly number[];
  readonly streamerType: string | undefined;
}

/** KalturaPlaybackContextOptions; `objectType`, `referrer`, `adapterData` and unknown members are ignored (§1.4, §7.8). */
function readPlaybackOptions(params: ParamSource): VendorOutcome<PlaybackOptions> {
  const label = (name: string) => ({ label: `contextDataParams.${name}` });
  const options = readObject(params, 'contextDataParams');
  if (!options.ok) return options;
  const source = options.value ?? {};
  const context = readEnum(source, 'context', contexts, label('context'));
  if (!context.ok) return context;
  const urlType = readEnum(source, 'urlType', urlTypes, label('urlType'));
  if (!urlType.ok) return urlType;
  const protocol = readEnum(source, 'mediaProtocol', mediaProtocols, label('mediaProtocol'));
  if (!protocol.ok) return protocol;
  const fileIds = readIdList(source, 'assetFileIds', label('assetFileIds'));
  if (!fileIds.ok) return fileIds;
  const streamerType = readString(source, 'streamerType', label('streamerType'));
  if (!streamerType.ok) return streamerType;
  return ok({ context: context.value ?? 'PLAYBACK', urlType: urlType.value ?? 'PLAYMANIFEST', fileIds: fileIds.value, streamerType: streamerType.value });
}

/** `asset.getPlaybackContext` per docs/lab-rules.md "Playback decision" and "Sources" (brief §5.3). */
function getPlaybackContext(ctx: SimCallContext): VendorOutcome {
  const assetId = readString(ctx.params, 'assetId', { required: true });
  if (!assetId.ok) return assetId;
  const assetType = readEnum(ctx.params, 'assetType', assetTypes);
  if (!assetType.ok) return assetType;
  const options = readPlaybackOptions(ctx.params);
  if (!options.ok) return options;
  const type = assetType.value ?? 'media';
  const recording = type === 'recording' ? findRecordingPlayback(ctx, assetId.value) : undefined;
  if (recording?.ok === false) return recording;
  const owner = recording === undefined ? findPlayableOwner(ctx, assetId.value, type) : recording.value.channel;
  if (owner === undefined) return vendorFailure('NotFound', { objectType: 'Asset' });
  const { context, urlType, fileIds, streamerType } = options.value;
  const wantedFormat = streamerType?.trim().toLowerCase();
  const files = owner.files.filter(
    (file) =>
      (fileIds.length === 0 || fileIds.includes(file.vendorId)) &&
      (wantedFormat === undefined || wantedFormat === '' || ctx.state.index.fileTypeById.get(file.fileTypeId)?.format === wantedFormat),
  );
  const partnerId = ctx.session?.partnerId ?? ctx.state.catalog.demo.partnerId;
  const source = { apiBaseUrl: ctx.apiBaseUrl, partnerId, assetId: Number(assetId.value), assetType: type, context, urlType };
  const subject = recording?.value.program ?? ctx.state.index.assetByVendorId.get(Number(assetId.value)) ?? owner;
  return ok(decidePlayback(ctx, { source, owner, files, subject }));
}

/** Playback operations of vendor-sim. */
export const playbackOperations: SimOperationTable = {
  'asset.getplaybackcontext': { access: 'session', run: getPlaybackContext },
  'assetfile.playmanifest': { access: 'none', run: redirectToManifest },
};
