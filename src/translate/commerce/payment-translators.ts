/**
 * householdPaymentGateway.list / householdPaymentMethod.list → platform
 * commerce.listHouseholdPaymentGateways / listHouseholdPaymentMethods for the caller's household.
 * docs/vendor-decisions.md "Household payment gateways and methods".
 */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { toPaymentGatewayList, toPaymentMethodList, type PaymentGatewayFacts } from '../../phoenix/payment-objects';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import { expectOk } from '../platform-reply';
import type { PlatformReply } from '../platform-port';
import type { TranslateContext, TranslatorTable } from '../translator';

interface PlatformGateway {
  readonly legacyId: number;
  readonly name: string;
  readonly inEffect: boolean;
  readonly selectedBy: PaymentGatewayFacts['selectedBy'];
  readonly suspendRevokesEntitlements: boolean;
  readonly suspendStopsRenewal: boolean;
}

interface PlatformMethod {
  readonly legacyId: number;
  readonly gatewayLegacyId: number;
  readonly externalRef: string;
  readonly details: string;
  readonly isDefault: boolean;
  readonly profileLegacyId: number;
}

/** GETs a list of the caller's household: no household → 2024, one the platform does not show → 1006. */
async function fetchHouseholdList<T>(ctx: TranslateContext, what: string, operationId: string): Promise<VendorOutcome<T[]>> {
  const householdId = ctx.session?.householdId ?? 0;
  if (householdId === 0) return vendorFailure('UserWithNoDomain');
  const platformId = ctx.ids.toPlatform('household', householdId);
  if (platformId === undefined) return vendorFailure('DomainNotExists');
  const reply: PlatformReply = await ctx.platform.call({ method: 'GET', path: `/commerce/v1/households/${encodeURIComponent(platformId)}/${what}` });
  if (reply.status === 404 || reply.status === 403) return vendorFailure('DomainNotExists');
  return ok(expectOk<{ items: T[] }>(operationId, reply).items);
}

async function listGateways(ctx: TranslateContext): Promise<VendorOutcome> {
  const items = await fetchHouseholdList<PlatformGateway>(ctx, 'payment-gateways', 'commerce.listHouseholdPaymentGateways');
  if (!items.ok) return items;
  return ok(toPaymentGatewayList(items.value.map((g) => ({
    id: g.legacyId,
    name: g.name,
    isDefault: g.inEffect,
    selectedBy: g.selectedBy,
    revokeEntitlementsOnSuspend: g.suspendRevokesEntitlements,
    stopRenewOnSuspend: g.suspendStopsRenewal,
  }))));
}

async function listMethods(ctx: TranslateContext): Promise<VendorOutcome> {
  const items = await fetchHouseholdList<PlatformMethod>(ctx, 'payment-methods', 'commerce.listHouseholdPaymentMethods');
  if (!items.ok) return items;
  return ok(toPaymentMethodList(items.value.map((m) => ({
    id: m.legacyId,
    externalId: m.externalRef,
    paymentGatewayId: m.gatewayLegacyId,
    details: m.details,
    isDefault: m.isDefault,
    paymentMethodProfileId: m.profileLegacyId,
  }))));
}

export const paymentTranslators: TranslatorTable = {
  'householdpaymentgateway.list': { access: 'user', run: listGateways },
  'householdpaymentmethod.list': { access: 'user', run: listMethods },
};
