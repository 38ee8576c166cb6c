/**
 * householdPaymentGateway.list / householdPaymentMethod.list answers (generated TypeScript client:
 * `KalturaHouseholdPaymentGateway` {id, name, isDefault, selectedBy (KalturaHouseholdPaymentGatewaySelectedBy
 * none | account | household), suspendSettings: KalturaSuspendSettings}, `KalturaHouseholdPaymentMethod`
 * {id, externalId, paymentGatewayId, details, isDefault, paymentMethodProfileId}).
 * docs/vendor-decisions.md "Household payment gateways and methods".
 */
import { listResponse } from './pager';

export interface PaymentGatewayFacts {
  readonly id: number;
  readonly name: string;
  readonly isDefault: boolean;
  readonly selectedBy: 'none' | 'account' | 'household';
  readonly revokeEntitlementsOnSuspend: boolean;
  readonly stopRenewOnSuspend: boolean;
}

export interface PaymentMethodFacts {
  readonly id: number;
  readonly externalId: string;
  readonly paymentGatewayId: number;
  readonly details: string;
  readonly isDefault: boolean;
  readonly paymentMethodProfileId: number;
}

/** KalturaHouseholdPaymentGatewayListResponse. */
export function toPaymentGatewayList(gateways: readonly PaymentGatewayFacts[]): Record<string, unknown> {
  return listResponse('KalturaHouseholdPaymentGatewayListResponse', gateways.map((g) => ({
    objectType: 'KalturaHouseholdPaymentGateway',
    id: g.id,
    name: g.name,
    isDefault: g.isDefault,
    selectedBy: g.selectedBy,
    suspendSettings: { objectType: 'KalturaSuspendSettings', revokeEntitlements: g.revokeEntitlementsOnSuspend, stopRenew: g.stopRenewOnSuspend },
  })));
}

/** KalturaHouseholdPaymentMethodListResponse. */
export function toPaymentMethodList(methods: readonly PaymentMethodFacts[]): Record<string, unknown> {
  return listResponse('KalturaHouseholdPaymentMethodListResponse', methods.map((m) => ({ objectType: 'KalturaHouseholdPaymentMethod', ...m })));
}
