/**
 * Follows the platform's change feed by cursor (docs/architecture.md §4 "Sync": platform writes that bypass
 * the facade, e.g. new client apps). Each change is stamped from its feed position — the platform's
 * write time and cursor — so a page read twice (a crash before the cursor moved) yields the same
 * outbox keys and enqueues nothing new. The cursor is saved after the page is committed.
 */
import { formatStamp } from './hlc';
import { readFeedChange, type FeedChange, type VendorIdLookup } from './feed-changes';
import type { SyncCapture } from './sync-capture';
import type { SyncEvents } from './sync-ports';
import type { UnstampedChange } from './capture-rules';
import { extensionFollowing } from './entity-extensions';
import { facadeWriteOrigin, type SyncEntity } from './sync-types';

/** One page of the feed, or `expired` when the cursor fell out of its window. */
export type FeedPage = { readonly changes: readonly FeedChange[]; readonly nextCursor: string } | 'expired';

export interface FeedPort {
  read(after: string, limit: number): Promise<FeedPage>;
  /** The newest cursor (restart point after an expired cursor; reconcile covers the gap). */
  latest(): Promise<string>;
}

export interface CursorPort {
  get(name: string): Promise<string | undefined>;
  set(name: string, cursor: string): Promise<void>;
}

export interface FeedFollowerOptions {
  readonly feed: FeedPort;
  readonly cursors: CursorPort;
  readonly capture: SyncCapture;
  readonly ids: VendorIdLookup;
  readonly events: SyncEvents;
  readonly pageSize: number;
  readonly cursorName?: string;
}

const defaultCursorName = 'platform-changes';

/** The stamp of a feed change: its write time, its position as the counter, the platform as the site. */
export function feedStamp(change: FeedChange): string {
  const physicalMs = Date.parse(change.at);
  return formatStamp({ physicalMs: Number.isFinite(physicalMs) ? physicalMs : 0, counter: Number(change.cursor) % 1_000_000, site: 'platform' });
}

/** Reads and captures one page; resolves how many feed entries it consumed. */
export async function followFeedOnce(options: FeedFollowerOptions): Promise<number> {
  const name = options.cursorName ?? defaultCursorName;
  const after = (await options.cursors.get(name)) ?? '0';
  const page = await options.feed.read(after, options.pageSize);
  if (page === 'expired') {
    await options.cursors.set(name, await options.feed.latest());
    return 0;
  }
  const changes: (UnstampedChange & { stamp?: string })[] = [];
  for (const entry of page.changes) {
    const outcome = readFeedChange(entry, options.ids);
    if (outcome.kind === 'echo') options.events.echoDropped(entityOfFeed(entry.entity));
    // The facade's own history clean (feed-changes.ts) is stamped now, on the HLC that stamped the device's earlier
    // writes in milliseconds: the platform's second would order it before a bookmark set earlier in the same second.
    if (outcome.kind === 'change') changes.push({ ...outcome.change, ...(entry.origin === facadeWriteOrigin ? {} : { stamp: feedStamp(entry) }) });
    if (outcome.kind === 'changes') changes.push(...outcome.changes.map((c) => ({ ...c, stamp: feedStamp(entry) })));
  }
  if (changes.length > 0) await options.capture.captureChanges(changes, 'feed');
  if (page.nextCursor !== after) await options.cursors.set(name, page.nextCursor);
  return page.changes.length;
}

function entityOfFeed(entity: string): SyncEntity | 'other' {
  if (entity === 'progress') return 'bookmark';
  if (entity === 'favorite' || entity === 'device' || entity === 'purchase') return entity;
  return extensionFollowing(entity)?.entity ?? 'other';
}
