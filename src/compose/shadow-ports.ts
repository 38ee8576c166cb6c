/**
 * The shadow executor's ports over the running facade: the platform candidate is the facade's own
 * translation of the call (the same code a platform-routed call runs), the noise baseline a second
 * vendor call, contract violations the vendor contract's validators.
 */
import type { IncomingMessage } from 'node:http';
import { validateVendorResponse } from '../contract/response-validator';
import { runTranslatedCall, type FacadeCallEnvironment } from '../gateway/facade-call-runner';
import type { RequestFacts } from '../gateway/routing-input';
import { outcomeEnvelope } from '../phoenix/envelope';
import { isRedirectResult } from '../phoenix/redirect-result';
import { resolveRegion } from '../policy/decide-target';
import type { PolicyHolder } from '../policy/policy-holder';
import type { ShadowJob, SideAnswer } from '../shadow/shadow-executor';
import type { VendorRawClient } from '../upstream/vendor-raw-client';

const failedAnswer: SideAnswer = { answer: '', bytes: 0, failed: true };

/** Runs the call through the facade's translator and lifts the answer as the device would get it. */
export async function runPlatformCandidate(job: ShadowJob, env: FacadeCallEnvironment): Promise<SideAnswer> {
  const translated = await runTranslatedCall(job.call, job.apiBaseUrl, env);
  if (translated.failed) return failedAnswer;
  const { outcome } = translated;
  if (outcome.ok && isRedirectResult(outcome.value)) return { answer: { json: { redirect: outcome.value.redirectTo } }, bytes: outcome.value.redirectTo.length, failed: false };
  const envelope = outcomeEnvelope(outcome, 0);
  // Serialised once, as a device would receive it: the body cap measures it, and the diff engine
  // settles a sample by this text when it matches the vendor's (no parse, no walk); otherwise it
  // compares the value itself.
  const text = JSON.stringify(envelope);
  return { answer: { json: envelope, text }, bytes: text.length, failed: false };
}

/** Sends the call to the vendor again (noise baseline); an HTTP error counts as a failure. */
export async function fetchVendorAgain(job: Pick<ShadowJob, 'call'>, client: VendorRawClient): Promise<SideAnswer> {
  const answer = await client.post(job.call);
  if (answer.status >= 300 && answer.status < 400) return { answer: { json: { redirect: answer.location ?? '' } }, bytes: (answer.location ?? '').length, failed: false };
  if (answer.status !== 200) return failedAnswer;
  return { answer: answer.body, bytes: answer.body.length, failed: false };
}

/** Contract violations of a lifted answer (redirects carry no body to validate). */
export function countContractViolations(operationId: string, value: unknown): number {
  if (typeof value !== 'object' || value === null || 'redirect' in value || 'unparseable' in value) return 0;
  return validateVendorResponse(operationId, value).length;
}

/** The call's region by the active policy (trusted header, then CIDR table), '' when unknown. */
export function regionOfRequest(policy: PolicyHolder, req: IncomingMessage): string {
  return regionOfFacts(policy, { headers: req.headers, ...(req.socket.remoteAddress === undefined ? {} : { remoteAddress: req.socket.remoteAddress }) });
}

/** The same from the request's facts (headers lower-cased, remote address). */
export function regionOfFacts(policy: PolicyHolder, facts: RequestFacts): string {
  const compiled = policy.current().policy;
  const raw = compiled.regionHeader === undefined ? undefined : facts.headers[compiled.regionHeader];
  const header = Array.isArray(raw) ? raw[0] : raw;
  return (
    resolveRegion(compiled, {
      operationId: '',
      ...(typeof header === 'string' ? { regionHeader: header } : {}),
      ...(facts.remoteAddress === undefined ? {} : { remoteAddress: facts.remoteAddress }),
    }) ?? ''
  );
}
