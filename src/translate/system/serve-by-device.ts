/** configurations.serveByDevice → platform deviceConfig.matchConfiguration (brief §1.2, §5.6). */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readInt, readString } from '../../phoenix/param-readers';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import { expectOk, isNotFound } from '../platform-reply';
import type { TranslateContext } from '../translator';

interface PlatformAppConfiguration {
  readonly content: Readonly<Record<string, unknown>>;
}

/** The device facts in the vendor's order of checks; each is required (generated clients). */
function readDeviceFacts(ctx: TranslateContext): VendorOutcome<Record<'appName' | 'clientVersion' | 'platform' | 'udid' | 'tag', string>> {
  const names = [['applicationName', 'appName'], ['clientVersion', 'clientVersion'], ['platform', 'platform'], ['udid', 'udid'], ['tag', 'tag']] as const;
  const facts: Record<string, string> = {};
  for (const [vendorName, platformName] of names) {
    const value = readString(ctx.params, vendorName, { required: true });
    if (!value.ok) return value;
    facts[platformName] = value.value;
  }
  return ok(facts as Record<'appName' | 'clientVersion' | 'platform' | 'udid' | 'tag', string>);
}

/**
 * The matched configuration's content, sent unenveloped (docs/vendor-decisions.md
 * "configurations.serveByDevice"); an unknown partner → 500006, no match → 500007.
 */
export async function serveByDevice(ctx: TranslateContext): Promise<VendorOutcome> {
  const partnerId = readInt(ctx.params, 'partnerId', { required: true });
  if (!partnerId.ok) return partnerId;
  if (partnerId.value !== ctx.partnerId) return vendorFailure('MissingConfiguration', { configuration: `partner ${partnerId.value}` });
  const facts = readDeviceFacts(ctx);
  if (!facts.ok) return facts;
  const reply = await ctx.platform.call({ method: 'GET', path: '/device-config/v1/configurations/match', query: facts.value });
  if (isNotFound(reply)) return vendorFailure('NotFound', { objectType: 'Configuration' });
  const found = expectOk<PlatformAppConfiguration>('deviceConfig.matchConfiguration', reply);
  return ok({ unenveloped: found.content });
}
