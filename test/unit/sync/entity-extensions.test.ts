import { toPlatformWrite, toVendorWrite, platformAlreadyApplied, vendorAlreadyApplied } from '../../../src/sync/apply-rules';
import { captureChangesOf, capturedOperations, type CapturedCall } from '../../../src/sync/capture-rules';
import { resolveChange, type SyncRegister } from '../../../src/sync/conflict-policies';
import { personalListKey } from '../../../src/sync/entities-lists';
import { planRecordingSteps } from '../../../src/sync/entities-recordings';
import { linkChanges, type SyncLink, type SyncLinks } from '../../../src/sync/sync-links';
import { readFeedChange, type FeedChange } from '../../../src/sync/feed-changes';
import { formatStamp } from '../../../src/sync/hlc';
import type { SyncChange } from '../../../src/sync/sync-types';

const caller = { userId: '614003', householdId: 5002, udid: 'stb-1' };
const call = (operationId: string, params: Record<string, unknown>, result: unknown = true, side: 'vendor' | 'platform' = 'vendor'): CapturedCall => ({ operationId, params, caller, result, side });
const ids = { toPlatform: (kind: string, id: string) => `${kind}-${id}`, toVendor: (kind: string, id: string) => (id.startsWith(`${kind}-`) ? id.slice(kind.length + 1) : undefined) };
const feed = (entity: string, op: 'upsert' | 'delete', data: unknown, origin = 'new-app'): FeedChange => ({ cursor: '7', entity, op, key: 'k', householdId: 'household-5002', userId: 'user-614003', origin, at: '2026-12-01T10:00:00Z', data });
const stamped = (change: Omit<SyncChange, 'stamp'>, stamp: string): SyncChange => ({ ...change, stamp });

