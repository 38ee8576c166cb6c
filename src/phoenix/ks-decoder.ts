import type { Result } from '../core/result';
import { err } from '../core/result';
import { decodeKs, type KsDecodeError, type KsPayload } from './ks-codec';

/** Decodes and verifies a KS (signature only; expiry and revocation are the caller's). */
export type KsDecoder = (ks: string) => Result<KsPayload, KsDecodeError>;

/** A remembering decoder that can say how much it holds (tests, metrics). */
export interface CachedKsDecoder extends KsDecoder {
  cachedEntries(): number;
  cachedBytes(): number;
}

/**
 * Longest KS text decoded at all. Vendor KS are a few hundred characters (brief §4.1: v2 header,
 * 36 bytes of signature and random, a handful of fields); anything longer is malformed before
 * a byte of it is decoded or remembered (issue 9, finding 2).
 */
export const maxKsLength = 4096;

export interface KsDecoderLimits {
  /** Entries remembered at most. */
  readonly maxEntries?: number;
  /** Bytes remembered at most (KS text plus an estimate of the decoded payload). */
  readonly maxBytes?: number;
}

const malformed: Result<KsPayload, KsDecodeError> = err('malformed');

/** Rough bytes one remembered entry holds: the key twice (map key, session) plus the payload. */
function entryBytes(ks: string, decoded: Result<KsPayload, KsDecodeError>): number {
  if (!decoded.ok) return ks.length * 2 + 64;
  let privileges = 0;
  for (const [name, value] of Object.entries(decoded.value.privileges)) privileges += name.length + value.length + 32;
  return ks.length * 2 + decoded.value.userId.length * 2 + privileges * 2 + 160;
}

/**
 * A decoder that remembers results per KS string. A device sends the same KS on every call, and
 * each call's KS is read twice (routing, then verification); decoding costs an AES pass and a
 * SHA-1, remembering costs a map lookup. Bounded in entries and in bytes: the oldest go first.
 */
export function createCachedKsDecoder(secretForPartner: (partnerId: number) => string | undefined, limits: KsDecoderLimits = {}): CachedKsDecoder {
  const maxEntries = limits.maxEntries ?? 50_000;
  const maxBytes = limits.maxBytes ?? 32 * 1024 * 1024;
  const cache = new Map<string, { decoded: Result<KsPayload, KsDecodeError>; bytes: number }>();
  let bytes = 0;
  const evictOldest = (): void => {
    const oldest = cache.entries().next();
    if (oldest.done === true) return;
    cache.delete(oldest.value[0]);
    bytes -= oldest.value[1].bytes;
  };
  const decoder = (ks: string): Result<KsPayload, KsDecodeError> => {
    if (ks.length > maxKsLength) return malformed;
    const known = cache.get(ks);
    if (known !== undefined) return known.decoded;
    const decoded = decodeKs(ks, secretForPartner);
    const size = entryBytes(ks, decoded);
    while (cache.size > 0 && (cache.size >= maxEntries || bytes + size > maxBytes)) evictOldest();
    cache.set(ks, { decoded, bytes: size });
    bytes += size;
    return decoded;
  };
  return Object.assign(decoder, { cachedEntries: () => cache.size, cachedBytes: () => bytes });
}
