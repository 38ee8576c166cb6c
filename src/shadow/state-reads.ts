/**
 * Writes compared by state (issue 11: "once sync exists, a write is compared by state: the entity is
 * read on both sides after sync applied it"; docs/shadow.md "Writes compared by state"): for each
 * synced write, the vendor read that shows the written entity, and the part of its answer that is
 * the entity. Pure: the change is in vendor vocabulary (src/sync capture rules), the read a vendor call.
 */

/** A synced write as the sync captures it (entity, key, fields in vendor vocabulary). */
export interface WrittenEntity {
  readonly entity: string;
  readonly key: string;
  readonly userId?: string;
  readonly value: Readonly<Record<string, unknown>>;
}

/** The vendor read that shows one written entity on either side. */
export interface StateRead {
  /** The read operation (lower-cased `service.action`): its rules and contract apply to the answers. */
  readonly operationId: string;
  readonly call: { readonly service: string; readonly action: string; readonly params: Readonly<Record<string, unknown>> };
  /** Keeps only the written entity in a lifted answer (both sides alike). */
  readonly focus?: (value: unknown) => unknown;
}

/** Write operations whose state is compared, with the read each uses. */
export const stateComparedWrites: Readonly<Record<string, string>> = {
  'bookmark.add': 'bookmark.list',
  'favorite.add': 'favorite.list',
  'favorite.delete': 'favorite.list',
  'householddevice.add': 'householddevice.list',
  'householddevice.delete': 'householddevice.list',
  'transaction.purchase': 'entitlement.list',
};

/** Writes whose sync key needs the vendor's answer (a purchase is keyed by its transaction id): watched once answered. */
export const answerKeyedWrites: ReadonlySet<string> = new Set(['transaction.purchase']);

/** The entities of answerKeyedWrites: each key names one write only (a transaction). */
export const answerKeyedEntities: ReadonlySet<string> = new Set(['purchase']);

/** True when the write operation is compared by state once the sync applied it. */
export function isStateCompared(operationId: string): boolean {
  return operationId in stateComparedWrites;
}

/** An envelope whose `result.objects` keeps only the members `keep` accepts (totalCount follows). */
function focusObjects(keep: (item: Record<string, unknown>) => boolean): (value: unknown) => unknown {
  return (value) => {
    const result = (value as { result?: unknown } | null)?.result as { objects?: unknown } | undefined;
    if (typeof result !== 'object' || result === null || !Array.isArray(result.objects)) return value;
    const objects = result.objects.filter((item: unknown) => typeof item === 'object' && item !== null && keep(item as Record<string, unknown>));
    return { ...(value as object), result: { ...result, objects, ...('totalCount' in result ? { totalCount: objects.length } : {}) } };
  };
}

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** The read that shows `written` as the caller holding `ks` sees it; undefined when none does. */
export function stateReadOf(written: WrittenEntity, ks: string): StateRead | undefined {
  const assetId = text(written.value.assetId);
  if (written.entity === 'bookmark' && assetId !== '') {
    const filter = { objectType: 'KalturaBookmarkFilter', assetIdIn: assetId, assetTypeEqual: text(written.value.assetType) || 'media' };
    const user = written.userId;
    return { operationId: 'bookmark.list', call: { service: 'bookmark', action: 'list', params: { ks, filter } }, ...(user === undefined ? {} : { focus: focusObjects((b) => text(b.userId) === user) }) };
  }
  if (written.entity === 'favorite' && assetId !== '') {
    return { operationId: 'favorite.list', call: { service: 'favorite', action: 'list', params: { ks, filter: { objectType: 'KalturaFavoriteFilter', mediaIdIn: assetId } } } };
  }
  if (written.entity === 'purchase') return purchaseReadOf(written, ks);
  const udid = text(written.value.udid);
  if (written.entity === 'device' && udid !== '') {
    return { operationId: 'householddevice.list', call: { service: 'householddevice', action: 'list', params: { ks } }, focus: focusObjects((d) => text(d.udid) === udid) };
  }
  return undefined;
}

/**
 * A purchase shows as the household's entitlements of the bought product: `entitlement.list` of
 * its product type, household scope, running entitlements (for a PPV the file is compared, not
 * filtered on, so a purchase recorded for another file shows as a difference, not as a gap).
 */
function purchaseReadOf(written: WrittenEntity, ks: string): StateRead | undefined {
  const productType = text(written.value.productType).toLowerCase();
  const productId = text(written.value.productId);
  if ((productType !== 'ppv' && productType !== 'subscription') || productId === '') return undefined;
  const filter = { objectType: 'KalturaEntitlementFilter', productTypeEqual: productType, entityReferenceEqual: 'household' };
  return {
    operationId: 'entitlement.list',
    call: { service: 'entitlement', action: 'list', params: { ks, filter } },
    focus: focusObjects((e) => text(e.productId) === productId),
  };
}
