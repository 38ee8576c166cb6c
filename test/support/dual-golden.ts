/**
 * Runs golden cases through a dual lab (shadow-lab.ts): reads go to the shadowing facade only;
 * writes (and multirequests that write) go to the platform-routed facade first and then to the
 * shadowing one, so both sims hold the same state when a later read is shadowed. Logins happen on
 * both sides for the same reason. After each case the shadow executor is drained.
 */
import { isReadOnlyOperation } from '../../src/phoenix/read-only-operations';
import type { LoadedGoldenCase } from './golden-runner';
import { substitute } from './golden-runner';
import type { DualLab } from './shadow-lab';
import { labDemo, loginAs, sendVendorRequest } from './vendor-http';

async function resetBoth(lab: DualLab): Promise<void> {
  for (const url of [lab.shadow.upstreams.platformUrl, lab.shadow.upstreams.vendorUrl]) await (await fetch(`${url}/__sim/reset`, { method: 'POST' })).text();
}

/** True when a multirequest reads before its first write: such reads are compared, so the platform must not hold the write yet. */
function readsBeforeWriting(loaded: LoadedGoldenCase): boolean {
  if (loaded.operationId !== 'multirequest') return false;
  const body = (loaded.golden.request.body ?? {}) as Record<string, { action?: string; service?: string }>;
  const slots = Object.keys(body).filter((key) => /^\d+$/.test(key)).sort((a, b) => Number(a) - Number(b));
  const first = slots[0] === undefined ? undefined : body[slots[0]];
  return first !== undefined && isReadOnlyOperation(`${first.service ?? ''}.${first.action ?? ''}`);
}

function writes(loaded: LoadedGoldenCase): boolean {
  if (loaded.operationId !== 'multirequest') return !isReadOnlyOperation(loaded.operationId);
  const body = (loaded.golden.request.body ?? {}) as Record<string, { action?: string; service?: string }>;
  return Object.entries(body).some(([key, sub]) => /^\d+$/.test(key) && !isReadOnlyOperation(`${sub.service ?? ''}.${sub.action ?? ''}`));
}

/** Runs one case the dual way; returns the shadowing facade's HTTP status. */
export async function runDualCase(loaded: LoadedGoldenCase, lab: DualLab): Promise<number> {
  const { golden } = loaded;
  if (golden.mutates === true) await resetBoth(lab);
  const vars: Record<string, string> = { partnerId: String(labDemo().partnerId) };
  if (golden.as !== undefined) {
    await loginAs(lab.platform.url, golden.as);
    vars.ks = await loginAs(lab.shadow.url, golden.as);
  }
  const request = substitute(golden.request, vars) as LoadedGoldenCase['golden']['request'];
  const query = request.query === undefined ? '' : `?${new URLSearchParams(request.query).toString()}`;
  const body = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  const contentType = request.contentType ?? (request.rawBody === undefined && body !== undefined ? 'application/json' : undefined);
  const init = { method: request.method ?? 'POST', ...(body === undefined ? {} : { body }), ...(contentType === undefined ? {} : { contentType }) };
  // A multirequest's reads before its first write are compared and must not see the write the
  // harness makes in the sync's stead: the platform is written after them. Otherwise before, so
  // reads the write may show (allowed after it) see it on both sides.
  const platformAfter = writes(loaded) && readsBeforeWriting(loaded);
  if (writes(loaded) && !platformAfter) await sendVendorRequest(lab.platform.url, `${request.path}${query}`, init);
  const answer = await sendVendorRequest(lab.shadow.url, `${request.path}${query}`, init);
  // idle() also waits for answers still being captured (ShadowExecutor.trackCapture).
  await lab.shadow.shadow.executor.idle();
  if (platformAfter) await sendVendorRequest(lab.platform.url, `${request.path}${query}`, init);
  if (golden.mutates === true) await resetBoth(lab);
  return answer.status;
}
