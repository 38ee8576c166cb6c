/** transactionHistory.list from the household's entitlements, expired included (docs/vendor-decisions.md "Transaction history"). */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { readTransactionHistoryQuery, toBillingTransactionList, type PurchaseFacts } from '../../../phoenix/transaction-history-objects';
import type { SimCallContext, SimOperationTable } from '../sim-operation';

function listTransactions(ctx: SimCallContext): VendorOutcome {
  const query = readTransactionHistoryQuery(ctx.params);
  if (!query.ok) return query;
  const householdId = ctx.session?.householdId ?? 0;
  const userId = query.value.scope === 'user' ? ctx.session?.userId : undefined;
  const purchases: PurchaseFacts[] = [];
  for (const e of ctx.state.commerce.entitlements) {
    if (e.householdVendorId !== householdId || (userId !== undefined && e.userVendorId !== userId)) continue;
    const product = ctx.state.index.productByVendorId.get(e.productVendorId);
    if (!product) continue;
    purchases.push({
      entitlementId: e.vendorId, productId: product.vendorId, productName: product.name, productType: e.type,
      amount: product.price, currency: product.currency, purchaseDate: e.purchaseDate, endDate: e.endDate,
      paymentMethod: e.paymentMethod, isRenewable: product.isRenewable,
    });
  }
  return ok(toBillingTransactionList(purchases, query.value));
}

export const transactionHistoryOperations: SimOperationTable = {
  'transactionhistory.list': { access: 'user', run: listTransactions },
};
