import type { TranslatorTable } from '../translator';

/** The viewing service's vendor operations translated to the platform. */
export const viewingTranslators: TranslatorTable = {};
