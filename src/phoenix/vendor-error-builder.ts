import { vendorErrors, type VendorErrorName } from '../../contracts/generated/phoenix-errors';
import type { VendorError } from '../core/vendor-error';
import { err } from '../core/result';

export type { VendorErrorName };

/** Values that fill a catalogue message's `@placeholder@`s, e.g. `{objectType: 'Asset'}`. */
export type VendorErrorValues = Readonly<Record<string, string | number>>;

interface CatalogueEntry {
  readonly code: string;
  readonly message: string;
}

const entriesByName: ReadonlyMap<string, CatalogueEntry> = new Map(
  (vendorErrors as readonly { code: string | number; name: string; message: string }[]).map((e) => [e.name, { code: String(e.code), message: e.message }]),
);

const entriesByCode: ReadonlyMap<string, CatalogueEntry & { readonly name: string }> = new Map(
  (vendorErrors as readonly { code: string | number; name: string; message: string }[]).map((e) => [String(e.code), { code: String(e.code), name: e.name, message: e.message }]),
);

/**
 * Fills `@name@` placeholders from `values`. A placeholder without a value becomes an empty
 * string: a half-filled message is better than a literal `@x@` reaching a device (brief §2.2).
 */
export function fillVendorMessage(template: string, values: VendorErrorValues = {}): string {
  return template.replace(/@([A-Za-z0-9_]+)@/g, (_match, key: string) => {
    const value = values[key];
    return value === undefined ? '' : String(value);
  });
}

/**
 * Builds a vendor error from the generated catalogue (contracts/generated/phoenix-errors.ts).
 * `vendorError('NotFound', {objectType: 'Asset'})` → `{code: '500007', message: 'Asset not found'}`.
 * The code is always a string (brief §2.2, §7.2). `args` are not emitted (their wire shape is [U]
 * and no device reads them); `withErrorArgs` adds them where wanted (docs/vendor-decisions.md
 * "Vendor error builder").
 */
export function vendorError(name: VendorErrorName, values?: VendorErrorValues): VendorError {
  const entry = entriesByName.get(name);
  if (entry === undefined) throw new Error(`vendor error ${String(name)} is not in the catalogue`);
  return { code: entry.code, message: fillVendorMessage(entry.message, values) };
}

/** The same error with `args` = one `{name, value}` per placeholder of its catalogue message. */
export function withErrorArgs(error: VendorError, values: VendorErrorValues = {}): VendorError {
  const template = entriesByCode.get(error.code)?.message ?? '';
  const names = [...new Set([...template.matchAll(/@([A-Za-z0-9_]+)@/g)].map((m) => m[1] ?? ''))];
  if (names.length === 0) return error;
  return { ...error, args: names.map((key) => ({ name: key, value: values[key] === undefined ? '' : String(values[key]) })) };
}

/** The same as `vendorError`, wrapped as a failed `VendorOutcome` ready to return from an operation. */
export function vendorFailure(name: VendorErrorName, values?: VendorErrorValues): { readonly ok: false; readonly error: VendorError } {
  return err(vendorError(name, values));
}

/** Looks a catalogue entry up by its code (e.g. `"500016"`), or undefined when unknown. */
export function findVendorErrorByCode(code: string): { readonly code: string; readonly name: string; readonly message: string } | undefined {
  return entriesByCode.get(code);
}

/** True when `name` is a catalogue error name. */
export function isVendorErrorName(name: string): name is VendorErrorName {
  return entriesByName.has(name);
}
