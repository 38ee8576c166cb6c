/**
 * Which vendor operations write synced data, and the change each successful one makes
 * (docs/sync.md "Entities"). Pure: the facade hands over the call's parameters (tokens resolved),
 * the caller's vendor identity and the answer; nothing is captured from a failed call.
 */
import { entityExtensions, extensionCapturing } from './entity-extensions';
import type { SyncChange, SyncEntity, SyncSide } from './sync-types';

/** The caller of a captured write (from its verified KS). */
export interface CaptureCaller {
  readonly userId: string;
  readonly householdId: number;
  readonly udid: string;
}

/** One successful vendor call as the facade saw it. */
export interface CapturedCall {
  readonly operationId: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly caller: CaptureCaller;
  readonly result: unknown;
  /** The side that executed it. */
  readonly side: SyncSide;
}

export type UnstampedChange = Omit<SyncChange, 'stamp'>;

type Rule = (call: CapturedCall) => UnstampedChange | undefined;

/** Operations whose success is a synced write, with their entity (the switch and metrics name it). */
export const capturedOperations: Readonly<Record<string, SyncEntity>> = {
  'bookmark.add': 'bookmark',
  'favorite.add': 'favorite',
  'favorite.delete': 'favorite',
  'householddevice.add': 'device',
  'householddevice.delete': 'device',
  'transaction.purchase': 'purchase',
  ...Object.fromEntries(entityExtensions.flatMap((e) => Object.keys(e.capture).map((operationId) => [operationId, e.entity]))),
};

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function integer(value: unknown): number | undefined {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isInteger(parsed) ? parsed : undefined;
}

function base(call: CapturedCall): Pick<SyncChange, 'householdId' | 'userId' | 'source'> & { udid?: string } {
  return { householdId: String(call.caller.householdId), userId: call.caller.userId, source: call.side, ...(call.caller.udid === '' ? {} : { udid: call.caller.udid }) };
}

const captureBookmark: Rule = (call) => {
  const bookmark = record(call.params.bookmark);
  const assetId = integer(bookmark.id);
  const position = typeof bookmark.position === 'number' ? bookmark.position : Number(bookmark.position ?? 0);
  if (assetId === undefined || !Number.isFinite(position)) return undefined;
  const assetType = text(bookmark.type) ?? 'media';
  const action = (text(record(bookmark.playerData).action) ?? 'NONE').toUpperCase();
  const value = { assetId, assetType, position: Math.max(0, Math.floor(position)), action };
  return { entity: 'bookmark', op: 'upsert', key: `${call.caller.userId}:${assetId}:${assetType}`, ...base(call), value };
};

const captureFavoriteAdd: Rule = (call) => {
  const favorite = record(call.params.favorite);
  const assetId = integer(favorite.assetId);
  if (assetId === undefined) return undefined;
  return { entity: 'favorite', op: 'upsert', key: `${call.caller.userId}:${assetId}`, ...base(call), value: { assetId, extraData: text(favorite.extraData) ?? '' } };
};

const captureFavoriteDelete: Rule = (call) => {
  const assetId = integer(call.params.id);
  if (assetId === undefined) return undefined;
  return { entity: 'favorite', op: 'delete', key: `${call.caller.userId}:${assetId}`, ...base(call), value: { assetId } };
};

const captureDeviceAdd: Rule = (call) => {
  const device = record(call.params.device);
  const udid = text(device.udid);
  if (udid === undefined || udid === '') return undefined;
  const value = { udid, name: text(device.name) ?? '', brandId: integer(device.brandId) ?? 0 };
  return { entity: 'device', op: 'upsert', key: `${call.caller.householdId}:${udid}`, ...base(call), value };
};

const captureDeviceDelete: Rule = (call) => {
  const udid = text(call.params.udid);
  if (udid === undefined || udid === '') return undefined;
  return { entity: 'device', op: 'delete', key: `${call.caller.householdId}:${udid}`, ...base(call), value: { udid } };
};

const capturePurchase: Rule = (call) => {
  const purchase = record(call.params.purchase);
  const transactionId = text(record(call.result).id);
  const productId = integer(purchase.productId);
  if (transactionId === undefined || productId === undefined) return undefined;
  const value = {
    transactionId,
    productId,
    productType: text(purchase.productType) ?? '',
    contentId: integer(purchase.contentId) ?? 0,
    price: typeof purchase.price === 'number' ? purchase.price : Number(purchase.price ?? 0),
    currency: text(purchase.currency) ?? '',
  };
  return { entity: 'purchase', op: 'upsert', key: `${call.caller.householdId}:${call.side}:${transactionId}`, ...base(call), value };
};

const rules: Readonly<Record<string, Rule>> = {
  'bookmark.add': captureBookmark,
  'favorite.add': captureFavoriteAdd,
  'favorite.delete': captureFavoriteDelete,
  'householddevice.add': captureDeviceAdd,
  'householddevice.delete': captureDeviceDelete,
  'transaction.purchase': capturePurchase,
};

/** True when the operation (lower-cased `service.action`) writes synced data. */
export function isCapturedOperation(operationId: string): boolean {
  return operationId in capturedOperations;
}

/** The change a successful write made, or undefined (not a synced write, or an anonymous caller). */
export function captureChange(call: CapturedCall): UnstampedChange | undefined {
  const rule = rules[call.operationId];
  if (rule === undefined || call.caller.householdId <= 0 || call.caller.userId === '' || call.caller.userId === '0') return undefined;
  return rule(call);
}

/** Every change a successful write made (a profile update makes one per field); none for a write that is not synced. */
export function captureChangesOf(call: CapturedCall): UnstampedChange[] {
  const extension = extensionCapturing(call.operationId);
  if (extension === undefined) {
    const change = captureChange(call);
    return change === undefined ? [] : [change];
  }
  if (call.caller.householdId <= 0 || call.caller.userId === '' || call.caller.userId === '0') return [];
  return [...(extension.capture[call.operationId]?.(call) ?? [])];
}
