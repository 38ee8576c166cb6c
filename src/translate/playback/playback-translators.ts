import type { TranslatorTable } from '../translator';
import { getPlaybackContextTranslator } from './asset-get-playback-context';
import { playManifestTranslator } from './play-manifest';

/** The playback service's vendor operations translated to the platform. */
export const playbackTranslators: TranslatorTable = {
  'asset.getplaybackcontext': getPlaybackContextTranslator,
  'assetfile.playmanifest': playManifestTranslator,
};
