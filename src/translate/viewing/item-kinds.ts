/**
 * Whether a platform item is a programme — what `bookmark.add` needs to match the vendor `type`
 * (media = VOD or channel, epg = programme). An item's kind never changes, so answers are kept
 * in a bounded memo instead of asking the catalogue on every progress heartbeat.
 */
import type { PlatformItemKind } from '../catalog/platform-catalog-types';
import { recallItemKind, rememberItemKind } from '../item-kind-memo';
import type { TranslateContext } from '../translator';
import { unexpectedReply } from './platform-replies';
import type { AssetType } from './viewing-mappers';

/** True / false from the catalogue, undefined when the platform has no such item. */
async function isProgramme(ctx: TranslateContext, itemId: string): Promise<boolean | undefined> {
  const known = recallItemKind(itemId);
  if (known !== undefined) return known === 'programme';
  const reply = await ctx.platform.call({ method: 'GET', path: `/catalog/v1/items/${encodeURIComponent(itemId)}` });
  if (reply.status === 404) return undefined;
  if (reply.status !== 200) throw unexpectedReply('catalog.getItem', reply);
  const kind = (reply.body as { kind: PlatformItemKind }).kind;
  rememberItemKind(itemId, kind);
  return kind === 'programme';
}

/** True when the item exists and its kind fits the vendor asset type. */
export async function isItemOfType(ctx: TranslateContext, itemId: string, type: AssetType): Promise<boolean> {
  const programme = await isProgramme(ctx, itemId);
  return programme !== undefined && programme === (type === 'epg');
}
