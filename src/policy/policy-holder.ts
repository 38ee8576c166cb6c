/**
 * Holds the active policy version (docs/architecture.md §4 "Policy"). A change is validated and compiled first,
 * then published by swapping one reference: a call that already read `current()` finishes with the
 * version it read, the next call sees the new one, and no call ever waits or sees a half-made policy.
 */
import type { Clock } from '../core/clock';
import { err, ok, type Result } from '../core/result';
import { compilePolicy } from './compile-policy';
import type { CompiledPolicy } from './compiled-policy';
import { checkOperationName, checkOperationNames } from './operation-names';
import { vendorOnlyPolicy, type PolicyDocument } from './policy-document';

/** One published version. */
export interface PolicyVersion {
  readonly version: number;
  readonly policy: CompiledPolicy;
  readonly document: PolicyDocument;
  readonly author: string;
  /** When it was published, from the injected Clock. */
  readonly atMs: number;
}

/** A kill switch change; `global` and/or `operation` (a name or glob) are switched to `on`. */
export interface KillSwitchChange {
  readonly global?: boolean;
  readonly operation?: string;
  readonly on: boolean;
}

export interface ReplaceOptions {
  /** Refuse the change unless this is still the active version (admin API optimistic concurrency). */
  readonly expectedVersion?: number;
}

export interface PolicyHolderOptions {
  readonly clock: Clock;
  /** Versions kept by `history()` (default 20). */
  readonly historyLimit?: number;
  /** The contract's operation ids (lower-case): when given, every policy naming another is refused. */
  readonly operations?: readonly string[];
}

/** Called after a new version became active. */
export type PolicyListener = (active: PolicyVersion) => void;

export class PolicyHolder {
  private active: PolicyVersion;
  private readonly past: PolicyVersion[] = [];
  private readonly listeners = new Set<PolicyListener>();
  private readonly clock: Clock;
  private readonly historyLimit: number;
  private readonly operations: readonly string[] | undefined;

  /** Starts at version 0: the built-in vendor-only policy, so nothing moves until a policy is loaded. */
  constructor(options: PolicyHolderOptions) {
    this.clock = options.clock;
    this.historyLimit = Math.max(1, options.historyLimit ?? 20);
    this.operations = options.operations;
    const initial = compilePolicy(vendorOnlyPolicy, 0);
    if (!initial.ok) throw new Error(`built-in policy is invalid: ${initial.error.join('; ')}`);
    this.active = this.record(initial.value, 'built-in');
  }

  /** The active version; keep the returned reference for the whole call. */
  current(): PolicyVersion {
    return this.active;
  }

  /** The last published versions, newest first (at most `historyLimit`). */
  history(): readonly PolicyVersion[] {
    return [...this.past].reverse();
  }

  /** Validates and compiles `doc` as the next version, then makes it active in one assignment. */
  replace(doc: unknown, author: string, options: ReplaceOptions = {}): Result<{ version: number }, string[]> {
    const { expectedVersion } = options;
    if (expectedVersion !== undefined && expectedVersion !== this.active.version) {
      return err([`the active version is ${this.active.version}, not ${expectedVersion}`]);
    }
    const compiled = compilePolicy(doc, this.active.version + 1);
    if (!compiled.ok) return compiled;
    const unknownNames = this.operations === undefined ? [] : checkOperationNames(compiled.value.document, this.operations);
    if (unknownNames.length > 0) return err(unknownNames);
    this.active = this.record(compiled.value, author);
    for (const listener of this.listeners) listener(this.active);
    return ok({ version: this.active.version });
  }

  /**
   * Makes a version stored by an earlier run active again, keeping its number, author and time
   * (a restart keeps admin changes). Listeners are told, as for any new version.
   */
  restore(stored: { readonly version: number; readonly document: unknown; readonly author: string; readonly atMs: number }): Result<{ version: number }, string[]> {
    const compiled = compilePolicy(stored.document, stored.version);
    if (!compiled.ok) return compiled;
    const unknownNames = this.operations === undefined ? [] : checkOperationNames(compiled.value.document, this.operations);
    if (unknownNames.length > 0) return err(unknownNames);
    const entry: PolicyVersion = Object.freeze({ version: stored.version, policy: compiled.value, document: compiled.value.document, author: stored.author, atMs: stored.atMs });
    this.past.push(entry);
    if (this.past.length > this.historyLimit) this.past.shift();
    this.active = entry;
    for (const listener of this.listeners) listener(this.active);
    return ok({ version: stored.version });
  }

  /** Switches the global and/or one operation's kill switch, publishing a new version. */
  setKillSwitch(change: KillSwitchChange, author: string, options: ReplaceOptions = {}): Result<{ version: number }, string[]> {
    if (change.global !== true && change.operation === undefined) return err(['name the global switch or an operation']);
    const current = this.active.document;
    const operation = change.operation?.trim().toLowerCase();
    const unknownName = operation === undefined || this.operations === undefined ? undefined : checkOperationName(operation, this.operations, '/operation');
    if (unknownName !== undefined) return err([unknownName]);
    let operations = current.killSwitch.operations.filter((name) => name !== operation);
    if (operation !== undefined && change.on) operations = [...operations, operation];
    const killSwitch = {
      ...current.killSwitch,
      global: change.global === true ? change.on : current.killSwitch.global,
      operations,
    };
    return this.replace({ ...current, killSwitch }, author, options);
  }

  /** Registers a listener called after each new version; returns a function that removes it. */
  onChange(listener: PolicyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private record(policy: CompiledPolicy, author: string): PolicyVersion {
    const entry: PolicyVersion = Object.freeze({ version: policy.version, policy, document: policy.document, author, atMs: this.clock.nowMs() });
    this.past.push(entry);
    if (this.past.length > this.historyLimit) this.past.shift();
    return entry;
  }
}
