/**
 * The migration controller (issue 11): holds each managed operation's state, moves it on request
 * (admin API) or on the schedule (promotion gates), and publishes every move as a new policy version
 * through the same holder the admin API uses. Every transition is persisted and audited.
 */
import { err, ok, type Result } from '../core/result';
import type { PolicyDocument } from '../policy/policy-document';
import { applyMigrationRules } from './migration-rules';
import { describeStage, initialMigration, migrationStages, type MigrationStage, type MigrationTransition, type OperationMigration, type TransitionCause } from './migration-state';
import type { GateWindow } from './parity-accumulator';
import { evaluateGates, type GateSettings, type GateVerdict } from './promotion-gates';

/** The versioned policy holder, as far as the controller needs it (PolicyHolder satisfies it). */
export interface PolicyPort {
  current(): { readonly version: number; readonly document: PolicyDocument };
  replace(document: unknown, author: string): Result<{ version: number }, string[]>;
}

/** Where states and the audit trail live (the store implements it). */
export interface MigrationStatePort {
  list(): Promise<OperationMigration[]>;
  save(state: OperationMigration, transition: MigrationTransition): Promise<void>;
}

export interface ControllerPorts {
  readonly policy: PolicyPort;
  readonly store: MigrationStatePort;
  readonly window: (operation: string) => GateWindow;
  readonly resetWindow: (operation: string) => void;
  readonly isReadOnly: (operation: string) => boolean;
  /** Writes compared by state once the sync applied them (their shadow stage shadows them). */
  readonly isStateCompared?: (operation: string) => boolean;
  readonly nowMs: () => number;
  readonly onTransition?: (transition: MigrationTransition) => void;
  /**
   * Operations that still need the vendor: seen in the coverage window without a translator, and
   * the operation itself when it has none (issue 14 "Coverage"). Empty = `vendor-retired` allowed.
   */
  readonly retirementBlockers?: (operation: string) => Promise<string[]>;
}

/** A requested move. */
export interface MoveRequest {
  readonly to: MigrationStage;
  readonly percent?: number;
  readonly reason?: string;
}

export class MigrationController {
  private readonly states = new Map<string, OperationMigration>();
  private readonly verdicts = new Map<string, GateVerdict>();
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ports: ControllerPorts,
    private readonly gates: GateSettings,
    private readonly shadowPercent: number,
  ) {}

  /** Loads persisted states and makes the policy reflect them. */
  async load(): Promise<void> {
    for (const state of await this.ports.store.list()) this.states.set(state.operation, state);
    if (this.states.size > 0) this.publish('migration-controller (start)');
  }

  /** Every managed operation's state, by name. */
  list(): OperationMigration[] {
    return [...this.states.values()].sort((a, b) => a.operation.localeCompare(b.operation));
  }

  /** One operation's state (the initial `vendor` state when nobody moved it). */
  stateOf(operation: string): OperationMigration {
    return this.states.get(operation) ?? initialMigration(operation, 0);
  }

  /** The last schedule verdict for an operation. */
  lastVerdict(operation: string): GateVerdict | undefined {
    return this.verdicts.get(operation);
  }

  /** Moves an operation by hand (admin API). */
  move(operation: string, request: MoveRequest, actor: string): Promise<Result<OperationMigration, string[]>> {
    return this.serialise(async () => {
      const problems = checkMove(request);
      if (problems.length > 0) return err(problems);
      if (request.to === 'vendor-retired') {
        const blockers = await this.retirementBlockers(operation);
        if (blockers.length > 0) return err([retirementRefusal(blockers)]);
      }
      const percent = request.to === 'canary' ? request.percent ?? 0 : 0;
      return this.transition(operation, { to: request.to, percent }, 'manual', request.reason ?? `moved by ${actor}`, actor, this.stateOf(operation).hold);
    });
  }

  /** What stops `operation` from moving to vendor-retired now (empty = nothing). */
  retirementBlockers(operation: string): Promise<string[]> {
    return this.ports.retirementBlockers?.(operation) ?? Promise.resolve([]);
  }

  /** Holds or releases an operation (the schedule leaves a held operation alone). */
  setHold(operation: string, hold: boolean, actor: string): Promise<Result<OperationMigration, string[]>> {
    return this.serialise(async () => {
      const current = this.stateOf(operation);
      return this.transition(operation, { to: current.stage, percent: current.percent }, 'hold', hold ? `held by ${actor}` : `released by ${actor}`, actor, hold);
    });
  }

  /** One schedule round: evaluates the gates of every unheld shadow or canary operation. */
  tick(): Promise<GateVerdict[]> {
    return this.serialise(async () => {
      const verdicts: GateVerdict[] = [];
      for (const state of this.list()) {
        const verdict = evaluateGates(state, this.ports.window(state.operation), this.gates, this.ports.nowMs());
        this.verdicts.set(state.operation, verdict);
        verdicts.push(verdict);
        if (verdict.action === 'stay') continue;
        await this.transition(state.operation, { to: verdict.to, percent: verdict.percent }, verdict.action === 'advance' ? 'promotion' : 'rollback', verdict.reason, 'schedule', state.hold);
      }
      return verdicts;
    });
  }

  private async transition(operation: string, to: { to: MigrationStage; percent: number }, cause: TransitionCause, reason: string, actor: string, hold: boolean): Promise<Result<OperationMigration, string[]>> {
    const before = this.stateOf(operation);
    const next: OperationMigration = { operation, stage: to.to, percent: to.percent, hold, reason, changedAtMs: this.ports.nowMs() };
    const previous = this.states.get(operation);
    this.states.set(operation, next);
    const published = this.publish(`migration:${actor}`);
    if (!published.ok) {
      if (previous === undefined) this.states.delete(operation);
      else this.states.set(operation, previous);
      return published;
    }
    if (before.stage !== next.stage || before.percent !== next.percent) this.ports.resetWindow(operation);
    const transition: MigrationTransition = { operation, from: { stage: before.stage, percent: before.percent }, to: { stage: next.stage, percent: next.percent }, cause, reason, actor, policyVersion: published.value.version, atMs: next.changedAtMs };
    await this.ports.store.save(next, transition);
    this.ports.onTransition?.(transition);
    return ok(next);
  }

  private publish(author: string): Result<{ version: number }, string[]> {
    const current = this.ports.policy.current();
    const document = applyMigrationRules(current.document, this.list(), (op) => ({ shadowPercent: this.shadowPercent, readOnly: this.ports.isReadOnly(op), stateCompared: this.ports.isStateCompared?.(op) === true }));
    return this.ports.policy.replace(document, author);
  }

  private serialise<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work, work);
    this.chain = run.catch(() => undefined);
    return run;
  }
}

/** The refusal's text, naming the operations that still need the vendor. */
export function retirementRefusal(blockers: readonly string[]): string {
  return `vendor-retired refused: operations seen recently still have no translator: ${blockers.join(', ')}`;
}

function checkMove(request: MoveRequest): string[] {
  if (!migrationStages.includes(request.to)) return [`"to" must be one of ${migrationStages.map((s) => `"${s}"`).join(', ')}`];
  if (request.to === 'canary' && !(typeof request.percent === 'number' && request.percent > 0 && request.percent <= 100)) return ['a canary needs "percent" between 0 (exclusive) and 100'];
  if (request.to !== 'canary' && request.percent !== undefined) return [`"percent" applies to a canary only, not ${describeStage(request.to, 0)}`];
  return [];
}
