import type { TranslatorTable } from '../translator';
import { assetGetTranslator } from './asset-get';
import { assetListTranslator } from './asset-list';

/** The catalog service's vendor operations translated to the platform. */
export const catalogTranslators: TranslatorTable = {
  'asset.get': assetGetTranslator,
  'asset.list': assetListTranslator,
};
