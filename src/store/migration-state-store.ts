/** Per-operation migration states and their audit trail over SQL (issue 11). */
import type { MigrationStatePort } from '../shadow/migration-controller';
import type { MigrationStage, MigrationTransition, OperationMigration, TransitionCause } from '../shadow/migration-state';
import type { SqlClient } from './sql-client';

interface StateRow {
  operation_id: string;
  state: string;
  percent: number;
  hold: boolean;
  reason: string;
  changed_at: Date;
}

interface TransitionRow {
  operation_id: string;
  from_state: string;
  from_percent: number;
  to_state: string;
  to_percent: number;
  cause: string;
  reason: string;
  actor: string;
  policy_version: number | null;
  at: Date;
}

/** Migration states plus reading the audit trail back. */
export interface MigrationStateStore extends MigrationStatePort {
  listTransitions(operation: string | undefined, limit: number): Promise<MigrationTransition[]>;
}

export class SqlMigrationStateStore implements MigrationStateStore {
  constructor(private readonly sql: SqlClient) {}

  async list(): Promise<OperationMigration[]> {
    const { rows } = await this.sql.query<StateRow>('SELECT * FROM migration_states ORDER BY operation_id');
    return rows.map((row) => ({ operation: row.operation_id, stage: row.state as MigrationStage, percent: Number(row.percent), hold: row.hold, reason: row.reason, changedAtMs: row.changed_at.getTime() }));
  }

  /** Saves the new state and its transition in one transaction. */
  async save(state: OperationMigration, transition: MigrationTransition): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO migration_states (operation_id, state, percent, hold, reason, changed_at) VALUES ($1, $2, $3, $4, $5, to_timestamp($6 / 1000.0))
         ON CONFLICT (operation_id) DO UPDATE SET state = EXCLUDED.state, percent = EXCLUDED.percent, hold = EXCLUDED.hold, reason = EXCLUDED.reason, changed_at = EXCLUDED.changed_at`,
        [state.operation, state.stage, state.percent, state.hold, state.reason, state.changedAtMs],
      );
      await tx.query(
        `INSERT INTO migration_transitions (operation_id, from_state, from_percent, to_state, to_percent, cause, reason, actor, policy_version, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, to_timestamp($10 / 1000.0))`,
        [transition.operation, transition.from.stage, transition.from.percent, transition.to.stage, transition.to.percent, transition.cause, transition.reason, transition.actor, transition.policyVersion ?? null, transition.atMs],
      );
    });
  }

  /** The newest transitions first, of one operation or all. */
  async listTransitions(operation: string | undefined, limit: number): Promise<MigrationTransition[]> {
    const where = operation === undefined ? '' : 'WHERE operation_id = $2';
    const { rows } = await this.sql.query<TransitionRow>(`SELECT * FROM migration_transitions ${where} ORDER BY id DESC LIMIT $1`, operation === undefined ? [limit] : [limit, operation]);
    return rows.map((row) => ({
      operation: row.operation_id,
      from: { stage: row.from_state as MigrationStage, percent: Number(row.from_percent) },
      to: { stage: row.to_state as MigrationStage, percent: Number(row.to_percent) },
      cause: row.cause as TransitionCause,
      reason: row.reason,
      actor: row.actor,
      ...(row.policy_version === null ? {} : { policyVersion: Number(row.policy_version) }),
      atMs: row.at.getTime(),
    }));
  }
}
