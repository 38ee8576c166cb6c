import type { IdMapper } from '../../core/id-mapper';
import { evaluateKsql, type KsqlCompare, type KsqlNode, type KsqlOperator } from '../../phoenix/ksql';
import type { PlatformQueryNode } from './platform-catalog-types';

/**
 * KSQL (brief §5.2) → the platform's search query tree (docs/platform.md "Search fields"), keeping
 * the lab's semantics (docs/lab-rules.md "Search") exactly: reserved keys map to platform fields,
 * any other key to `attributeOrLabel.<key>`. Constant parts fold away (`{all: []}` holds, `{any: []}`
 * does not), and nested groups of the same kind are flattened to keep the tree small.
 */
type Op = Extract<PlatformQueryNode, { op: unknown }>['op'];

const always: PlatformQueryNode = { all: [] };
const never: PlatformQueryNode = { any: [] };

const platformOps: Readonly<Record<KsqlOperator, Op>> = {
  '=': 'eq',
  '!=': 'ne',
  '~': 'contains',
  '!~': 'notContains',
  '^': 'wordStartsWith',
  '^=': 'startsWith',
  '+': 'exists',
  '!+': 'notExists',
  '>': 'gt',
  '>=': 'gte',
  '<': 'lt',
  '<=': 'lte',
  ':': 'in',
};

const negativeOps = new Set<KsqlOperator>(['!=', '!~', '!+']);

/** Keys with no platform field that hold for every asset in the lab. */
const alwaysHoldingKeys = new Set(['geo_block', 'parental_rules', 'user_interests', 'entitled_assets']);

/** Reserved keys whose platform field has the same values as the vendor's. */
const plainFields: Readonly<Record<string, string>> = {
  name: 'title',
  description: 'synopsis',
  epg_channel_id: 'epgChannelId',
  start_date: 'startTime',
  end_date: 'endTime',
};

function leaf(field: string, node: KsqlCompare): PlatformQueryNode {
  const op = platformOps[node.op];
  return op === 'exists' || op === 'notExists' ? { field, op } : { field, op, value: node.value };
}

function isConstant(node: PlatformQueryNode, constant: PlatformQueryNode): boolean {
  return node === constant;
}

/** The platform item of a numeric vendor asset id (equality is numeric: `0480001` is 480001). */
function itemIdOf(ids: IdMapper, value: string): string | undefined {
  const n = toListNumber(value);
  return n === undefined || !Number.isInteger(n) ? undefined : ids.toPlatform('asset', n);
}

/**
 * `media_id`: VOD items and channels by id; programmes have no value. Equality and lists go
 * through the id map to `itemRef` (one node each); other operators compare the catalogue number
 * (`sortKey`) of non-programmes.
 */
function mediaIdQuery(node: KsqlCompare, ids: IdMapper): PlatformQueryNode {
  if (node.op === '=' || node.op === '!=') {
    const itemId = itemIdOf(ids, node.value);
    if (itemId === undefined) return node.op === '=' ? never : always;
    return { field: 'itemRef', op: node.op === '=' ? 'eq' : 'ne', value: itemId };
  }
  if (node.op === ':') {
    const itemIds = node.value.split(',').map((v) => itemIdOf(ids, v)).filter((id): id is string => id !== undefined);
    return itemIds.length === 0 ? never : { field: 'itemRef', op: 'in', value: itemIds };
  }
  const compare = leaf('sortKey', node);
  if (negativeOps.has(node.op)) return { any: [{ field: 'kind', op: 'eq', value: 'programme' }, compare] };
  return { all: [{ field: 'kind', op: 'ne', value: 'programme' }, compare] };
}

function toListNumber(item: string): number | undefined {
  const trimmed = item.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

/** `epg_id`: the platform compares `in` on `epgRef` as text, KSQL `:` as numbers — so spell it out. */
function epgIdQuery(node: KsqlCompare): PlatformQueryNode {
  if (node.op !== ':') return leaf('epgRef', node);
  const numbers = node.value.split(',').map(toListNumber).filter((n): n is number => n !== undefined);
  if (numbers.length === 0) return never;
  return { any: numbers.map((value) => ({ field: 'epgRef', op: 'eq' as const, value })) };
}

/** `asset_type` has two values (`media`, `epg`): decide the comparison for each and restrict kinds. */
function assetTypeQuery(node: KsqlCompare): PlatformQueryNode {
  const media = evaluateKsql(node, () => ['media']);
  const epg = evaluateKsql(node, () => ['epg']);
  if (media && epg) return always;
  if (media) return { field: 'kind', op: 'ne', value: 'programme' };
  if (epg) return { field: 'kind', op: 'eq', value: 'programme' };
  return never;
}

function compareQuery(node: KsqlCompare, ids: IdMapper): PlatformQueryNode {
  const key = node.key.toLowerCase();
  if (alwaysHoldingKeys.has(key)) return always;
  const plain = plainFields[key];
  if (plain !== undefined) return leaf(plain, node);
  if (key === 'media_id') return mediaIdQuery(node, ids);
  if (key === 'epg_id') return epgIdQuery(node);
  if (key === 'asset_type') return assetTypeQuery(node);
  return leaf(`attributeOrLabel.${key}`, node);
}

function groupQuery(kind: 'and' | 'or', children: readonly KsqlNode[], ids: IdMapper): PlatformQueryNode {
  const neutral = kind === 'and' ? always : never;
  const absorbing = kind === 'and' ? never : always;
  const parts: PlatformQueryNode[] = [];
  for (const child of children) {
    const part = toQueryNode(child, ids);
    if (isConstant(part, absorbing)) return absorbing;
    if (isConstant(part, neutral)) continue;
    if (kind === 'and' && 'all' in part) parts.push(...part.all);
    else if (kind === 'or' && 'any' in part) parts.push(...part.any);
    else parts.push(part);
  }
  if (parts.length === 0) return neutral;
  if (parts.length === 1) return parts[0] as PlatformQueryNode;
  return kind === 'and' ? { all: parts } : { any: parts };
}

function toQueryNode(node: KsqlNode, ids: IdMapper): PlatformQueryNode {
  return node.kind === 'compare' ? compareQuery(node, ids) : groupQuery(node.kind, node.children, ids);
}

/** The platform query of a KSQL tree; undefined when it holds for every item (no query needed). */
export function ksqlToQuery(node: KsqlNode, ids: IdMapper): PlatformQueryNode | undefined {
  const query = toQueryNode(node, ids);
  return isConstant(query, always) ? undefined : query;
}
