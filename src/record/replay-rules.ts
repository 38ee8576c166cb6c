/**
 * The rules replay and the QA diff compare with: the shared Phoenix rule set (src/shadow) plus the
 * values two correct targets allocate independently when a call creates something (the same
 * noise test/support/parity-noise.ts documents for golden cases): a purchase's transaction id and
 * payment gateway references, and the one-time codes each side draws at random (device pairing
 * PINs, login PINs) — recognised by their object type, so a stored PIN (`KalturaPin`) still counts.
 */
import { createDiffEngine, liftAnswer, phoenixRuleSet, type AnswerDiff, type RuleSet } from '../shadow';
import type { RecordedSubCall } from './recording-format';

const why = 'allocated independently by each target when a purchase creates a transaction';

/** The shared rule set with the created-object references. */
export const replayRuleSet: RuleSet = {
  version: `${phoenixRuleSet.version}+replay-1`,
  rules: [
    { path: '/**/paymentGatewayReferenceId', rule: 'token', token: 'opaque', why },
    { path: '/**/paymentGatewayResponseId', rule: 'token', token: 'opaque', why },
    ...phoenixRuleSet.rules,
  ],
};

const purchase = 'transaction.purchase';

/**
 * Rule patterns match field signatures (array positions are `*`), so a multirequest's purchase
 * slots cannot be told apart by path: their transaction ids are replaced by a marker in both
 * answers before the diff instead.
 */
function markCreatedIds(value: unknown, slots: readonly number[]): unknown {
  const result = (value as { result?: unknown } | null)?.result;
  if (!Array.isArray(result)) return value;
  const copy: unknown[] = (result as unknown[]).slice();
  for (const slot of slots) {
    const item = copy[slot] as Record<string, unknown> | undefined;
    if (item !== undefined && item !== null && typeof item === 'object' && item.objectType === 'KalturaTransaction') copy[slot] = { ...item, id: '<created-id>' };
  }
  return { ...(value as Record<string, unknown>), result: copy };
}

/** Members that are random one-time codes in objects of these types (docs/vendor-decisions.md). */
const randomCodeMembers: Readonly<Record<string, string>> = { KalturaDevicePin: 'pin', KalturaUserLoginPin: 'pinCode' };

/** Replaces the random code of a code object (a single answer or a multirequest slot) by a marker. */
function markRandomCodes(value: unknown): unknown {
  const result = (value as { result?: unknown } | null)?.result;
  const mark = (item: unknown): unknown => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const member = randomCodeMembers[String((item as Record<string, unknown>).objectType)];
    return member === undefined || !(member in item) ? item : { ...(item as Record<string, unknown>), [member]: '<code>' };
  };
  if (Array.isArray(result)) return { ...(value as Record<string, unknown>), result: (result as unknown[]).map(mark) };
  return result === undefined ? value : { ...(value as Record<string, unknown>), result: mark(result) };
}

/**
 * A user registered during the run (a KalturaOTTUser without a household: every catalogue user has
 * one) gets its id from each target on its own (docs/vendor-decisions.md "Users that change"):
 * marked wherever it appears, alone, in a multirequest slot or as a login answer's `user`.
 */
function markRegisteredUsers(value: unknown): unknown {
  const mark = (item: unknown): unknown => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const record = item as Record<string, unknown>;
    if (record.objectType === 'KalturaOTTUser' && record.householdId === 0 && 'id' in record) return { ...record, id: '<created-id>' };
    if (record.objectType === 'KalturaLoginResponse' && record.user !== undefined) return { ...record, user: mark(record.user) };
    return item;
  };
  const result = (value as { result?: unknown } | null)?.result;
  if (Array.isArray(result)) return { ...(value as Record<string, unknown>), result: (result as unknown[]).map(mark) };
  return result === undefined ? value : { ...(value as Record<string, unknown>), result: mark(result) };
}

/** A diff of two answer texts under the replay rules (created ids of purchase slots and registered users marked). */
export function createReplayDiff(): (a: string, b: string, operation: string, subCalls?: readonly RecordedSubCall[]) => AnswerDiff {
  const engine = createDiffEngine({ rules: replayRuleSet, operationRules: { [purchase]: [{ path: '/result/id', rule: 'token', token: 'opaque', why }] } });
  return (a, b, operation, subCalls) => {
    const slots = operation === 'multirequest' ? (subCalls ?? []).filter((s) => s.operation === purchase).map((s) => s.index - 1) : [];
    const left = liftAnswer(a);
    const right = liftAnswer(b);
    if (!left.parsed || !right.parsed) return engine.diff(a, b, operation);
    const prepare = (value: unknown): unknown => markRegisteredUsers(markRandomCodes(slots.length === 0 ? value : markCreatedIds(value, slots)));
    return engine.diff({ json: prepare(left.value) }, { json: prepare(right.value) }, operation);
  };
}
