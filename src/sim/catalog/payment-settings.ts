/**
 * The lab partner's payment gateways and the households' payment methods, derived from the
 * catalogue (fixed, no randomness) so both sims agree: two gateways, card payments the account
 * default; households with even ids chose carrier billing themselves; a household that ever bought
 * something holds one card payment method on the gateway in effect. Purchases made at run time add
 * no method (a method is added at a payment provider, which the lab does not simulate).
 * docs/vendor-decisions.md "Household payment gateways and methods".
 */
import type { Catalog } from '../../core/catalog';

export interface LabPaymentGateway {
  readonly id: number;
  readonly name: string;
  readonly isAccountDefault: boolean;
}

export const labPaymentGateways: readonly LabPaymentGateway[] = [
  { id: 11, name: 'Card payments', isAccountDefault: true },
  { id: 12, name: 'Carrier billing', isAccountDefault: false },
];

/** The gateway a household chose itself, if any. */
export function householdGatewayChoice(householdId: number): number | undefined {
  return householdId % 2 === 0 ? 12 : undefined;
}

/** The gateway in effect for a household: its own choice, else the account default. */
export function gatewayInEffect(householdId: number): number {
  return householdGatewayChoice(householdId) ?? labPaymentGateways.find((g) => g.isAccountDefault)?.id ?? 0;
}

export interface LabPaymentMethod {
  readonly id: number;
  readonly externalId: string;
  readonly paymentGatewayId: number;
  readonly details: string;
  readonly isDefault: boolean;
  readonly paymentMethodProfileId: number;
}

/** The household's payment methods (one card when it ever bought something). */
export function householdPaymentMethods(catalog: Catalog, householdId: number): LabPaymentMethod[] {
  if (!catalog.entitlements.some((e) => e.householdVendorId === householdId)) return [];
  const lastDigits = String((householdId * 7919) % 10000).padStart(4, '0');
  return [{ id: householdId * 10 + 1, externalId: `pm-${householdId}-card`, paymentGatewayId: gatewayInEffect(householdId), details: `Card ending ${lastDigits}`, isDefault: true, paymentMethodProfileId: 1 }];
}
