/**
 * Shadow mode and the shared diff engine (docs/architecture.md §4 "Shadow and diff"; docs/shadow.md).
 * The engine is pure: replay and the QA contract diff import it from here.
 */
export { diffKinds, jsonTypeOf, type DiffKind, type DiffResult, type Difference } from './diff-types';
export { createDiffEngine, type AnswerDiff, type AnswerInput, type DiffEngine, type DiffEngineOptions } from './diff-engine';
export { liftAnswer, type LiftedAnswer } from './lift-answer';
export { checkRuleSet, compileRules, type CompiledRules, type IdResolver, type PathRule, type RuleSet, type TokenShape } from './path-rules';
export { diffStructures, type DiffOptions } from './structural-diff';
export { phoenixOperationRules, phoenixRuleSet, phoenixSameText } from './default-rules';
export { parsePointer, readPointer, toPointer, toSignature } from './json-pointer';
export { redactAndBound, redactSampleValue } from './redact-sample';
export {
  clusterKeyOf,
  countCandidateError,
  countNoiseSample,
  countSample,
  defaultCountLimits,
  emptyOperationCounts,
  type ClusterCount,
  type CountedSample,
  type CountLimits,
  type DiffSample,
  type FieldCount,
  type OperationCounts,
} from './parity-counts';
export { defaultThresholds, mergeOperationCounts, reportOperation, type ClusterReport, type FieldReport, type OperationReport, type Thresholds } from './parity-report';
