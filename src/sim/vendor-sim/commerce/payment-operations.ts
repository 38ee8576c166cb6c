/** householdPaymentGateway.list / householdPaymentMethod.list of the caller's household; docs/vendor-decisions.md "Household payment gateways and methods". */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { toPaymentGatewayList, toPaymentMethodList } from '../../../phoenix/payment-objects';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import { gatewayInEffect, householdGatewayChoice, householdPaymentMethods, labPaymentGateways } from '../../catalog/payment-settings';
import type { SimCallContext, SimOperationTable } from '../sim-operation';

/** The caller's household id; a user without one → 2024 UserWithNoDomain. */
function callerHousehold(ctx: SimCallContext): VendorOutcome<number> {
  const householdId = ctx.session?.householdId ?? 0;
  if (householdId === 0) return vendorFailure('UserWithNoDomain');
  if (!ctx.state.identity.households.has(householdId)) return vendorFailure('DomainNotExists');
  return ok(householdId);
}

function listGateways(ctx: SimCallContext): VendorOutcome {
  const household = callerHousehold(ctx);
  if (!household.ok) return household;
  const chosen = householdGatewayChoice(household.value);
  const inEffect = gatewayInEffect(household.value);
  return ok(toPaymentGatewayList(labPaymentGateways.map((g) => ({
    id: g.id,
    name: g.name,
    isDefault: g.id === inEffect,
    selectedBy: g.id === chosen ? 'household' : chosen === undefined && g.isAccountDefault ? 'account' : 'none',
    revokeEntitlementsOnSuspend: false,
    stopRenewOnSuspend: false,
  }))));
}

function listMethods(ctx: SimCallContext): VendorOutcome {
  const household = callerHousehold(ctx);
  if (!household.ok) return household;
  return ok(toPaymentMethodList(householdPaymentMethods(ctx.state.catalog, household.value)));
}

export const paymentOperations: SimOperationTable = {
  'householdpaymentgateway.list': { access: 'user', run: listGateways },
  'householdpaymentmethod.list': { access: 'user', run: listMethods },
};
