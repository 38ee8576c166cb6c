/**
 * The platform's change feed (`GET /changes`, contracts/platform) as the sync's FeedPort, read with
 * a client-subject token. Non-200 answers other than `cursor_expired` reject (an outage: the
 * follower retries at its next poll from the same cursor).
 */
import type { FeedChange } from '../sync/feed-changes';
import type { FeedPage, FeedPort } from '../sync/feed-follower';
import type { PlatformHttpClient } from './platform-http-client';
import type { PlatformTokenCache } from './platform-token-cache';

const feedSubject = { sessionKey: 'understudy-sync-feed' };

/** Creates the feed reader. */
export function createPlatformChangeFeed(client: PlatformHttpClient, tokens: PlatformTokenCache): FeedPort {
  const get = async (after: string, limit: number): Promise<{ status: number; body: unknown }> => {
    const path = `/changes?after=${encodeURIComponent(after)}&limit=${limit}`;
    const reply = await client.send({ method: 'GET', path, headers: { authorization: `Bearer ${await tokens.tokenFor(feedSubject)}` } });
    if (reply.status === 401) tokens.forget(feedSubject);
    return reply;
  };
  const read = async (after: string, limit: number): Promise<FeedPage> => {
    const reply = await get(after, limit);
    const body = (reply.body ?? {}) as { changes?: unknown; nextCursor?: unknown; code?: unknown };
    if (reply.status === 410 || body.code === 'cursor_expired') return 'expired';
    if (reply.status !== 200 || !Array.isArray(body.changes) || typeof body.nextCursor !== 'string') throw new Error(`change feed answered HTTP ${reply.status}`);
    return { changes: body.changes as FeedChange[], nextCursor: body.nextCursor };
  };
  return {
    read,
    async latest() {
      // Walk to the end a large page at a time; the feed has no "latest" operation.
      let cursor = '0';
      for (let i = 0; i < 10_000; i++) {
        const page = await read(cursor, 1000);
        if (page === 'expired' || page.changes.length === 0) return cursor;
        cursor = page.nextCursor;
      }
      return cursor;
    },
  };
}
