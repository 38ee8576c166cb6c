/**
 * Acknowledged writes to check after a rolling restart or a kill -9: one writer per asset sends
 * `bookmark.add` with a new position, one at a time, and remembers the last position a successful
 * answer acknowledged. Afterwards each side's bookmark must hold that position (or, when the last
 * attempt got no answer, that attempt's): anything else is a lost acknowledged write.
 */

/** What the writers did, per asset. */
export interface WriterLedger {
  readonly attempted: number;
  readonly acknowledged: number;
  readonly failed: number;
  /** Per asset id: the last acknowledged position and the last attempted one. */
  readonly last: ReadonlyMap<string, { readonly acked?: number; readonly attempted: number }>;
}

function bookmarkBody(ks: string, assetId: string, position: number): string {
  return JSON.stringify({
    apiVersion: '7.8.1',
    ks,
    bookmark: { objectType: 'KalturaBookmark', id: assetId, type: 'media', context: 'PLAYBACK', position, playerData: { objectType: 'KalturaBookmarkPlayerData', action: 'HIT', averageBitrate: 0, totalBitrate: 0, currentBitrate: 0, fileId: 210001 } },
  });
}

/** Runs one sequential writer per asset against `url` until `stop()` is true; `pauseMs` between writes. */
export async function runBookmarkWriters(url: string, ks: string, assets: readonly string[], pauseMs: number, stop: () => boolean): Promise<WriterLedger> {
  let attempted = 0;
  let acknowledged = 0;
  let failed = 0;
  const last = new Map<string, { acked?: number; attempted: number }>();
  await Promise.all(
    assets.map(async (assetId, lane) => {
      for (let n = 0; !stop(); n++) {
        // Positions cycle within a range every asset's duration allows; the sequence decides, not the value.
        const position = 10 + lane * 1000 + (n % 900);
        attempted++;
        const entry = { ...last.get(assetId), attempted: position };
        last.set(assetId, entry);
        const answer = await fetch(`${url}/api_v3/service/bookmark/action/add`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bookmarkBody(ks, assetId, position) }).then(
          async (r) => (r.status === 200 ? ((await r.json()) as { result?: unknown }) : undefined),
          () => undefined,
        );
        if (answer?.result === true) {
          acknowledged++;
          last.set(assetId, { acked: position, attempted: position });
        } else failed++;
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    }),
  );
  return { attempted, acknowledged, failed, last };
}

/** Positions `bookmark.list` reports at `url` for `assets`, by asset id. */
export async function readBookmarks(url: string, ks: string, assets: readonly string[]): Promise<Map<string, number>> {
  const answer = await fetch(`${url}/api_v3/service/bookmark/action/list`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiVersion: '7.8.1', ks, filter: { objectType: 'KalturaBookmarkFilter', assetIdIn: assets.join(',') } }),
  });
  const objects = ((await answer.json()) as { result?: { objects?: { id: string; position: number }[] } }).result?.objects ?? [];
  return new Map(objects.map((o) => [String(o.id), o.position]));
}

/** Assets whose bookmark at a side is neither the last acknowledged position nor a later unanswered attempt. */
export function lostWrites(ledger: WriterLedger, seen: ReadonlyMap<string, number>): string[] {
  const lost: string[] = [];
  for (const [assetId, { acked, attempted }] of ledger.last) {
    if (acked === undefined) continue;
    const position = seen.get(assetId);
    if (position !== acked && position !== attempted) lost.push(`${assetId}: acknowledged ${acked}, found ${position ?? 'none'}`);
  }
  return lost;
}
