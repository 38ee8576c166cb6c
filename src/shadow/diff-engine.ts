/**
 * The diff engine's entry point (issue 11: "one diff engine, as stages, reused by replay and the QA
 * diff"): lift → structural diff with path rules → (noise, counts, thresholds and report are
 * parity-counts.ts and parity-report.ts). Plain values in, typed data out; no I/O.
 *
 *   const engine = createDiffEngine({ rules: phoenixRuleSet });
 *   const diff = engine.diff(vendorBodyText, candidateBodyText);   // DiffResult
 *   countSample(counts, { differences: diff.differences });       // OperationCounts
 *   reportOperation(counts, thresholds);                          // OperationReport
 */
import type { DiffResult } from './diff-types';
import { liftAnswer, liftLazily, textOf, type AnswerBody, type LiftedAnswer } from './lift-answer';
import { compileRules, type CompiledRules, type IdResolver, type PathRule, type RuleSet } from './path-rules';
import { diffStructures } from './structural-diff';

export interface DiffEngineOptions {
  /** The versioned rule set (e.g. phoenixRuleSet), optionally followed by operation rules. */
  readonly rules: RuleSet;
  /** Extra rules per operation id, tried before the shared ones. */
  readonly operationRules?: Readonly<Record<string, readonly PathRule[]>>;
  readonly ids?: IdResolver;
  readonly maxDifferences?: number;
  /**
   * True when two answers' texts diff to nothing under `rules` (e.g. equal apart from the ignored
   * `executionTime`, phoenixSameText). When both answers come with text and this holds, the diff
   * is settled without parsing or walking either (most samples, once the platform is at parity).
   * Equal texts always qualify; without this option only they do.
   */
  readonly sameText?: (a: string, b: string) => boolean;
}

/** An answer as the engine accepts it: body text or bytes, or an already parsed value (and its text). */
export type AnswerInput = AnswerBody;

/** A diff with the lifted answers it was made from (kept for samples). */
export interface AnswerDiff extends DiffResult {
  readonly primary: LiftedAnswer;
  readonly candidate: LiftedAnswer;
  readonly rulesVersion: string;
}

export interface DiffEngine {
  readonly rulesVersion: string;
  /** Diffs the primary (reference) answer against the candidate, under the operation's rules. */
  diff(primary: AnswerInput, candidate: AnswerInput, operation?: string): AnswerDiff;
}

/** Builds an engine; rules compile once, per-operation rule sets on first use. */
export function createDiffEngine(options: DiffEngineOptions): DiffEngine {
  const shared = compileRules(options.rules);
  const perOperation = new Map<string, CompiledRules>();
  const rulesFor = (operation: string | undefined): CompiledRules => {
    const extra = operation === undefined ? undefined : options.operationRules?.[operation];
    if (extra === undefined || operation === undefined) return shared;
    let compiled = perOperation.get(operation);
    if (compiled === undefined) {
      compiled = compileRules({ version: options.rules.version, rules: [...extra, ...options.rules.rules] });
      perOperation.set(operation, compiled);
    }
    return compiled;
  };
  const sameText = options.sameText ?? ((a: string, b: string): boolean => a === b);
  const settledByText = (a: AnswerInput, b: AnswerInput): boolean => {
    const textA = textOf(a);
    const textB = textOf(b);
    return textA !== undefined && textB !== undefined && (textA === textB || sameText(textA, textB));
  };
  return {
    rulesVersion: options.rules.version,
    diff(primaryInput, candidateInput, operation) {
      if (settledByText(primaryInput, candidateInput)) return { differences: [], truncated: false, primary: liftLazily(primaryInput), candidate: liftLazily(candidateInput), rulesVersion: options.rules.version };
      const primary = liftAnswer(primaryInput);
      const candidate = liftAnswer(candidateInput);
      const result = diffStructures(primary.value, candidate.value, {
        rules: rulesFor(operation),
        ...(options.ids === undefined ? {} : { ids: options.ids }),
        ...(options.maxDifferences === undefined ? {} : { maxDifferences: options.maxDifferences }),
      });
      return { ...result, primary, candidate, rulesVersion: options.rules.version };
    },
  };
}
