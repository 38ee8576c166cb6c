import type { Result } from '../core/result';
import { decodeKs, type KsDecodeError, type KsPayload } from './ks-codec';

/** Decodes and verifies a KS (signature only; expiry and revocation are the caller's). */
export type KsDecoder = (ks: string) => Result<KsPayload, KsDecodeError>;

/**
 * A decoder that remembers results per KS string. A device sends the same KS on every call, and
 * each call's KS is read twice (routing, then verification); decoding costs an AES pass and a
 * SHA-1, remembering costs a map lookup. Bounded: the oldest entries go first.
 */
export function createCachedKsDecoder(secretForPartner: (partnerId: number) => string | undefined, maxEntries = 50_000): KsDecoder {
  const cache = new Map<string, Result<KsPayload, KsDecodeError>>();
  return (ks) => {
    const known = cache.get(ks);
    if (known !== undefined) return known;
    const decoded = decodeKs(ks, secretForPartner);
    if (cache.size >= maxEntries) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
    }
    cache.set(ks, decoded);
    return decoded;
  };
}
