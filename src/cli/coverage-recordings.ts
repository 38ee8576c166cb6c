/**
 * Coverage computed offline from recordings (docs/coverage.md "From recordings"): the same report
 * as `GET /admin/coverage`, from recorded NDJSON instead of a running facade. Every call counts,
 * each multirequest sub-call under its own operation. Where a call was answered comes from the
 * recorded routing decision (a request passed through whole: every call to the vendor; a request
 * executed here: each call with a translator on the platform, the others on the vendor, as the
 * gateway routes them), or, with a policy, from what that policy decides for each call now.
 */
import { readFileSync } from 'node:fs';
import { listOperations } from '../contract/operation-index';
import { createCoverageTally, type CoverageReport } from '../metrics/coverage-tally';
import { compilePolicy } from '../policy/compile-policy';
import type { CompiledPolicy } from '../policy/compiled-policy';
import { decideTarget } from '../policy/decide-target';
import { parsePolicyText } from '../policy/policy-file';
import type { RecordedExchange } from '../record/recording-format';
import { vendorTranslators } from '../translate/vendor-translators';

const knownOperations = new Set(listOperations().map((op) => op.operationId.toLowerCase()));

/** True when the facade can answer the operation itself (the gateway's own test: a translator for a contract operation). */
export function isTranslatable(operation: string): boolean {
  return operation in vendorTranslators && knownOperations.has(operation);
}

/** Where one call of a recorded request would go: `recorded` decision, or what `decide` says now. */
type Decide = (operation: string, params: Readonly<Record<string, unknown>>) => 'vendor' | 'platform';

function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** A decider from a policy: the policy's target, then vendor for an operation without a translator (route-request.ts). */
export function deciderOf(policy: CompiledPolicy): Decide {
  return (operation, params) => {
    const input = { operationId: operation, ...optional('udid', text(params.udid)), ...optional('clientTag', text(params.clientTag)), ...optional('apiVersion', text(params.apiVersion)) };
    const target = decideTarget(policy, input).target;
    return target === 'platform' && isTranslatable(operation) ? 'platform' : 'vendor';
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** The calls of one exchange: each sub-call of a multirequest, else the request itself. */
function callsOf(exchange: RecordedExchange): { operation: string; params: Readonly<Record<string, unknown>> }[] {
  const params = exchange.request.params ?? {};
  if (exchange.subCalls === undefined || exchange.subCalls.length === 0) return [{ operation: exchange.operation, params }];
  return exchange.subCalls.map((sub) => {
    const slot = params[String(sub.index)];
    const own = typeof slot === 'object' && slot !== null && !Array.isArray(slot) ? (slot as Record<string, unknown>) : {};
    return { operation: sub.operation, params: { ...params, ...own } };
  });
}

function recordedTarget(exchange: RecordedExchange, operation: string): 'vendor' | 'platform' {
  if (exchange.routing.kind === 'passthrough') return 'vendor';
  return exchange.routing.target === 'platform' && isTranslatable(operation) ? 'platform' : 'vendor';
}

/** The coverage report of recorded exchanges (in recorded order); `decide` re-decides each call under a policy. */
export function coverageOfRecordings(exchanges: readonly RecordedExchange[], decide?: Decide, sinceMs?: number): CoverageReport {
  let atMs = exchanges.reduce((min, e) => Math.min(min, e.at), Number.POSITIVE_INFINITY);
  if (!Number.isFinite(atMs)) atMs = 0;
  const tally = createCoverageTally({ nowMs: () => atMs });
  for (const exchange of exchanges) {
    atMs = exchange.at;
    for (const call of callsOf(exchange)) {
      const target = decide === undefined ? recordedTarget(exchange, call.operation) : decide(call.operation, call.params);
      tally.record(call.operation, target, isTranslatable(call.operation));
    }
  }
  return tally.report(sinceMs);
}

/** Reads and compiles a policy file (JSON or YAML), or says why not. */
export function readPolicyFile(file: string): { ok: true; policy: CompiledPolicy } | { ok: false; errors: string[] } {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, errors: [`cannot read policy file ${file}: ${(e as Error).message}`] };
  }
  const parsed = parsePolicyText(file, source);
  if (!parsed.ok) return { ok: false, errors: parsed.error };
  const compiled = compilePolicy(parsed.value, 1);
  return compiled.ok ? { ok: true, policy: compiled.value } : { ok: false, errors: compiled.error.map((e) => `${file}: ${e}`) };
}
