import { invalid, type Read } from '../http/params';
import { toNumber, type SearchDoc, type SearchValue } from './search-doc';

/**
 * The platform's search query tree, `{all: Node[]} | {any: Node[]} | {field, op, value}`, compiled
 * once per request into a predicate over search documents. Semantics are the lab's (lab-rules
 * "Search"): text operators are case-insensitive; over several values a comparison holds when any
 * value matches, the negative operators (`ne`, `notContains`, `notExists`) when none does; a numeric
 * comparison on a non-numeric value is false.
 */
export type SearchPredicate = (doc: SearchDoc) => boolean;

const operators = ['eq', 'ne', 'contains', 'notContains', 'wordStartsWith', 'startsWith', 'exists', 'notExists', 'gt', 'gte', 'lt', 'lte', 'in'] as const;
type Operator = (typeof operators)[number];

const plainFields = new Set(['title', 'synopsis', 'itemRef', 'epgRef', 'epgChannelId', 'startTime', 'endTime', 'kind', 'sortKey']);
/** Fields holding identifiers: `in` compares their text, not their number. */
const idFields = new Set(['itemRef', 'epgRef', 'kind']);
const maxNodes = 256;
const maxDepth = 16;

type FieldReader = (doc: SearchDoc) => readonly SearchValue[];
const none: readonly SearchValue[] = [];

function compileField(field: string): FieldReader | null {
  if (plainFields.has(field)) return (doc) => doc.fields.get(field) ?? none;
  const dot = field.indexOf('.');
  if (dot < 0) return null;
  const scope = field.slice(0, dot);
  const name = field.slice(dot + 1).toLowerCase();
  if (name === '') return null;
  if (scope === 'attributes') return (doc) => doc.attributes.get(name) ?? none;
  if (scope === 'labels') return (doc) => doc.labels.get(name) ?? none;
  if (scope === 'attributeOrLabel') return (doc) => doc.attributeOrLabel.get(name) ?? none;
  return null;
}

type ValueTest = (v: SearchValue) => boolean;

function wordsOf(text: string): string[] {
  return text.split(/\s+/);
}

/** Numbers when both sides are numeric, else case-insensitive text (the lab's `=`). */
function equalTest(raw: string | number): ValueTest {
  const text = String(raw).toLowerCase();
  const num = toNumber(raw);
  if (Number.isNaN(num)) return (v) => v.text === text;
  return (v) => (Number.isNaN(v.num) ? v.text === text : v.num === num);
}

function compareTest(op: 'gt' | 'gte' | 'lt' | 'lte', raw: string | number): ValueTest {
  const q = toNumber(raw);
  if (Number.isNaN(q)) return () => false;
  if (op === 'gt') return (v) => v.num > q;
  if (op === 'gte') return (v) => v.num >= q;
  if (op === 'lt') return (v) => v.num < q;
  return (v) => v.num <= q;
}

function inTest(field: string, list: readonly (string | number)[]): ValueTest {
  if (idFields.has(field)) {
    const texts = new Set(list.map((x) => String(x).trim().toLowerCase()));
    return (v) => texts.has(v.text);
  }
  const nums = new Set(list.map(toNumber).filter((n) => !Number.isNaN(n)));
  return (v) => nums.has(v.num);
}

function positiveTest(op: Operator, field: string, value: string | number | readonly (string | number)[]): ValueTest {
  const scalar = Array.isArray(value) ? '' : (value as string | number);
  const text = String(scalar).toLowerCase();
  switch (op) {
    case 'eq':
    case 'ne':
      return equalTest(scalar);
    case 'contains':
    case 'notContains':
      return (v) => v.text.includes(text);
    case 'wordStartsWith':
      return (v) => wordsOf(v.text).some((w) => w.startsWith(text));
    case 'startsWith':
      return (v) => v.text.startsWith(text);
    case 'exists':
    case 'notExists':
      return (v) => v.text !== '';
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return compareTest(op, scalar);
    case 'in':
      return inTest(field, Array.isArray(value) ? value : String(value).split(','));
  }
}

const negative = new Set<Operator>(['ne', 'notContains', 'notExists']);

function compileLeaf(node: Record<string, unknown>): Read<SearchPredicate> {
  const { field, op, value } = node;
  if (typeof field !== 'string') return invalid('query.field must be a string');
  if (typeof op !== 'string' || !(operators as readonly string[]).includes(op)) return invalid(`query.op must be one of ${operators.join(', ')}`);
  const reader = compileField(field);
  if (!reader) return invalid(`unknown search field: ${field}`);
  const needsValue = op !== 'exists' && op !== 'notExists';
  const valueOk =
    typeof value === 'string' || typeof value === 'number' || (op === 'in' && Array.isArray(value) && value.every((x) => typeof x === 'string' || typeof x === 'number'));
  if (needsValue && !valueOk) return invalid(`query.value for ${op} must be ${op === 'in' ? 'a list or a comma-separated string' : 'a string or a number'}`);
  const test = positiveTest(op as Operator, field, needsValue ? (value as string | number | (string | number)[]) : '');
  const predicate: SearchPredicate = negative.has(op as Operator) ? (doc) => !reader(doc).some(test) : (doc) => reader(doc).some(test);
  return { ok: true, value: predicate };
}

function compileNode(node: unknown, depth: number, budget: { nodes: number }): Read<SearchPredicate> {
  if (--budget.nodes < 0) return invalid(`query has more than ${maxNodes} nodes`);
  if (depth > maxDepth) return invalid(`query is nested deeper than ${maxDepth}`);
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return invalid('query node must be an object');
  const record = node as Record<string, unknown>;
  const group = 'all' in record ? 'all' : 'any' in record ? 'any' : null;
  if (!group) return compileLeaf(record);
  const children = record[group];
  if (!Array.isArray(children)) return invalid(`query.${group} must be a list`);
  const compiled: SearchPredicate[] = [];
  for (const child of children) {
    const result = compileNode(child, depth + 1, budget);
    if (!result.ok) return result;
    compiled.push(result.value);
  }
  const predicate: SearchPredicate = group === 'all' ? (doc) => compiled.every((p) => p(doc)) : (doc) => compiled.some((p) => p(doc));
  return { ok: true, value: predicate };
}

/** Compiles a query tree; an absent query matches everything. */
export function compileSearchQuery(query: unknown): Read<SearchPredicate> {
  if (query === undefined || query === null) return { ok: true, value: () => true };
  return compileNode(query, 0, { nodes: maxNodes });
}
