import type { TranslatorTable } from '../translator';
import { entitlementList } from './entitlement-list';
import { productPriceList } from './product-price-list';
import { transactionPurchase } from './transaction-purchase';

/** The commerce service's vendor operations translated to the platform. */
export const commerceTranslators: TranslatorTable = {
  'entitlement.list': entitlementList,
  'productprice.list': productPriceList,
  'transaction.purchase': transactionPurchase,
};
