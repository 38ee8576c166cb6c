/**
 * Comparators by path and explicit ignore/normalise rules (issue: "comparators by path", "explicit,
 * versioned ignore/normalise rules"). A rule set is plain data with a version, so a report can say
 * which rules produced it; the first rule whose pattern matches a field decides how it compares.
 */
import { compilePathPattern, parsePointer, type PathMatcher } from './json-pointer';

/** Token shapes compared by presence, never by value (minted per call by design). */
export type TokenShape = 'ks' | 'signed-url' | 'opaque';

/** Normalisations applied to both sides before comparing. */
export type Normaliser = 'lowercase' | 'trim' | 'strip-origin';

/** One rule: a path pattern (pointer syntax with `*` and `**` tokens) and how the field compares. */
export type PathRule =
  | { readonly path: string; readonly rule: 'ignore'; readonly why?: string }
  /** An array whose order carries no meaning: elements are matched by `key` (default `id`). */
  | { readonly path: string; readonly rule: 'set'; readonly key?: string; readonly why?: string }
  | { readonly path: string; readonly rule: 'number'; readonly absolute?: number; readonly relative?: number; readonly why?: string }
  /** Epoch seconds (numbers) or ISO-8601 strings, equal within `toleranceSeconds`. */
  | { readonly path: string; readonly rule: 'time'; readonly toleranceSeconds: number; readonly why?: string }
  | { readonly path: string; readonly rule: 'token'; readonly token: TokenShape; readonly why?: string }
  /** Ids of `idKind` compared through the id map (IdResolver), not by spelling. */
  | { readonly path: string; readonly rule: 'id'; readonly idKind: string; readonly why?: string }
  | { readonly path: string; readonly rule: 'normalise'; readonly normalise: Normaliser; readonly why?: string };

/** A versioned list of rules; the version is echoed in every report made with it. */
export interface RuleSet {
  readonly version: string;
  readonly rules: readonly PathRule[];
}

/** Maps an id of a kind to a canonical form (the platform id), or undefined when unknown. */
export type IdResolver = (idKind: string, id: string) => string | undefined;

/** A rule set ready for lookups: patterns compiled once, decisions cached per field signature. */
export interface CompiledRules {
  readonly version: string;
  /** The rule that decides a field (by its signature), or undefined for plain equality. */
  ruleFor(signature: string): PathRule | undefined;
}

const cacheLimit = 10_000;

/** Compiles a rule set; the per-signature cache is bounded (cleared when full). */
export function compileRules(set: RuleSet): CompiledRules {
  const compiled: { rule: PathRule; match: PathMatcher }[] = set.rules.map((rule) => ({ rule, match: compilePathPattern(rule.path) }));
  const cache = new Map<string, PathRule | null>();
  return {
    version: set.version,
    ruleFor(signature) {
      const cached = cache.get(signature);
      if (cached !== undefined) return cached ?? undefined;
      const tokens = parsePointer(signature);
      const found = compiled.find((entry) => entry.match(tokens))?.rule ?? null;
      if (cache.size >= cacheLimit) cache.clear();
      cache.set(signature, found);
      return found ?? undefined;
    },
  };
}

/** Validates a rule set given as untrusted data; returns every problem found. */
export function checkRuleSet(set: RuleSet): string[] {
  const problems: string[] = [];
  if (typeof set.version !== 'string' || set.version === '') problems.push('version must be a non-empty string');
  set.rules.forEach((rule, index) => {
    if (typeof rule.path !== 'string' || !(rule.path === '' || rule.path.startsWith('/'))) problems.push(`/rules/${index}/path must be a pointer pattern starting with "/"`);
    if (rule.rule === 'time' && !(rule.toleranceSeconds >= 0)) problems.push(`/rules/${index}/toleranceSeconds must be >= 0`);
    if (rule.rule === 'number' && rule.absolute === undefined && rule.relative === undefined) problems.push(`/rules/${index} needs absolute or relative`);
  });
  return problems;
}
