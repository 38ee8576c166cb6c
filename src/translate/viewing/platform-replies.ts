import type { IdKind } from '../../core/id-mapper';
import type { PlatformReply, PlatformRequest } from '../platform-port';
import type { TranslateContext } from '../translator';

export { epochOf, problemCode, unexpectedReply } from '../platform-reply';

/** The vendor id of a platform entity; an unmapped id is a bug in the id map, never guessed. */
export function vendorIdOf(ctx: TranslateContext, kind: IdKind, platformId: string): string {
  const vendorId = ctx.ids.toVendor(kind, platformId.toLowerCase()) ?? ctx.ids.toVendor(kind, platformId);
  if (vendorId === undefined) throw new Error(`no vendor id for ${kind} ${platformId}`);
  return vendorId;
}

/** A paged platform list answer (`offset`/`limit` with `total`). */
interface PlatformPage<T> {
  readonly items: readonly T[];
  readonly total: number;
}

/** The platform's largest page (docs/platform.md "Conventions"). */
export const platformMaxLimit = 500;

/**
 * Every item of a paged platform list, following `offset` until `total` (vendor lists without a
 * pager, or with filters the platform does not offer, need the whole list). Non-200 answers are
 * returned as they are for the caller to map.
 */
export async function fetchAllPages<T>(ctx: TranslateContext, request: PlatformRequest): Promise<{ items: T[] } | { reply: PlatformReply }> {
  const items: T[] = [];
  for (let offset = 0; ; offset += platformMaxLimit) {
    const reply = await ctx.platform.call({ ...request, query: { ...request.query, offset, limit: platformMaxLimit } });
    if (reply.status !== 200) return { reply };
    const page = reply.body as PlatformPage<T>;
    items.push(...page.items);
    if (page.items.length === 0 || offset + platformMaxLimit >= page.total) return { items };
  }
}

/**
 * Ids per platform query: the platform takes 500, but 500 UUIDs make an 18 KB URL, past common
 * 16 KB header limits, so lists are sent in chunks of 200.
 */
export const idsPerQuery = 200;

/** Splits a list into chunks of at most `size`. */
export function chunksOf<T>(items: readonly T[], size = idsPerQuery): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
