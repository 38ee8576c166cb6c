/**
 * system.ping / getTime / getVersion: start-up and clock-sync calls, no KS needed (public OTT
 * OpenAPI, brief S2: boolean, integer epoch seconds, string; Java client `SystemService`).
 */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import type { SimCallContext, SimOperationTable } from '../sim-operation';
import { serveByDevice } from './configurations-operations';

function ping(): VendorOutcome {
  return ok(true);
}

function getTime(ctx: SimCallContext): VendorOutcome {
  return ok(ctx.nowSec);
}

function getVersion(ctx: SimCallContext): VendorOutcome {
  return ok(ctx.state.catalog.demo.serverVersion);
}

export const systemOperations: SimOperationTable = {
  'system.ping': { access: 'none', run: ping },
  'system.gettime': { access: 'none', run: getTime },
  'system.getversion': { access: 'none', run: getVersion },
  'configurations.servebydevice': { access: 'none', run: serveByDevice },
};
