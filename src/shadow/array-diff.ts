/**
 * Array comparison for the structural diff: as a set keyed by `id` where a rule says order carries
 * no meaning; otherwise by position, with one `size` difference when lengths differ and one
 * `order` difference when the same elements (by id, or by value) come in another order.
 */
import { canonicalJson } from './canonical-json';
import type { PathRule } from './path-rules';
import { addDifference, compareValues, type DiffWalk } from './structural-diff';

function keyOf(element: unknown, key: string): string | undefined {
  if (typeof element !== 'object' || element === null || Array.isArray(element)) return undefined;
  const value = (element as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** Element keys, or undefined when any element lacks one or a key repeats. */
function keysOf(list: readonly unknown[], key: string): string[] | undefined {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const element of list) {
    const k = keyOf(element, key);
    if (k === undefined || seen.has(k)) return undefined;
    seen.add(k);
    keys.push(k);
  }
  return keys;
}

function compareAsSet(walk: DiffWalk, primary: readonly unknown[], candidate: readonly unknown[], primaryKeys: string[], candidateKeys: string[]): void {
  const candidateAt = new Map(candidateKeys.map((k, i) => [k, i]));
  const primaryKeySet = new Set(primaryKeys);
  primaryKeys.forEach((k, i) => {
    walk.path.push(i);
    const j = candidateAt.get(k);
    compareValues(walk, primary[i], j === undefined ? undefined : candidate[j]);
    walk.path.pop();
  });
  candidateKeys.forEach((k, j) => {
    if (primaryKeySet.has(k)) return;
    walk.path.push(j);
    compareValues(walk, undefined, candidate[j]);
    walk.path.pop();
  });
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedB = [...b].sort();
  return [...a].sort().every((value, i) => value === sortedB[i]);
}

function comparePositions(walk: DiffWalk, primary: readonly unknown[], candidate: readonly unknown[]): void {
  const common = Math.min(primary.length, candidate.length);
  for (let i = 0; i < common && !walk.truncated; i++) {
    walk.path.push(i);
    compareValues(walk, primary[i], candidate[i]);
    walk.path.pop();
  }
}

/** Compares two arrays at the walk's current path. */
export function compareArrays(walk: DiffWalk, primary: readonly unknown[], candidate: readonly unknown[], rule: PathRule | undefined): void {
  const key = rule?.rule === 'set' ? rule.key ?? 'id' : 'id';
  const primaryKeys = keysOf(primary, key);
  const candidateKeys = primaryKeys === undefined ? undefined : keysOf(candidate, key);
  if (rule?.rule === 'set') {
    if (primaryKeys !== undefined && candidateKeys !== undefined) return compareAsSet(walk, primary, candidate, primaryKeys, candidateKeys);
    if (sameMembers(primary.map(canonicalJson), candidate.map(canonicalJson))) return;
  }
  if (primary.length !== candidate.length) {
    addDifference(walk, 'size', primary, candidate);
    return comparePositions(walk, primary, candidate);
  }
  // Same elements in another order: one `order` difference, then elements compared by identity.
  if (primaryKeys !== undefined && candidateKeys !== undefined && primaryKeys.some((k, i) => k !== candidateKeys[i]) && sameMembers(primaryKeys, candidateKeys)) {
    addDifference(walk, 'order', primary, candidate);
    return compareAsSet(walk, primary, candidate, primaryKeys, candidateKeys);
  }
  const before = walk.out.length;
  comparePositions(walk, primary, candidate);
  if (walk.out.length === before || primaryKeys !== undefined) return;
  const a = primary.map(canonicalJson);
  const b = candidate.map(canonicalJson);
  if (sameMembers(a, b)) {
    walk.out.length = before;
    walk.truncated = false;
    addDifference(walk, 'order', primary, candidate);
  }
}
