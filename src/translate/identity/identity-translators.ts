import type { TranslatorTable } from '../translator';

/** The identity service's vendor operations translated to the platform. */
export const identityTranslators: TranslatorTable = {};
