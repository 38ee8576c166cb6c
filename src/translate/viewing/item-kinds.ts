/**
 * Whether a platform item is a programme — what `bookmark.add` needs to match the vendor `type`
 * (media = VOD or channel, epg = programme). An item's kind never changes, so answers are kept
 * in a bounded memo instead of asking the catalogue on every progress heartbeat.
 */
import type { TranslateContext } from '../translator';
import { unexpectedReply } from './platform-replies';
import type { AssetType } from './viewing-mappers';

const memoLimit = 20_000;
const isProgrammeByItem = new Map<string, boolean>();

/** True / false from the catalogue, undefined when the platform has no such item. */
async function isProgramme(ctx: TranslateContext, itemId: string): Promise<boolean | undefined> {
  const known = isProgrammeByItem.get(itemId);
  if (known !== undefined) return known;
  const reply = await ctx.platform.call({ method: 'GET', path: `/catalog/v1/items/${encodeURIComponent(itemId)}` });
  if (reply.status === 404) return undefined;
  if (reply.status !== 200) throw unexpectedReply('catalog.getItem', reply);
  const programme = (reply.body as { kind?: unknown }).kind === 'programme';
  if (isProgrammeByItem.size >= memoLimit) isProgrammeByItem.clear();
  isProgrammeByItem.set(itemId, programme);
  return programme;
}

/** True when the item exists and its kind fits the vendor asset type. */
export async function isItemOfType(ctx: TranslateContext, itemId: string, type: AssetType): Promise<boolean> {
  const programme = await isProgramme(ctx, itemId);
  return programme !== undefined && programme === (type === 'epg');
}