describe('device API entities in the sync', () => {
  it('registers every new write operation under its entity', () => {
    expect(capturedOperations).toMatchObject({ 'pin.update': 'pin', 'parentalrule.enable': 'parental', 'parentalrule.disable': 'parental', 'ottuser.update': 'profile', 'recording.protect': 'recording', 'seriesrecording.delete': 'seriesRecording' });
    expect(vendorAlreadyApplied['parentalrule.disable']).toEqual(['5021']);
    expect(platformAlreadyApplied).toContain('rule_not_enabled');
  });

  it('captures a PIN by scope and owner, and writes it to each side', () => {
    const [user] = captureChangesOf(call('pin.update', { by: 'user', type: 'parental', pin: { pin: '1234' } }));
    const [household] = captureChangesOf(call('pin.update', { by: 'HOUSEHOLD', type: 'purchase', pin: { pin: '77' } }));
    expect(user).toMatchObject({ entity: 'pin', key: 'user:614003:parental', value: { by: 'user', type: 'parental', pin: '1234' } });
    expect(household?.key).toBe('household:5002:purchase');
    expect(toVendorWrite(stamped(household!, '1'))).toEqual({ service: 'pin', action: 'update', params: { by: 'household', type: 'purchase', pin: { objectType: 'KalturaPin', pin: '77', type: 'purchase' } } });
    expect(toPlatformWrite(stamped(household!, '1'), ids, '')).toEqual({ method: 'PUT', path: '/settings/v1/pins/purchase', body: { scope: 'household', pin: '77' } });
    expect(captureChangesOf(call('pin.update', { by: 'user', type: 'parental', pin: { pin: '' } }))).toEqual([]);
  });

  it('captures parental switches as upsert and tombstone, and writes them to each side', () => {
    const [off] = captureChangesOf(call('parentalrule.disable', { ruleId: '2002', entityReference: 'user' }));
    expect(off).toMatchObject({ entity: 'parental', op: 'delete', key: 'user:614003:2002', value: { by: 'user', ruleId: 2002 } });
    expect(toVendorWrite(stamped(off!, '1'))).toEqual({ service: 'parentalrule', action: 'disable', params: { ruleId: 2002, entityReference: 'user' } });
    expect(toPlatformWrite(stamped(off!, '1'), ids, '')).toEqual({ method: 'DELETE', path: '/settings/v1/parental-rules/2002/enablement?scope=user' });
  });

  it('captures a profile update per field for the user it changed, and writes one field to the platform', () => {
    const changes = captureChangesOf(call('ottuser.update', { id: '614004', user: { firstName: 'Ada', city: 'Leeds' } }));
    expect(changes.map((c) => [c.key, c.userId, c.udid])).toEqual([['614004:firstName', '614004', undefined], ['614004:city', '614004', undefined]]);
    expect(toPlatformWrite(stamped(changes[1]!, '1'), ids, '')).toEqual({ method: 'PUT', path: '/identity/v1/users/user-614004/profile', body: { city: 'Leeds' } });
  });

  it('captures recordings from the answer, keyed by household and programme', () => {
    const [protect] = captureChangesOf(call('recording.protect', { id: 12 }, { objectType: 'KalturaRecording', id: 12, assetId: 900603, isProtected: true }));
    expect(protect).toMatchObject({ entity: 'recording', op: 'upsert', key: '5002:900603', value: { assetId: 900603, action: 'protect' } });
    const [series] = captureChangesOf(call('seriesrecording.delete', { id: 3 }, { epgId: 900889, channelId: 1002, seriesId: 's-1', type: 'SEASON', seasonNumber: 2 }));
    expect(series).toMatchObject({ entity: 'seriesRecording', op: 'delete', key: '5002:s-1:1002:2' });
    expect(captureChangesOf(call('recording.delete', { id: 1 }, null))).toEqual([]);
  });

  it('maps platform feed entries of the new entities, and drops the sync echo', () => {
    expect(readFeedChange(feed('pin', 'upsert', { type: 'parental', level: 'household', pin: '9' }), ids)).toMatchObject({ kind: 'changes', changes: [{ entity: 'pin', key: 'household:5002:parental', source: 'platform' }] });
    expect(readFeedChange(feed('parental', 'delete', { ruleId: 2002, scope: 'user' }), ids)).toMatchObject({ kind: 'changes', changes: [{ op: 'delete', key: 'user:614003:2002' }] });
    const user = readFeedChange(feed('user', 'upsert', { firstName: 'Ada', lastName: 'Old', city: 'Leeds', fields: ['firstName'] }), ids);
    expect(user).toMatchObject({ kind: 'changes', changes: [{ key: '614003:firstName', value: { field: 'firstName', value: 'Ada' } }] });
    expect(user.kind === 'changes' && user.changes.length).toBe(1);
    expect(readFeedChange(feed('recording', 'upsert', { itemId: 'asset-900078', action: 'cancel' }), ids)).toMatchObject({ kind: 'changes', changes: [{ key: '5002:900078', value: { action: 'cancel' } }] });
    expect(readFeedChange(feed('pin', 'upsert', { type: 'parental', level: 'user', pin: '9' }, 'understudy-sync'), ids)).toEqual({ kind: 'echo' });
    expect(readFeedChange(feed('recording', 'upsert', { itemId: 'unknown', action: 'add' }), ids).kind).toBe('ignored');
  });

  it('plans only the recording writes a side still misses', () => {
    const change = (action: string): SyncChange => ({ entity: 'recording', op: action === 'delete' ? 'delete' : 'upsert', key: '5002:1', householdId: '5002', source: 'vendor', stamp: '1', value: { assetId: 1, action } });
    const recorded = { id: 4, status: 'RECORDED', isProtected: false };
    expect(planRecordingSteps(undefined, change('add'))).toEqual(['add']);
    expect(planRecordingSteps(recorded, change('add'))).toEqual([]);
    expect(planRecordingSteps(undefined, change('protect'))).toEqual(['add', 'protect']);
    expect(planRecordingSteps({ ...recorded, isProtected: true }, change('protect'))).toEqual([]);
    expect(planRecordingSteps(recorded, change('delete'))).toEqual(['delete']);
    expect(planRecordingSteps(undefined, change('cancel'))).toEqual([]);
    expect(planRecordingSteps({ ...recorded, status: 'DELETED' }, change('delete'))).toEqual([]);
  });

  it('ends a parental rule switched on and off in the same state whatever order the changes arrive', () => {
    const base = { entity: 'parental' as const, key: 'user:614003:2002', householdId: '5002', userId: '614003', value: { by: 'user', ruleId: 2002 } };
    const on = stamped({ ...base, op: 'upsert', source: 'platform' }, formatStamp({ physicalMs: 1000, counter: 0, site: 'a' }));
    const off = stamped({ ...base, op: 'delete', source: 'vendor' }, formatStamp({ physicalMs: 2000, counter: 0, site: 'b' }));
    const settle = (order: SyncChange[]): SyncRegister | undefined =>
      order.reduce<SyncRegister | undefined>((register, change) => {
        const resolution = resolveChange(register, change);
        return resolution.kind === 'skip' ? register : resolution.register;
      }, undefined);
    expect(settle([on, off])?.tombstone).toBe(true);
    expect(settle([off, on])?.tombstone).toBe(true);
  });
});

