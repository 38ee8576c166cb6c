/**
 * The typed tree of a KSQL filter (brief §5.2): prefix `(and …)` / `(or …)` groups that nest, and
 * `key<op>'value'` comparisons at the leaves.
 */

/** Every comparison operator of brief §5.2, text and numeric. */
export const ksqlOperators = ['=', '!=', '~', '!~', '^', '^=', '+', '!+', '>', '>=', '<', '<=', ':'] as const;

export type KsqlOperator = (typeof ksqlOperators)[number];

export interface KsqlGroup {
  readonly kind: 'and' | 'or';
  readonly children: readonly KsqlNode[];
}

export interface KsqlCompare {
  readonly kind: 'compare';
  /** The field name as written (matching is case-insensitive, docs/lab-rules.md "Search"). */
  readonly key: string;
  readonly op: KsqlOperator;
  /** The unquoted value; `''` for the value-less forms `key+` / `key!+`. */
  readonly value: string;
}

export type KsqlNode = KsqlGroup | KsqlCompare;

/** Why a KSQL text could not be turned into a tree. */
export type KsqlError =
  | { readonly kind: 'syntax'; readonly position: number; readonly reason: string }
  | { readonly kind: 'too-long'; readonly length: number; readonly maxLength: number };
