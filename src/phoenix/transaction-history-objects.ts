/**
 * transactionHistory.list (generated TypeScript client: `TransactionHistoryListAction(filter,
 * pager)` with `KalturaTransactionHistoryFilter {entityReferenceEqual, startDateGreaterThanOrEqual,
 * endDateLessThanOrEqual}`; `KalturaBillingTransaction` with the enums KalturaBillingItemsType,
 * KalturaBillingAction, KalturaPaymentMethodType, KalturaBillingPriceType).
 * docs/vendor-decisions.md "Transaction history".
 */
import { ok } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import { listResponse, readPager, type VendorPager } from './pager';
import { readEnum, readInt, readObject } from './param-readers';

/** One purchase as the history lists it: an entitlement with its product's name and price. */
export interface PurchaseFacts {
  readonly entitlementId: number;
  readonly productId: string;
  readonly productName: string;
  readonly productType: 'ppv' | 'subscription';
  readonly amount: number;
  readonly currency: string;
  readonly purchaseDate: number;
  readonly endDate: number;
  readonly paymentMethod: string;
  readonly isRenewable: boolean;
}

export interface TransactionHistoryQuery {
  readonly scope: 'user' | 'household';
  readonly from: number | undefined;
  readonly to: number | undefined;
  readonly pager: VendorPager;
}

const paymentMethodTypes = new Set(['change_subscription', 'credit_card', 'debit_card', 'gift', 'ideal', 'incaso', 'in_app', 'm1', 'master_card', 'offline', 'pay_pal', 'sms', 'unknown', 'visa']);
const currencySigns: Readonly<Record<string, string>> = { EUR: '€', USD: '$', GBP: '£', ILS: '₪' };

/** The filter (optional): household scope by default, an inclusive purchase-date window, the pager. */
export function readTransactionHistoryQuery(params: Readonly<Record<string, unknown>>): VendorOutcome<TransactionHistoryQuery> {
  const filter = readObject(params, 'filter');
  if (!filter.ok) return filter;
  const f = filter.value ?? {};
  const scope = readEnum(f, 'entityReferenceEqual', ['user', 'household'] as const, { label: 'filter.entityReferenceEqual' });
  if (!scope.ok) return scope;
  const from = readInt(f, 'startDateGreaterThanOrEqual', { label: 'filter.startDateGreaterThanOrEqual' });
  if (!from.ok) return from;
  const to = readInt(f, 'endDateLessThanOrEqual', { label: 'filter.endDateLessThanOrEqual' });
  if (!to.ok) return to;
  const pager = readPager(params);
  if (!pager.ok) return pager;
  return ok({ scope: scope.value ?? 'household', from: from.value, to: to.value, pager: pager.value });
}

/** A `KalturaBillingTransaction` of one purchase (every lab purchase is a full-period purchase). */
export function toKalturaBillingTransaction(p: PurchaseFacts): Record<string, unknown> {
  return {
    objectType: 'KalturaBillingTransaction',
    recieptCode: String(p.entitlementId),
    purchasedItemName: p.productName,
    purchasedItemCode: p.productId,
    itemType: p.productType,
    billingAction: 'purchase',
    price: { objectType: 'KalturaPrice', amount: p.amount, currency: p.currency, currencySign: currencySigns[p.currency] ?? p.currency },
    actionDate: p.purchaseDate,
    startDate: p.purchaseDate,
    endDate: p.endDate,
    paymentMethod: paymentMethodTypes.has(p.paymentMethod) ? p.paymentMethod : 'unknown',
    paymentMethodExtraDetails: '',
    isRecurring: p.productType === 'subscription' && p.isRenewable,
    billingProviderRef: 0,
    purchaseId: p.entitlementId,
    remarks: '',
    billingPriceType: 'FullPeriod',
    externalTransactionId: '',
  };
}

/** The list response: purchases in the window, newest first, ties by entitlement id, one page. */
export function toBillingTransactionList(purchases: readonly PurchaseFacts[], query: TransactionHistoryQuery): Record<string, unknown> {
  const inWindow = purchases
    .filter((p) => (query.from === undefined || p.purchaseDate >= query.from) && (query.to === undefined || p.purchaseDate <= query.to))
    .sort((a, b) => b.purchaseDate - a.purchaseDate || a.entitlementId - b.entitlementId);
  return listResponse('KalturaBillingTransactionListResponse', inWindow.map(toKalturaBillingTransaction), query.pager);
}