describe('personal lists and reminders in the sync', () => {
  /** An in-memory link store: the port's contract, for the pure linking step. */
  function memoryLinks(): SyncLinks & { size: () => number } {
    const rows = new Map<string, SyncLink>();
    const id = (entity: string, side: string, owner: string, sideId: string): string => `${entity}|${side}|${owner}|${sideId}`;
    return {
      put: (link) => Promise.resolve(void rows.set(id(link.entity, link.side, link.owner, link.sideId), link)),
      take: (entity, side, owner, sideId) => {
        const link = rows.get(id(entity, side, owner, sideId));
        rows.delete(id(entity, side, owner, sideId));
        return Promise.resolve(link);
      },
      size: () => rows.size,
    };
  }

  it('keys a list by its content and resolves a later delete by the side id through the link', async () => {
    const links = memoryLinks();
    const added = captureChangesOf(call('personallist.add', { personalList: { name: 'Comedy' } }, { id: 41, name: 'Comedy', ksql: "genre='comedy'", partnerListType: 1 }));
    expect(added[0]?.key).toBe(personalListKey('614003', { name: 'Comedy', ksql: "genre='comedy'", listType: 1 }));
    expect(await linkChanges(added, links)).toEqual(added);
    expect(links.size()).toBe(1);
    const deleted = captureChangesOf(call('personallist.delete', { personalListId: '41' }, null));
    expect(deleted[0]).toMatchObject({ op: 'delete', key: '?41', value: { unresolved: true } });
    const [resolved] = await linkChanges(deleted, links);
    expect(resolved).toMatchObject({ op: 'delete', key: added[0]!.key, value: { name: 'Comedy', ksql: "genre='comedy'", listType: 1 } });
    expect(await linkChanges(deleted, links)).toEqual([]);
  });

  it('keys reminders by target and maps platform feed items (deletes carry their content)', () => {
    const [asset] = captureChangesOf(call('reminder.add', { reminder: { assetId: 900078 } }, { objectType: 'KalturaAssetReminder', id: 3, type: 'ASSET', assetId: 900078 }));
    expect(asset?.key).toBe('614003:asset:900078');
    const series = readFeedChange(feed('reminder', 'delete', { number: 9, kind: 'series', seriesId: 's-1', epgChannelId: 1002 }), ids);
    expect(series).toMatchObject({ kind: 'changes', changes: [{ entity: 'reminder', op: 'delete', key: '614003:series:s-1:1002:all' }] });
    const list = readFeedChange(feed('personalList', 'upsert', { number: 5, name: 'News', query: "genre='news'", listType: 0 }), ids);
    expect(list).toMatchObject({ kind: 'changes', changes: [{ value: { name: 'News', ksql: "genre='news'", listType: 0, sideId: '5' } }] });
  });
});
