/**
 * `commerce.listHouseholdPaymentGateways`, `commerce.listHouseholdPaymentMethods`: how a household
 * pays (docs/platform.md "Operations"); readable by its members.
 */
import { gatewayInEffect, householdGatewayChoice, householdPaymentMethods, labPaymentGateways } from '../../catalog/payment-settings';
import { resolveCallerHousehold } from '../identity/caller-household';
import type { RouteSpec } from '../http/router';
import { ok, type Reply } from '../http/reply';
import type { PlatformRequest } from '../platform-request';

function listGateways(req: PlatformRequest): Reply {
  const resolved = resolveCallerHousehold(req);
  if ('reply' in resolved) return resolved.reply;
  const householdId = resolved.household.vendorId;
  const chosen = householdGatewayChoice(householdId);
  const items = labPaymentGateways.map((g) => ({
    legacyId: g.id,
    name: g.name,
    inEffect: g.id === gatewayInEffect(householdId),
    selectedBy: g.id === chosen ? 'household' : chosen === undefined && g.isAccountDefault ? 'account' : 'none',
    suspendRevokesEntitlements: false,
    suspendStopsRenewal: false,
  }));
  return ok({ items });
}

function listMethods(req: PlatformRequest): Reply {
  const resolved = resolveCallerHousehold(req);
  if ('reply' in resolved) return resolved.reply;
  const items = householdPaymentMethods(req.state.catalog, resolved.household.vendorId).map((m) => ({
    legacyId: m.id,
    gatewayLegacyId: m.paymentGatewayId,
    externalRef: m.externalId,
    details: m.details,
    isDefault: m.isDefault,
    profileLegacyId: m.paymentMethodProfileId,
  }));
  return ok({ items });
}

export const paymentRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'GET', path: '/commerce/v1/households/:householdId/payment-gateways', operationId: 'commerce.listHouseholdPaymentGateways', auth: 'bearer', handle: listGateways },
  { method: 'GET', path: '/commerce/v1/households/:householdId/payment-methods', operationId: 'commerce.listHouseholdPaymentMethods', auth: 'bearer', handle: listMethods },
];
