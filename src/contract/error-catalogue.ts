import { loadContractJson } from './load-contract';

/** One entry of the vendor error catalogue: `message` keeps its `@placeholder@` tokens (brief §2.2). */
export interface VendorErrorEntry {
  readonly code: string;
  readonly name: string;
  readonly message: string;
}

let entries: readonly VendorErrorEntry[] | undefined;
let byCode: ReadonlyMap<string, VendorErrorEntry> | undefined;
let byName: ReadonlyMap<string, VendorErrorEntry> | undefined;

/** True when a raw catalogue entry has the `{code, name, message}` shape with a numeric-string code. */
function isVendorErrorEntry(raw: unknown): raw is VendorErrorEntry {
  if (typeof raw !== 'object' || raw === null) return false;
  const e = raw as Record<string, unknown>;
  return typeof e.code === 'string' && /^[0-9]+$/.test(e.code) && typeof e.name === 'string' && typeof e.message === 'string';
}

/** Checks one raw catalogue entry; a malformed catalogue is a bug, so it throws. */
function checkEntry(raw: unknown, position: number): VendorErrorEntry {
  if (!isVendorErrorEntry(raw)) throw new Error(`contracts/phoenix/errors.json entry ${position} is malformed`);
  return Object.freeze({ code: raw.code, name: raw.name, message: raw.message });
}

/** The whole vendor error catalogue (contracts/phoenix/errors.json), loaded once. */
export function listVendorErrors(): readonly VendorErrorEntry[] {
  if (!entries) {
    const raw = loadContractJson('phoenix/errors.json');
    if (!Array.isArray(raw)) throw new Error('contracts/phoenix/errors.json must be an array');
    entries = Object.freeze(raw.map(checkEntry));
    byCode = new Map(entries.map((e) => [e.code, e]));
    byName = new Map(entries.map((e) => [e.name, e]));
  }
  return entries;
}

/** The catalogue entry for a numeric-string code such as `"500016"`. */
export function findVendorErrorByCode(code: string): VendorErrorEntry | undefined {
  listVendorErrors();
  return byCode!.get(code);
}

/** The catalogue entry for a name such as `"ExpiredKS"` (exact case). */
export function findVendorErrorByName(name: string): VendorErrorEntry | undefined {
  listVendorErrors();
  return byName!.get(name);
}
