/**
 * Operation names in a policy checked against the vendor contract (docs/policy.md): a typo such as
 * `asset.gett` in a kill switch would otherwise switch nothing off while the operator believes it
 * did. An exact name must be a contract operation; a glob must match at least one.
 */
import { compileNameMatcher } from './glob-matcher';

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest contract operation to a misspelt name, when one is close enough to be a typo. */
function closestOperation(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (best === undefined || distance < best.distance) best = { name: candidate, distance };
  }
  return best !== undefined && best.distance <= 3 ? best.name : undefined;
}

/** The error for one listed name, or undefined when it names contract operations. */
export function checkOperationName(name: string, known: readonly string[], at: string): string | undefined {
  if (name.includes('*')) {
    const matches = compileNameMatcher([name]);
    return known.some(matches) ? undefined : `${at} "${name}" matches no operation of the vendor contract`;
  }
  if (known.includes(name)) return undefined;
  const hint = closestOperation(name, known);
  return `${at} "${name}" is not an operation of the vendor contract${hint === undefined ? '' : ` (did you mean "${hint}"?)`}`;
}

function namesAt(list: unknown, at: string, known: readonly string[]): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((name: unknown, i) => {
    if (typeof name !== 'string') return [];
    const error = checkOperationName(name.trim().toLowerCase(), known, `${at}/${i}`);
    return error === undefined ? [] : [error];
  });
}

/**
 * Every kill-switch and rule operation name that is not in `known` (lower-case operation ids).
 * Reads the document loosely, so it also reports on a document the schema refused (every error at once).
 */
export function checkOperationNames(doc: unknown, known: readonly string[]): string[] {
  const d = (doc ?? {}) as { killSwitch?: { operations?: unknown }; rules?: unknown };
  const rules = Array.isArray(d.rules) ? (d.rules as { match?: { operations?: unknown } }[]) : [];
  return [
    ...namesAt(d.killSwitch?.operations, '/killSwitch/operations', known),
    ...rules.flatMap((rule, r) => namesAt(rule?.match?.operations, `/rules/${r}/match/operations`, known)),
  ];
}
