/**
 * Lenient readers for operation parameters (brief §7.7): numbers may arrive as strings and strings
 * as numbers, enums in any case, booleans as 0/1 or "true". Every reader returns a `Result`, so an
 * operation can `if (!x.ok) return x;` straight into its `VendorOutcome`.
 *
 * `name` may be a dotted path (`'filter.assetIdIn'`): the reader walks nested objects and the whole
 * path is what error messages show. `null` counts as missing (generated clients send `x__null`).
 */
import type { Result } from '../core/result';
import { err, ok } from '../core/result';
import type { VendorError } from '../core/vendor-error';
import { vendorError } from './vendor-error-builder';

/** Parameters as operations receive them (merged, tokens resolved). */
export type ParamSource = Readonly<Record<string, unknown>>;
export type ParamResult<T> = Result<T, VendorError>;

/**
 * `required`: missing → 500053 MissingParameter. `nonEmpty`: an empty value (and, when not
 * `required`, a missing one) → 50027 ArgumentCannotBeEmpty. `label` overrides the name in messages.
 */
export interface ReadOptions {
  readonly required?: boolean;
  readonly nonEmpty?: boolean;
  readonly label?: string;
}
type Mandatory = ReadOptions & ({ readonly required: true } | { readonly nonEmpty: true });

