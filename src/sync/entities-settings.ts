/**
 * PINs and parental-rule switches in the sync (docs/sync.md "Entities"). Both are one value per
 * key, last writer wins on the HLC stamp (conflict-policies.ts): the PIN the viewer set last is the
 * PIN; a rule switched on and then off is off. Keys name the scope and its owner in vendor ids:
 * PIN `user:<userId>:<type>` / `household:<householdId>:<type>`, parental rule
 * `user:<userId>:<ruleId>` / `household:<householdId>:<ruleId>` (disable = delete, a tombstone).
 */
import type { CapturedCall, UnstampedChange } from './capture-rules';
import type { EntityExtension, FeedIds } from './entity-extensions';
import type { FeedChange } from './feed-changes';
import { callBase, integerOf, recordOf, scopeOf } from './entity-values';
import { readParentalSwitch } from '../phoenix/parental-requests';
import { readPinUpdate } from '../phoenix/pin-requests';
import { scalarText, type SyncChange } from './sync-types';

const pinTypes = ['parental', 'purchase'] as const;

function ownerOf(scope: 'user' | 'household', ids: { householdId: string; userId?: string }): string | undefined {
  return scope === 'user' ? ids.userId : ids.householdId;
}

function capturePin(call: CapturedCall): UnstampedChange[] {
  const update = readPinUpdate(call.params);
  if (!update.ok) return [];
  const { by, type, pin } = update.value;
  const base = callBase(call);
  return [{ entity: 'pin', op: 'upsert', key: `${by}:${ownerOf(by, base)}:${type}`, ...base, value: { by, type, pin } }];
}

function feedPin(change: FeedChange, ids: FeedIds): UnstampedChange[] {
  const data = recordOf(change.data);
  const by = scopeOf(data.level);
  const type = pinTypes.find((t) => t === data.type);
  const owner = by === undefined ? undefined : ownerOf(by, ids);
  if (by === undefined || type === undefined || owner === undefined || typeof data.pin !== 'string' || ids.userId === undefined) return [];
  return [{ entity: 'pin', op: 'upsert', key: `${by}:${owner}:${type}`, householdId: ids.householdId, userId: ids.userId, source: 'platform', value: { by, type, pin: data.pin } }];
}

function pinValue(change: SyncChange): { by: string; type: string; pin: string } {
  return { by: scalarText(change.value.by, 'user'), type: scalarText(change.value.type, 'parental'), pin: scalarText(change.value.pin, '') };
}

const pinExtension: EntityExtension = {
  entity: 'pin',
  capture: { 'pin.update': capturePin },
  feed: { pin: feedPin },
  toVendorWrite: (change) => {
    const { by, type, pin } = pinValue(change);
    return { service: 'pin', action: 'update', params: { by, type, pin: { objectType: 'KalturaPin', pin, type } } };
  },
  toPlatformWrite: (change) => {
    const { by, type, pin } = pinValue(change);
    return { method: 'PUT', path: `/settings/v1/pins/${encodeURIComponent(type)}`, body: { scope: by, pin } };
  },
};

function captureSwitch(op: 'upsert' | 'delete'): (call: CapturedCall) => UnstampedChange[] {
  return (call) => {
    const input = readParentalSwitch(call.params);
    if (!input.ok) return [];
    const { ruleId, by } = input.value;
    const base = callBase(call);
    return [{ entity: 'parental', op, key: `${by}:${ownerOf(by, base)}:${ruleId}`, ...base, value: { by, ruleId } }];
  };
}

function feedParental(change: FeedChange, ids: FeedIds): UnstampedChange[] {
  const data = recordOf(change.data);
  const by = scopeOf(data.scope);
  const ruleId = integerOf(data.ruleId);
  const owner = by === undefined ? undefined : ownerOf(by, ids);
  if (by === undefined || ruleId === undefined || owner === undefined || ids.userId === undefined) return [];
  return [{ entity: 'parental', op: change.op, key: `${by}:${owner}:${ruleId}`, householdId: ids.householdId, userId: ids.userId, source: 'platform', value: { by, ruleId } }];
}

const parentalExtension: EntityExtension = {
  entity: 'parental',
  capture: { 'parentalrule.enable': captureSwitch('upsert'), 'parentalrule.disable': captureSwitch('delete') },
  feed: { parental: feedParental },
  toVendorWrite: (change) => ({ service: 'parentalrule', action: change.op === 'delete' ? 'disable' : 'enable', params: { ruleId: change.value.ruleId, entityReference: scalarText(change.value.by, 'user') } }),
  toPlatformWrite: (change) => ({
    method: change.op === 'delete' ? 'DELETE' : 'PUT',
    path: `/settings/v1/parental-rules/${encodeURIComponent(scalarText(change.value.ruleId))}/enablement?scope=${encodeURIComponent(scalarText(change.value.by, 'user'))}`,
  }),
  // Disabling a rule that is not on: 5021 on the vendor, rule_not_enabled on the platform.
  vendorAlreadyApplied: { 'parentalrule.disable': ['5021'] },
  platformAlreadyApplied: ['rule_not_enabled'],
};

/** The PIN and parental-rule extensions. */
export const settingsExtensions: readonly EntityExtension[] = [pinExtension, parentalExtension];
