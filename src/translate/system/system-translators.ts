/**
 * system.ping / getTime / getVersion answered by understudy itself: nothing of the vendor is needed
 * (public OTT OpenAPI, brief S2: boolean, integer epoch seconds, string). The version is the one
 * configured as `vendor.serverVersion` (docs/vendor-decisions.md "system.getVersion").
 */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import type { TranslateContext, TranslatorTable } from '../translator';
import { serveByDevice } from './serve-by-device';

function ping(): Promise<VendorOutcome> {
  return Promise.resolve(ok(true));
}

function getTime(ctx: TranslateContext): Promise<VendorOutcome> {
  return Promise.resolve(ok(ctx.nowSec));
}

/** A facade without a configured version is a deployment bug: error 1, logged by the runner. */
function getVersion(ctx: TranslateContext): Promise<VendorOutcome> {
  if (ctx.serverVersion === undefined) return Promise.reject(new Error('vendor.serverVersion is not configured'));
  return Promise.resolve(ok(ctx.serverVersion));
}

export const systemTranslators: TranslatorTable = {
  'system.ping': { access: 'none', run: ping },
  'system.gettime': { access: 'none', run: getTime },
  'system.getversion': { access: 'none', run: getVersion },
  'configurations.servebydevice': { access: 'none', run: serveByDevice },
};