/** Reads the raw value at a dotted path; undefined when any step is missing. */
export function readRaw(source: ParamSource, name: string): unknown {
  let current: unknown = source;
  for (const key of name.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current === null ? undefined : current;
}

function labelOf(name: string, options: ReadOptions | undefined): string {
  return options?.label ?? name;
}

function isEmptyValue(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/**
 * Shared front of every reader: missing/empty handling. Returns `ok(undefined)` for an optional
 * missing value, an error, or `null` meaning "present, go on and convert".
 */
function checkPresence(value: unknown, name: string, options: ReadOptions | undefined): ParamResult<undefined> | null {
  const label = labelOf(name, options);
  if (value === undefined) {
    if (options?.required === true) return err(vendorError('MissingParameter', { parameter: label }));
    if (options?.nonEmpty === true) return err(vendorError('ArgumentCannotBeEmpty', { argument: label }));
    return ok(undefined);
  }
  if (options?.nonEmpty === true && isEmptyValue(value)) return err(vendorError('ArgumentCannotBeEmpty', { argument: label }));
  return null;
}

/** A string parameter; numbers and booleans are accepted and stringified. Objects → 50026. */
export function readString(source: ParamSource, name: string, options: Mandatory): ParamResult<string>;
export function readString(source: ParamSource, name: string, options?: ReadOptions): ParamResult<string | undefined>;
export function readString(source: ParamSource, name: string, options?: ReadOptions): ParamResult<string | undefined> {
  const value = readRaw(source, name);
  const presence = checkPresence(value, name, options);
  if (presence !== null) return presence;
  if (typeof value === 'string') return ok(value);
  if (typeof value === 'number' || typeof value === 'boolean') return ok(String(value));
  return err(vendorError('InvalidArgument', { argument: labelOf(name, options) }));
}

/** Options of numeric readers: `min`/`max` → 500048/500047; `integerOnly` rejects fractions with 500031. */
export interface NumberOptions extends ReadOptions {
  readonly min?: number;
  readonly max?: number;
  readonly integerOnly?: boolean;
}

function toFiniteNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return undefined;
}

function checkRange(n: number, label: string, options: NumberOptions | undefined): ParamResult<number> {
  if (options?.min !== undefined && n < options.min) return err(vendorError('ArgumentMinValueCrossed', { argument: label, value: options.min }));
  if (options?.max !== undefined && n > options.max) return err(vendorError('ArgumentMaxValueCrossed', { argument: label, value: options.max }));
  return ok(n);
}

/** A number (float allowed); numeric strings accepted. Non-numeric → 500031 ArgumentMustBeNumeric. */
export function readNumber(source: ParamSource, name: string, options: NumberOptions & Mandatory): ParamResult<number>;
export function readNumber(source: ParamSource, name: string, options?: NumberOptions): ParamResult<number | undefined>;
export function readNumber(source: ParamSource, name: string, options?: NumberOptions): ParamResult<number | undefined> {
  const value = readRaw(source, name);
  const presence = checkPresence(value, name, options);
  if (presence !== null) return presence;
  const n = toFiniteNumber(value);
  if (n === undefined) return err(vendorError('ArgumentMustBeNumeric', { argument: labelOf(name, options) }));
  return checkRange(n, labelOf(name, options), options);
}

/**
 * An integer; numeric strings accepted; a fraction is truncated toward zero (the float bookmark
 * position, brief §7.7, lab-rules "Bookmarks") unless `integerOnly`, which answers 500031.
 */
export function readInt(source: ParamSource, name: string, options: NumberOptions & Mandatory): ParamResult<number>;
export function readInt(source: ParamSource, name: string, options?: NumberOptions): ParamResult<number | undefined>;
export function readInt(source: ParamSource, name: string, options?: NumberOptions): ParamResult<number | undefined> {
  const value = readRaw(source, name);
  const presence = checkPresence(value, name, options);
  if (presence !== null) return presence;
  const n = toFiniteNumber(value);
  const label = labelOf(name, options);
  if (n === undefined || (options?.integerOnly === true && !Number.isInteger(n))) return err(vendorError('ArgumentMustBeNumeric', { argument: label }));
  return checkRange(Math.trunc(n), label, options);
}

/** A boolean: true/false, "true"/"false" (any case), 1/0, "1"/"0". Anything else → 50026. */
export function readBool(source: ParamSource, name: string, options: Mandatory): ParamResult<boolean>;
export function readBool(source: ParamSource, name: string, options?: ReadOptions): ParamResult<boolean | undefined>;
export function readBool(source: ParamSource, name: string, options?: ReadOptions): ParamResult<boolean | undefined> {
  const value = readRaw(source, name);
  const presence = checkPresence(value, name, options);
  if (presence !== null) return presence;
  if (typeof value === 'boolean') return ok(value);
  const text = String(value).trim().toLowerCase();
  if (text === 'true' || text === '1') return ok(true);
  if (text === 'false' || text === '0') return ok(false);
  return err(vendorError('InvalidArgument', { argument: labelOf(name, options) }));
}

/**
 * An enum value matched case-insensitively (brief §7.7: `MEDIA` vs `media`, `nPVR` vs `npvr`);
 * returns the canonical spelling from `values`. Unknown → 500041 EnumValueNotSupported.
 */
export function readEnum<T extends string>(source: ParamSource, name: string, values: readonly T[], options: Mandatory): ParamResult<T>;
export function readEnum<T extends string>(source: ParamSource, name: string, values: readonly T[], options?: ReadOptions): ParamResult<T | undefined>;
export function readEnum<T extends string>(source: ParamSource, name: string, values: readonly T[], options?: ReadOptions): ParamResult<T | undefined> {
  const value = readRaw(source, name);
  const presence = checkPresence(value, name, options);
  if (presence !== null) return presence;
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim().toLowerCase() : undefined;
  const match = text === undefined ? undefined : values.find((v) => v.toLowerCase() === text);
  if (match === undefined) return err(vendorError('EnumValueNotSupported', { value: text === undefined ? '' : String(value as string | number), argument: labelOf(name, options) }));
  return ok(match);
}

/** A nested object (a filter, a bookmark, …). Arrays and scalars → 50026 InvalidArgument. */
export function readObject(source: ParamSource, name: string, options: Mandatory): ParamResult<Record<string, unknown>>;
export function readObject(source: ParamSource, name: string, options?: ReadOptions): ParamResult<Record<string, unknown> | undefined>;
export function readObject(source: ParamSource, name: string, options?: ReadOptions): ParamResult<Record<string, unknown> | undefined> {
  const value = readRaw(source, name);
  const presence = checkPresence(value, name, options);
  if (presence !== null) return presence;
  if (typeof value === 'object' && !Array.isArray(value)) return ok(value as Record<string, unknown>);
  return err(vendorError('InvalidArgument', { argument: labelOf(name, options) }));
}

/** Splits "a, b,,c" or an array into trimmed non-empty string items. */
function toListItems(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string' || typeof v === 'number').map((v) => String(v).trim()).filter((v) => v !== '');
  if (typeof value === 'string' || typeof value === 'number') return String(value).split(',').map((v) => v.trim()).filter((v) => v !== '');
  return undefined;
}

/** A comma-separated string list ("a,b"), also accepting a JSON array. `nonEmpty` → 50027 when no item. */
export function readStringList(source: ParamSource, name: string, options?: ReadOptions): ParamResult<string[]> {
  const value = readRaw(source, name);
  const presence = checkPresence(value, name, options);
  if (presence !== null) return presence.ok ? ok([]) : presence;
  const items = toListItems(value);
  const label = labelOf(name, options);
  if (items === undefined) return err(vendorError('InvalidArgument', { argument: label }));
  if (items.length === 0 && options?.nonEmpty === true) return err(vendorError('ArgumentCannotBeEmpty', { argument: label }));
  return ok(items);
}

/** A comma-separated numeric id list ("1,2,3", or 5, or [1,"2"]). A non-numeric item → 500031. */
export function readIdList(source: ParamSource, name: string, options?: ReadOptions): ParamResult<number[]> {
  const list = readStringList(source, name, options);
  if (!list.ok) return list;
  const ids: number[] = [];
  for (const item of list.value) {
    if (!/^[-+]?\d+$/.test(item)) return err(vendorError('ArgumentMustBeNumeric', { argument: labelOf(name, options) }));
    ids.push(Number(item));
  }
  return ok(ids);
}
