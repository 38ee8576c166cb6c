import type { CompiledPolicy } from '../policy/compiled-policy';
import type { RoutingInput } from '../policy/decision';
import { ksPrivilegeKeys } from '../phoenix/ks-codec';
import type { KsDecoder } from '../phoenix/ks-decoder';
import { parseToken } from '../phoenix/multirequest';
import { readCallKs } from '../phoenix/operation-dispatch';

/** What the HTTP edge knows about a request, in plain data. */
export interface RequestFacts {
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly remoteAddress?: string;
}

function header(facts: RequestFacts, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const value = facts.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The device a call comes from, for sticky buckets: household and udid from its KS (decoded, not
 * verified — routing never grants anything, the chosen side verifies), else the `udid` argument.
 * A KS that is still a multirequest token falls back to the request's top-level KS. Written into
 * `input` by assignment: conditional spreads are runtime copies, once per call on the hot path
 * (bench/README.md "Issue 13").
 */
function addDevice(input: Mutable<RoutingInput>, params: Readonly<Record<string, unknown>>, fallbackKs: string | undefined, decode: KsDecoder): void {
  let ks = readCallKs(params);
  if (ks !== undefined && parseToken(ks) !== null) ks = fallbackKs;
  const decoded = ks === undefined ? undefined : decode(ks);
  const udidArgument = text(params.udid);
  if (decoded === undefined || !decoded.ok) {
    if (udidArgument !== undefined) input.udid = udidArgument;
    return;
  }
  const householdId = Number(decoded.value.privileges[ksPrivilegeKeys.householdId] ?? '0');
  const udid = decoded.value.privileges[ksPrivilegeKeys.udid] || udidArgument;
  if (householdId > 0) input.householdId = householdId;
  if (udid) input.udid = udid;
}

/** The routing facts of one call (docs/architecture.md §4 "Policy"); members in a fixed order, absent ones left out. */
export function buildRoutingInput(
  operationId: string,
  params: Readonly<Record<string, unknown>>,
  shared: Readonly<Record<string, unknown>>,
  facts: RequestFacts,
  policy: CompiledPolicy,
  decode: KsDecoder,
): RoutingInput {
  const input: Mutable<RoutingInput> = { operationId };
  addDevice(input, params, readCallKs(shared), decode);
  const clientTag = text(params.clientTag) ?? text(shared.clientTag);
  const apiVersion = text(params.apiVersion) ?? text(params.version) ?? text(shared.apiVersion);
  const regionHeader = header(facts, policy.regionHeader);
  const qaOverride = header(facts, policy.qaHeader);
  if (clientTag !== undefined) input.clientTag = clientTag;
  if (apiVersion !== undefined) input.apiVersion = apiVersion;
  if (regionHeader !== undefined) input.regionHeader = regionHeader;
  if (facts.remoteAddress !== undefined) input.remoteAddress = facts.remoteAddress;
  if (qaOverride !== undefined) input.qaOverride = qaOverride;
  return input;
}
