/**
 * MurmurHash3 x86_32 over the UTF-8 bytes of a string. Written here (no untyped dependency) because
 * the percentage buckets of the policy depend on it bit for bit (docs/architecture.md §4 "Policy"): the same
 * device must land in the same bucket on every instance and after every restart.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mixBlock(h: number, block: number): number {
  let k = Math.imul(block, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number, tail: number, tailLength: number, length: number): number {
  if (tailLength > 0) {
    let k = Math.imul(tail, C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
  }
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes raw bytes; the result is an unsigned 32-bit integer. */
export function murmur3Bytes(bytes: Uint8Array, seed = 0): number {
  let h = seed | 0;
  const blocks = bytes.length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    h = mixBlock(h, bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
  }
  let tail = 0;
  const tailLength = bytes.length & 3;
  for (let j = tailLength - 1; j >= 0; j--) tail = (tail << 8) | bytes[blocks + j]!;
  return finish(h, tail, tailLength, bytes.length);
}

/** Hashes a string's UTF-8 bytes; ASCII strings (the common case) are hashed without allocating. */
export function murmur3_32(text: string, seed = 0): number {
  const length = text.length;
  for (let i = 0; i < length; i++) {
    if (text.charCodeAt(i) > 0x7f) return murmur3Bytes(Buffer.from(text, 'utf8'), seed);
  }
  let h = seed | 0;
  const blocks = length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    h = mixBlock(h, text.charCodeAt(i) | (text.charCodeAt(i + 1) << 8) | (text.charCodeAt(i + 2) << 16) | (text.charCodeAt(i + 3) << 24));
  }
  let tail = 0;
  const tailLength = length & 3;
  for (let j = tailLength - 1; j >= 0; j--) tail = (tail << 8) | text.charCodeAt(blocks + j);
  return finish(h, tail, tailLength, length);
}
