import type { SimOperationTable } from '../sim-operation';
import { listEntitlements } from './entitlement-list';
import { listProductPrices } from './product-price-list';
import { purchaseProduct } from './transaction-purchase';

/** Commerce operations of vendor-sim; all need a logged-in user (brief §5.5). */
export const commerceOperations: SimOperationTable = {
  'entitlement.list': { access: 'user', run: listEntitlements },
  'productprice.list': { access: 'user', run: listProductPrices },
  'transaction.purchase': { access: 'user', run: purchaseProduct },
};
