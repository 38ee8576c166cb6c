import type { PlatformItemKind } from './catalog/platform-catalog-types';

/**
 * The kind of platform items already seen (an item never changes kind), so playback can tell a
 * programme from a VOD item or channel without fetching the item again on every request
 * (brief: "no repeated platform calls you can avoid"). Bounded: cleared when it grows too large.
 */
const maxEntries = 200_000;
const kinds = new Map<string, PlatformItemKind>();

/** Records an item's kind. */
export function rememberItemKind(itemId: string, kind: PlatformItemKind): void {
  if (kinds.size >= maxEntries && !kinds.has(itemId)) kinds.clear();
  kinds.set(itemId, kind);
}

/** The kind of an item seen before, or undefined. */
export function recallItemKind(itemId: string): PlatformItemKind | undefined {
  return kinds.get(itemId);
}
