import type { TranslatorTable } from '../translator';
import { deviceTranslators } from './device-translators';
import { householdTranslators } from './household-translators';
import { ottUserTranslators } from './ottuser-translators';
import { sessionTranslators } from './session-translators';
import { devicePinTranslators } from './device-pin-translators';
import { userPinTranslators } from './user-pin-translators';

/** The identity service's vendor operations translated to the platform. */
export const identityTranslators: TranslatorTable = {
  ...ottUserTranslators,
  ...sessionTranslators,
  ...householdTranslators,
  ...deviceTranslators,
  ...devicePinTranslators,
  ...userPinTranslators,
};
