/**
 * What changed between two policy documents, as JSON paths with the value before and after, for
 * the admin audit log (docs/policy.md "Audit"): an incident review reads what was switched, not
 * only that "the policy was replaced". Rules are compared by id, so reordering shows as a move.
 */
import type { PolicyDocument } from './policy-document';

/** One changed value; `before` or `after` is absent when the value was added or removed. */
export interface PolicyChange {
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function diffValues(path: string, before: unknown, after: unknown, out: PolicyChange[]): void {
  if (same(before, after)) return;
  if (isPlain(before) && isPlain(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) diffValues(`${path}/${key}`, before[key], after[key], out);
    return;
  }
  out.push({ path, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) });
}

function diffRules(before: PolicyDocument['rules'], after: PolicyDocument['rules'], out: PolicyChange[]): void {
  const oldById = new Map(before.map((rule, index) => [rule.id, { rule, index }]));
  const newIds = new Set(after.map((rule) => rule.id));
  after.forEach((rule, index) => {
    const old = oldById.get(rule.id);
    if (old === undefined) out.push({ path: `/rules/${rule.id}`, after: rule });
    else {
      if (old.index !== index) out.push({ path: `/rules/${rule.id}/position`, before: old.index, after: index });
      diffValues(`/rules/${rule.id}`, old.rule, rule, out);
    }
  });
  for (const rule of before) if (!newIds.has(rule.id)) out.push({ path: `/rules/${rule.id}`, before: rule });
}

/** Every difference between `before` and `after`; empty when they are the same policy. */
export function diffPolicies(before: PolicyDocument, after: PolicyDocument): PolicyChange[] {
  const out: PolicyChange[] = [];
  const { rules: oldRules, ...oldRest } = before;
  const { rules: newRules, ...newRest } = after;
  diffValues('', oldRest, newRest, out);
  diffRules(oldRules, newRules, out);
  return out;
}
