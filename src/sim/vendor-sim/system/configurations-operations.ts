/** configurations.serveByDevice: the native player's start-up GET (brief §1.2, §5.6). */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { readInt, readString } from '../../../phoenix/param-readers';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import { matchAppConfiguration } from '../../catalog/match-app-configuration';
import type { SimCallContext } from '../sim-operation';

/** The five device facts, each required (generated clients declare none optional). */
function readDeviceFacts(ctx: SimCallContext): VendorOutcome<{ appName: string; clientVersion: string; platform: string; tag: string }> {
  const appName = readString(ctx.params, 'applicationName', { required: true });
  if (!appName.ok) return appName;
  const clientVersion = readString(ctx.params, 'clientVersion', { required: true });
  if (!clientVersion.ok) return clientVersion;
  const platform = readString(ctx.params, 'platform', { required: true });
  if (!platform.ok) return platform;
  const udid = readString(ctx.params, 'udid', { required: true });
  if (!udid.ok) return udid;
  const tag = readString(ctx.params, 'tag', { required: true });
  if (!tag.ok) return tag;
  return ok({ appName: appName.value, clientVersion: clientVersion.value, platform: platform.value, tag: tag.value });
}

/**
 * Answers the matched configuration's content as a bare JSON document (docs/vendor-decisions.md
 * "configurations.serveByDevice"); an unknown partner → 500006, no match → 500007.
 */
export function serveByDevice(ctx: SimCallContext): VendorOutcome {
  const partnerId = readInt(ctx.params, 'partnerId', { required: true });
  if (!partnerId.ok) return partnerId;
  if (partnerId.value !== ctx.state.identity.partnerId) return vendorFailure('MissingConfiguration', { configuration: `partner ${partnerId.value}` });
  const facts = readDeviceFacts(ctx);
  if (!facts.ok) return facts;
  const { catalog } = ctx.state;
  const found = matchAppConfiguration(facts.value, catalog.configurationGroups, catalog.appConfigurations);
  if (found === undefined) return vendorFailure('NotFound', { objectType: 'Configuration' });
  return ok({ unenveloped: found.content });
}
