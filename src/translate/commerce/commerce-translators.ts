import type { TranslatorTable } from '../translator';

/** The commerce service's vendor operations translated to the platform. */
export const commerceTranslators: TranslatorTable = {};
