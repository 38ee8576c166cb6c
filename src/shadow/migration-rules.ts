/**
 * Migration state → policy rules (issue 11: "the policy changes through the same versioned holder
 * the admin API uses"). Each managed operation owns one rule with id `migration/<operation>`, placed
 * before the operator's rules so it decides that operation; everything else in the document stays.
 */
import type { PolicyDocument, PolicyRule } from '../policy/policy-document';
import type { OperationMigration } from './migration-state';

/** Rule ids owned by the migration controller start with this. */
export const migrationRulePrefix = 'migration/';

export interface RuleOptions {
  /** Share of vendor-answered calls shadowed in shadow and canary (0–100). */
  readonly shadowPercent: number;
  /** Whether the operation only reads (reads may fall back to the vendor; writes never). */
  readonly readOnly: boolean;
  /** A write compared by state once the sync applied it (docs/shadow.md): its shadow stage shadows it. */
  readonly stateCompared?: boolean;
}

/** The rule that puts one operation where its state says. */
export function ruleForMigration(state: OperationMigration, options: RuleOptions): PolicyRule {
  const base = { id: `${migrationRulePrefix}${state.operation}`, description: `migration state of ${state.operation} (managed)`, match: { operations: [state.operation] } };
  // Writes are never shadowed to a live backend (docs/architecture.md §2): a write's shadow stage answers from the vendor only.
  // A write whose state is compared is answered by the vendor alone; the comparison reads after the sync.
  const shadow = options.readOnly || options.stateCompared === true ? { shadow: true, shadowPercent: options.shadowPercent } : {};
  switch (state.stage) {
    case 'vendor':
      return { ...base, target: 'vendor' };
    case 'shadow':
      return { ...base, target: 'vendor', ...shadow };
    case 'canary':
      return { ...base, target: 'platform', percent: state.percent, ...(options.readOnly ? { shadowPercent: options.shadowPercent, fallbackToVendor: true } : {}) };
    case 'platform':
      return { ...base, target: 'platform', ...(options.readOnly ? { fallbackToVendor: true } : {}) };
    case 'vendor-retired':
      return { ...base, target: 'platform' };
  }
}

/** The document with the managed rules replaced by the given states' rules (in front). */
export function applyMigrationRules(document: PolicyDocument, states: readonly OperationMigration[], options: (operation: string) => RuleOptions): PolicyDocument {
  const own = document.rules.filter((rule) => !rule.id.startsWith(migrationRulePrefix));
  const managed = [...states].sort((a, b) => a.operation.localeCompare(b.operation)).map((state) => ruleForMigration(state, options(state.operation)));
  return { ...document, rules: [...managed, ...own] };
}
