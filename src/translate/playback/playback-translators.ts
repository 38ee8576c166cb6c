import type { TranslatorTable } from '../translator';

/** The playback service's vendor operations translated to the platform. */
export const playbackTranslators: TranslatorTable = {};
