import type { VendorError, VendorOutcome } from '../core/vendor-error';
import { unwrapUnenveloped } from './unenveloped-result';

/** The object a vendor error travels as (brief §2.2): `objectType` first, `code` a string. */
export interface VendorErrorObject {
  readonly objectType: 'KalturaAPIException';
  readonly code: string;
  readonly message: string;
  readonly args?: readonly { readonly objectType: 'KalturaApiExceptionArg'; readonly name: string; readonly value: string }[];
}

/** A failed slot or a failed single result: `{error: {...}}` (brief §2.2, §3.2). */
export interface VendorErrorItem {
  readonly error: VendorErrorObject;
}

/** The vendor response envelope (brief §2.1): `executionTime` is float seconds. */
export interface VendorEnvelope {
  readonly executionTime: number;
  readonly result: unknown;
}

/** Turns a vendor error into the exception object clients detect (brief §2.2). */
export function toVendorErrorObject(error: VendorError): VendorErrorObject {
  const base = { objectType: 'KalturaAPIException' as const, code: String(error.code), message: error.message };
  if (error.args === undefined || error.args.length === 0) return base;
  return { ...base, args: error.args.map((a) => ({ objectType: 'KalturaApiExceptionArg' as const, name: a.name, value: a.value })) };
}

/** `{error: KalturaAPIException}`, the shape of an error result and of a failed multirequest slot. */
export function toErrorItem(error: VendorError): VendorErrorItem {
  return { error: toVendorErrorObject(error) };
}

/** Seconds elapsed between two millisecond timestamps, as the float `executionTime` (brief §7.20). */
export function executionSeconds(startMs: number, endMs: number): number {
  return Math.max(0, Math.round(endMs - startMs)) / 1000;
}

/** Success envelope `{executionTime, result}`. */
export function successEnvelope(result: unknown, executionTime: number): VendorEnvelope {
  return { executionTime, result };
}

/** Error envelope `{executionTime, result: {error: {...}}}`, always sent with HTTP 200 (brief §1.6). */
export function errorEnvelope(error: VendorError, executionTime: number): VendorEnvelope {
  return { executionTime, result: toErrorItem(error) };
}

/** The value a slot or a single result carries for an outcome. */
export function outcomeToResult(outcome: VendorOutcome): unknown {
  return outcome.ok ? unwrapUnenveloped(outcome.value) : toErrorItem(outcome.error);
}

/** Envelope of one call's outcome. */
export function outcomeEnvelope(outcome: VendorOutcome, executionTime: number): VendorEnvelope {
  return { executionTime, result: outcomeToResult(outcome) };
}

/** Multirequest envelope: `result` is an array with one slot per sub-request, in order (brief §3.2). */
export function multirequestEnvelope(slots: readonly VendorOutcome[], executionTime: number): VendorEnvelope {
  return { executionTime, result: slots.map(outcomeToResult) };
}

/** True when a value is a vendor error item or a bare exception object (playkit accepts both, brief §3.2). */
export function isVendorErrorResult(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (record.objectType === 'KalturaAPIException') return true;
  const inner = record.error;
  return typeof inner === 'object' && inner !== null && (inner as Record<string, unknown>).objectType === 'KalturaAPIException';
}
