import type { Result } from './result';

/** One argument of a vendor exception (`KalturaApiExceptionArg {name, value}`, brief §2.2). */
export interface VendorErrorArg {
  readonly name: string;
  readonly value: string;
}

/**
 * A vendor API error as devices see it: `code` is always the numeric code as a string
 * (brief §2.2, §7.2), `message` has its placeholders already filled in.
 */
export interface VendorError {
  readonly code: string;
  readonly message: string;
  readonly args?: readonly VendorErrorArg[];
}

/** What a vendor operation yields: a result value or a vendor error. */
export type VendorOutcome<T = unknown> = Result<T, VendorError>;
