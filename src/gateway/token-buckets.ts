/**
 * Token buckets per key (issue 9 "per-device and per-household rate limits"), in one table bounded
 * by entries: the least recently used key is forgotten first, and keys are capped in length, so
 * the table's bytes are bounded too. A forgotten key starts again with a full bucket, which only
 * ever errs towards serving a device.
 */
import type { RateBucketConfig } from '../config/config-types';

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Longest key kept (a udid is a few dozen characters; longer ones are cut, never stored whole). */
export const maxBucketKeyLength = 160;

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly maxKeys: number) {}

  /** Keys tracked right now. */
  size(): number {
    return this.buckets.size;
  }

  /** Whether `cost` tokens are available in the key's bucket at `nowMs` (nothing taken). */
  hasTokens(key: string, cost: number, limit: RateBucketConfig, nowMs: number): boolean {
    return this.refilled(key.slice(0, maxBucketKeyLength), limit, nowMs).tokens >= cost;
  }

  /** Takes `cost` tokens (the bucket may go to zero, never below). */
  take(key: string, cost: number, limit: RateBucketConfig, nowMs: number): void {
    const bucket = this.refilled(key.slice(0, maxBucketKeyLength), limit, nowMs);
    bucket.tokens = Math.max(0, bucket.tokens - cost);
  }

  private refilled(key: string, limit: RateBucketConfig, nowMs: number): Bucket {
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = { tokens: limit.burst, updatedMs: nowMs };
      if (this.buckets.size >= this.maxKeys) this.forgetOldest();
    } else {
      this.buckets.delete(key); // re-inserted below: Map order is then least recently used first
      const elapsedSec = Math.max(0, nowMs - bucket.updatedMs) / 1000;
      bucket.tokens = Math.min(limit.burst, bucket.tokens + elapsedSec * limit.perSecond);
      bucket.updatedMs = nowMs;
    }
    this.buckets.set(key, bucket);
    return bucket;
  }

  private forgetOldest(): void {
    const oldest = this.buckets.keys().next();
    if (oldest.done !== true) this.buckets.delete(oldest.value);
  }
}
