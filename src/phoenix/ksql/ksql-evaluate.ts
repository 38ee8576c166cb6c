import type { KsqlCompare, KsqlNode } from './ksql-ast';

/** The values a field has on one asset; `undefined` (unknown field) behaves like no value. */
export type KsqlFieldValues = (key: string) => readonly (string | number)[] | undefined;

/** Keys that hold for every asset in the lab (docs/lab-rules.md "Search"). */
const alwaysHoldingKeys = new Set(['geo_block', 'parental_rules', 'user_interests', 'entitled_assets']);

/** Negative operators hold when no value matches their positive twin. */
const positiveTwin = { '!=': '=', '!~': '~', '!+': '+' } as const;

function toNumber(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function text(value: string | number): string {
  return String(value).toLowerCase();
}

function compareNumbers(field: string | number, wanted: string, test: (a: number, b: number) => boolean): boolean {
  const a = toNumber(field);
  const b = toNumber(wanted);
  return a !== undefined && b !== undefined && test(a, b);
}

function isEqual(field: string | number, wanted: string): boolean {
  const a = toNumber(field);
  const b = toNumber(wanted);
  if (a !== undefined && b !== undefined) return a === b;
  return text(field) === text(wanted);
}

function isInList(field: string | number, wanted: string): boolean {
  return wanted.split(',').some((item) => compareNumbers(field, item, (a, b) => a === b));
}

function hasWordStartingWith(field: string | number, wanted: string): boolean {
  const prefix = text(wanted);
  return text(field).split(/\s+/).some((word) => word.startsWith(prefix));
}

/** One value against one positive operator. */
function matchesValue(op: Exclude<KsqlCompare['op'], '!=' | '!~' | '!+'>, field: string | number, wanted: string): boolean {
  switch (op) {
    case '=':
      return isEqual(field, wanted);
    case '~':
      return text(field).includes(text(wanted));
    case '^':
      return hasWordStartingWith(field, wanted);
    case '^=':
      return text(field).startsWith(text(wanted));
    case '+':
      return String(field) !== '';
    case '>':
      return compareNumbers(field, wanted, (a, b) => a > b);
    case '>=':
      return compareNumbers(field, wanted, (a, b) => a >= b);
    case '<':
      return compareNumbers(field, wanted, (a, b) => a < b);
    case '<=':
      return compareNumbers(field, wanted, (a, b) => a <= b);
    case ':':
      return isInList(field, wanted);
  }
}

function evaluateCompare(node: KsqlCompare, fieldValues: KsqlFieldValues): boolean {
  const key = node.key.toLowerCase();
  if (alwaysHoldingKeys.has(key)) return true;
  const values = fieldValues(key) ?? [];
  if (node.op === '!=' || node.op === '!~' || node.op === '!+') {
    const twin = positiveTwin[node.op];
    return !values.some((v) => matchesValue(twin, v, node.value));
  }
  const op = node.op;
  return values.some((v) => matchesValue(op, v, node.value));
}

/**
 * Evaluates a KSQL tree against one asset (docs/lab-rules.md "Search"): a multi-valued field holds
 * when any value matches, negative operators when none does. `fieldValues` receives the key
 * lower-cased.
 */
export function evaluateKsql(node: KsqlNode, fieldValues: KsqlFieldValues): boolean {
  if (node.kind === 'compare') return evaluateCompare(node, fieldValues);
  if (node.kind === 'and') return node.children.every((child) => evaluateKsql(child, fieldValues));
  return node.children.some((child) => evaluateKsql(child, fieldValues));
}
