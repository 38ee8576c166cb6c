import type { components } from '../../../contracts/generated/platform';
import type { IdMapper } from '../../core/id-mapper';
import type { PlaybackOptions } from './playback-options';

/**
 * The platform `playback.authorize` body for a vendor request (docs/lab-rules.md "Playback
 * decision" step 2): `assetFileIds` become platform file ids, `streamerType` a stream format.
 * When the filters already leave no file, no authorisation is needed: the answer is OK with no
 * sources and the device is not marked active.
 */
type PlatformFormat = components['schemas']['StreamFormat'];
type PlatformContext = components['schemas']['PlaybackContext'];

export interface AuthorizationBody {
  readonly itemId: string;
  readonly context: PlatformContext;
  readonly fileIds?: readonly string[];
  readonly formats?: readonly PlatformFormat[];
}

const platformContexts: Readonly<Record<PlaybackOptions['context'], PlatformContext>> = {
  PLAYBACK: 'playback',
  CATCHUP: 'catchup',
  START_OVER: 'startover',
  TRAILER: 'trailer',
  DOWNLOAD: 'download',
};

/** Vendor streamer types (file type formats) → platform stream formats. */
const platformFormats: Readonly<Record<string, PlatformFormat>> = { applehttp: 'hls', mpegdash: 'dash', url: 'progressive' };

/** The authorisation body, or `'no-file'` when the filters leave nothing to play. */
export function toAuthorizationBody(ids: IdMapper, itemId: string, options: PlaybackOptions): AuthorizationBody | 'no-file' {
  let fileIds: string[] | undefined;
  if (options.fileIds.length > 0) {
    fileIds = [];
    for (const vendorId of options.fileIds) {
      const platformId = ids.toPlatform('file', vendorId);
      if (platformId !== undefined) fileIds.push(platformId);
    }
    if (fileIds.length === 0) return 'no-file';
  }
  const wanted = options.streamerType?.trim().toLowerCase();
  let formats: PlatformFormat[] | undefined;
  if (wanted !== undefined && wanted !== '') {
    const format = platformFormats[wanted];
    if (format === undefined) return 'no-file';
    formats = [format];
  }
  return {
    itemId,
    context: platformContexts[options.context],
    ...(fileIds === undefined ? {} : { fileIds }),
    ...(formats === undefined ? {} : { formats }),
  };
}
