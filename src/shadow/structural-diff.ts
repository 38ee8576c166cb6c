/**
 * Structural diff by JSON pointer (issue: "structural diff keyed by JSON pointer with a closed set
 * of kinds"). Walks both answers once; objects by key, arrays by position, or as sets keyed by `id`
 * where a rule says order carries no meaning. Bounded: stops after `maxDifferences` or `maxDepth`.
 */
import { compareArrays } from './array-diff';
import { scalarsEqual } from './compare-scalars';
import { jsonTypeOf, type DiffKind, type DiffResult, type Difference } from './diff-types';
import { toPointer, toSignature } from './json-pointer';
import type { CompiledRules, IdResolver, PathRule } from './path-rules';

export interface DiffOptions {
  readonly rules: CompiledRules;
  readonly ids?: IdResolver;
  /** Stop after this many differences (default 200). */
  readonly maxDifferences?: number;
  /** Containers deeper than this compare as one value (default 32). */
  readonly maxDepth?: number;
}

/** The walk's mutable state; one per diff. */
export interface DiffWalk {
  readonly options: DiffOptions;
  readonly path: (string | number)[];
  readonly out: Difference[];
  readonly max: number;
  readonly maxDepth: number;
  truncated: boolean;
}

/** A short stand-in for a container in a difference (the full value stays in the sample). */
function summarise(value: unknown): unknown {
  if (Array.isArray(value)) return `[array of ${value.length}]`;
  if (typeof value === 'object' && value !== null) return '{object}';
  return value;
}

/** Records one difference at the walk's current path (position-aware pointer, `*` signature). */
export function addDifference(walk: DiffWalk, kind: DiffKind, primary: unknown, candidate: unknown): void {
  if (walk.out.length >= walk.max) {
    walk.truncated = true;
    return;
  }
  walk.out.push({
    pointer: toPointer(walk.path),
    field: toSignature(walk.path),
    kind,
    ...(primary === undefined ? {} : { primary: summarise(primary) }),
    ...(candidate === undefined ? {} : { candidate: summarise(candidate) }),
  });
}

function looseScalarRule(rule: PathRule | undefined): boolean {
  return rule !== undefined && (rule.rule === 'id' || rule.rule === 'time' || rule.rule === 'token');
}

function compareObjects(walk: DiffWalk, primary: Record<string, unknown>, candidate: Record<string, unknown>): void {
  for (const key of Object.keys(primary)) {
    walk.path.push(key);
    compareValues(walk, primary[key], Object.hasOwn(candidate, key) ? candidate[key] : undefined);
    walk.path.pop();
  }
  for (const key of Object.keys(candidate)) {
    if (Object.hasOwn(primary, key)) continue;
    walk.path.push(key);
    compareValues(walk, undefined, candidate[key]);
    walk.path.pop();
  }
}

/** Compares two values at the walk's current path, recording what differs. */
export function compareValues(walk: DiffWalk, primary: unknown, candidate: unknown): void {
  if (walk.truncated) return;
  const rule = walk.options.rules.ruleFor(toSignature(walk.path));
  if (rule?.rule === 'ignore') return;
  if (primary === undefined && candidate === undefined) return;
  if (candidate === undefined) return addDifference(walk, 'missing', primary, undefined);
  if (primary === undefined) return addDifference(walk, 'extra', undefined, candidate);
  const typeA = jsonTypeOf(primary);
  const typeB = jsonTypeOf(candidate);
  const scalars = typeA !== 'object' && typeA !== 'array' && typeB !== 'object' && typeB !== 'array';
  if (typeA !== typeB && !(scalars && looseScalarRule(rule))) return addDifference(walk, 'type', primary, candidate);
  if (scalars) {
    if (!scalarsEqual(primary, candidate, rule, walk.options.ids)) addDifference(walk, 'value', primary, candidate);
    return;
  }
  if (walk.path.length >= walk.maxDepth) {
    if (JSON.stringify(primary) !== JSON.stringify(candidate)) addDifference(walk, 'value', primary, candidate);
    return;
  }
  if (typeA === 'array') return compareArrays(walk, primary as unknown[], candidate as unknown[], rule);
  compareObjects(walk, primary as Record<string, unknown>, candidate as Record<string, unknown>);
}

/** Diffs two lifted answers; `primary` is the reference (vendor), `candidate` the platform's. */
export function diffStructures(primary: unknown, candidate: unknown, options: DiffOptions): DiffResult {
  const walk: DiffWalk = { options, path: [], out: [], max: options.maxDifferences ?? 200, maxDepth: options.maxDepth ?? 32, truncated: false };
  compareValues(walk, primary, candidate);
  return { differences: walk.out, truncated: walk.truncated };
}
