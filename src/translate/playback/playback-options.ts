import type { VendorOutcome } from '../../core/vendor-error';
import { ok } from '../../core/result';
import { readEnum, readIdList, readObject, readString, type ParamSource } from '../../phoenix/param-readers';

/**
 * KalturaPlaybackContextOptions (brief §5.3), read in the vendor's order with its labels;
 * `objectType`, `referrer`, `adapterData` and unknown members are ignored (§1.4, §7.8).
 */
export const playbackContexts = ['PLAYBACK', 'CATCHUP', 'START_OVER', 'TRAILER', 'DOWNLOAD'] as const;
const urlTypes = ['PLAYMANIFEST', 'DIRECT'] as const;
const mediaProtocols = ['http', 'https'] as const;

export interface PlaybackOptions {
  readonly context: (typeof playbackContexts)[number];
  readonly urlType: (typeof urlTypes)[number];
  readonly fileIds: readonly number[];
  readonly streamerType: string | undefined;
}

/** Reads `contextDataParams`. */
export function readPlaybackOptions(params: ParamSource): VendorOutcome<PlaybackOptions> {
  const label = (name: string) => ({ label: `contextDataParams.${name}` });
  const options = readObject(params, 'contextDataParams');
  if (!options.ok) return options;
  const source = options.value ?? {};
  const context = readEnum(source, 'context', playbackContexts, label('context'));
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
