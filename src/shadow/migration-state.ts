/**
 * Per-operation migration state (docs/architecture.md §4 "Policy"; issue 11): each operation walks
 * vendor → shadow → canary n % → platform → vendor-retired. Plain data; transitions are computed by
 * promotion-gates.ts and applied to the policy by migration-rules.ts.
 */

/** Where an operation stands; a closed set (metrics label it). */
export type MigrationStage = 'vendor' | 'shadow' | 'canary' | 'platform' | 'vendor-retired';

export const migrationStages: readonly MigrationStage[] = ['vendor', 'shadow', 'canary', 'platform', 'vendor-retired'];

/** One operation's state. `percent` is the canary share (0 outside canary). */
export interface OperationMigration {
  readonly operation: string;
  readonly stage: MigrationStage;
  readonly percent: number;
  /** Held: the schedule neither advances nor rolls back (manual moves still apply). */
  readonly hold: boolean;
  readonly reason: string;
  readonly changedAtMs: number;
}

/** Who or what caused a transition. */
export type TransitionCause = 'manual' | 'promotion' | 'rollback' | 'hold';

/** One audited transition. */
export interface MigrationTransition {
  readonly operation: string;
  readonly from: { readonly stage: MigrationStage; readonly percent: number };
  readonly to: { readonly stage: MigrationStage; readonly percent: number };
  readonly cause: TransitionCause;
  readonly reason: string;
  readonly actor: string;
  readonly policyVersion?: number;
  readonly atMs: number;
}

/** The state of an operation nobody has moved yet. */
export function initialMigration(operation: string, nowMs: number): OperationMigration {
  return { operation, stage: 'vendor', percent: 0, hold: false, reason: 'not migrated', changedAtMs: nowMs };
}

/** Describes a stage with its share, e.g. `canary 10%`. */
export function describeStage(stage: MigrationStage, percent: number): string {
  return stage === 'canary' ? `canary ${percent}%` : stage;
}
