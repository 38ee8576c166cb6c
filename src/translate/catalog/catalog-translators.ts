import type { TranslatorTable } from '../translator';

/** The catalog service's vendor operations translated to the platform. */
export const catalogTranslators: TranslatorTable = {};
