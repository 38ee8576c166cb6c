/**
 * The diff engine's vocabulary (design.md §4 "Shadow and diff", Diffy's stages): plain values only,
 * shared by shadow mode, replay and the QA contract diff.
 */

/** The closed set of difference kinds; a report never invents another. */
export type DiffKind = 'missing' | 'extra' | 'type' | 'value' | 'order' | 'size';

/** Every kind, for label sets and exhaustive tests. */
export const diffKinds: readonly DiffKind[] = ['missing', 'extra', 'type', 'value', 'order', 'size'];

/**
 * One difference between the primary answer (the reference: the vendor) and the candidate
 * (the platform translation). `pointer` is a JSON pointer into the primary answer (into the
 * candidate for `extra`); `field` is its signature with array positions replaced by `*`, the key
 * that counts, noise and clusters use.
 */
export interface Difference {
  readonly pointer: string;
  readonly field: string;
  readonly kind: DiffKind;
  /** The primary's value at `pointer` (absent for `extra`; a summary for containers). */
  readonly primary?: unknown;
  /** The candidate's value at `pointer` (absent for `missing`). */
  readonly candidate?: unknown;
}

/** What one structural diff found. */
export interface DiffResult {
  readonly differences: readonly Difference[];
  /** True when the walk stopped at the difference or depth cap (cost stays linear, bounded). */
  readonly truncated: boolean;
}

/** The JSON type of a value, as the `type` kind compares it. */
export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' | 'undefined';

/** The JSON type of `value`. */
export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'boolean' || type === 'number' || type === 'string' || type === 'object' || type === 'undefined') return type;
  return 'string';
}
