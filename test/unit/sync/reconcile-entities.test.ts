import { captureChangesOf, type CapturedCall } from '../../../src/sync/capture-rules';
import type { SyncRegister } from '../../../src/sync/conflict-policies';
import { classifyDrift } from '../../../src/sync/reconcile';
import { parentalRecord, personalListRecord, pinRecord, profileRecords, recordingRecord, reminderRecord, seriesRecord } from '../../../src/sync/reconcile-records';
import type { SideRecord } from '../../../src/sync/sync-ports';
import type { SyncEntity } from '../../../src/sync/sync-types';

const snap = (...records: (SideRecord | undefined)[]): Map<string, SideRecord> => new Map(records.filter((r): r is SideRecord => r !== undefined).map((r) => [r.key, r]));
const none = new Map<string, SyncRegister>();

function held(entity: SyncEntity, key: string, value: Record<string, unknown>, op: 'upsert' | 'delete' = 'upsert'): Map<string, SyncRegister> {
  const change = { entity, op, key, householdId: 'h', source: 'vendor' as const, stamp: 's', value };
  return new Map([[key, { entity, key, stamp: 's', tombstone: op === 'delete', change, writtenTo: ['platform'] as const }]]);
}

const caller = { userId: '614003', householdId: 5002, udid: 'stb-1' };
const keyOf = (operationId: string, params: Record<string, unknown>, result: unknown): string | undefined =>
  captureChangesOf({ operationId, params, caller, result, side: 'vendor' } satisfies CapturedCall)[0]?.key;
const recorded = (assetId: number, extra: Partial<{ status: string; isProtected: boolean; origin: string; atMs: number }> = {}): SideRecord | undefined =>
  recordingRecord('5002', { assetId, status: 'RECORDED', isProtected: false, origin: 'SINGLE', ...extra }, '614003');

describe('reconcile of the device API entities', () => {
  it('keys a side record exactly as capture keys the same write', () => {
    expect(keyOf('pin.update', { by: 'user', type: 'parental', pin: { objectType: 'KalturaPin', pin: '1234' } }, {})).toBe(pinRecord('user', '614003', 'parental', '1234', '614003').key);
    expect(keyOf('parentalrule.enable', { ruleId: 2002, entityReference: 'household' }, true)).toBe(parentalRecord('household', '5002', 2002, '614003').key);
    expect(keyOf('ottuser.update', { user: { objectType: 'KalturaOTTUser', city: 'Leeds' } }, {})).toBe(profileRecords('614003', { city: 'Leeds' }, 0).find((r) => r.value.field === 'city')?.key);
    expect(keyOf('recording.add', {}, { assetId: 900603 })).toBe(recorded(900603)?.key);
    expect(keyOf('seriesrecording.add', {}, { epgId: 900889, channelId: 7, seriesId: 's1', type: 'SEASON', seasonNumber: 2 })).toBe(seriesRecord('5002', { epgId: 900889, seriesId: 's1', channelId: 7, type: 'season', seasonNumber: 2 }, '614003')?.key);
    expect(keyOf('personallist.add', {}, { id: 3, name: 'Comedy', ksql: "genre='comedy'", partnerListType: 1 })).toBe(personalListRecord('614003', { id: 9, value: { name: 'Comedy', ksql: "genre='comedy'", listType: 1 } }).key);
    expect(keyOf('reminder.add', {}, { id: 4, type: 'ASSET', assetId: 900078 })).toBe(reminderRecord('614003', { id: 8, value: { type: 'ASSET', assetId: 900078 } })?.key);
  });

  it('leaves out recordings that have left the list and those a series recording made', () => {
    expect(recorded(1, { status: 'CANCELED' })).toBeUndefined();
    expect(recorded(1, { status: 'deleted' })).toBeUndefined();
    expect(recorded(1, { origin: 'series' })).toBeUndefined();
    expect(recorded(-1)).toBeUndefined();
    expect(recorded(1, { status: 'scheduled', origin: 'single' })?.value).toEqual({ assetId: 1, action: 'add' });
  });

  it('switches off a rule switched off on one side since the last sync, and copies one no register knows', () => {
    const rule = parentalRecord('user', 'u', 2002, 'u');
    const extra = classifyDrift('parental', 'h', snap(), snap(rule), held('parental', rule.key, rule.value));
    expect(extra.map((d) => [d.kind, d.side, d.repair.op, d.repair.source])).toEqual([['extra', 'platform', 'delete', 'vendor']]);
    const missing = classifyDrift('parental', 'h', snap(), snap(rule), held('parental', rule.key, rule.value, 'delete'));
    expect(missing.map((d) => [d.kind, d.side, d.repair.op, d.repair.source])).toEqual([['missing', 'vendor', 'upsert', 'platform']]);
  });

  it('cancels a scheduled recording and deletes a recorded one the other side removed; after a cancel, a held one is new', () => {
    const scheduled = recorded(7, { status: 'SCHEDULED' })!;
    const done = recorded(8)!;
    const registers = new Map([...held('recording', scheduled.key, { assetId: 7, action: 'add' }), ...held('recording', done.key, { assetId: 8, action: 'protect' })]);
    const drift = classifyDrift('recording', 'h', snap(scheduled, done), snap(), registers);
    expect(drift.map((d) => [d.kind, d.side, d.repair.op, d.repair.value.action])).toEqual([['extra', 'vendor', 'upsert', 'cancel'], ['extra', 'vendor', 'delete', 'delete']]);
    const again = classifyDrift('recording', 'h', snap(scheduled), snap(), held('recording', scheduled.key, { assetId: 7, action: 'cancel' }));
    expect(again.map((d) => [d.kind, d.side, d.repair.value.action])).toEqual([['missing', 'platform', 'add']]);
  });

  it('repairs protection towards the protected side, whatever the register says', () => {
    const plain = recorded(9)!;
    const guarded = recorded(9, { isProtected: true })!;
    const drift = classifyDrift('recording', 'h', snap(plain), snap(guarded), held('recording', plain.key, { assetId: 9, action: 'add' }));
    expect(drift.map((d) => [d.kind, d.side, d.repair.source, d.repair.value.action])).toEqual([['different', 'vendor', 'platform', 'protect']]);
  });

  it('judges a PIN by the register, else the vendor; a profile field by the later write; never removes either', () => {
    const vendorPin = pinRecord('household', 'h', 'parental', '1111', 'u');
    const platformPin = pinRecord('household', 'h', 'parental', '2222', 'u');
    expect(classifyDrift('pin', 'h', snap(vendorPin), snap(platformPin), none).map((d) => [d.side, d.repair.value.pin])).toEqual([['platform', '1111']]);
    expect(classifyDrift('pin', 'h', snap(vendorPin), snap(platformPin), held('pin', vendorPin.key, vendorPin.value)).map((d) => [d.side, d.repair.value.pin])).toEqual([['vendor', '2222']]);
    expect(classifyDrift('pin', 'h', snap(), snap(platformPin), held('pin', vendorPin.key, vendorPin.value)).map((d) => [d.kind, d.side])).toEqual([['missing', 'vendor']]);
    const older = profileRecords('u', { city: 'Leeds', firstName: 'Ada' }, 1000);
    const newer = profileRecords('u', { city: 'York', firstName: 'Ada' }, 2000);
    const drift = classifyDrift('profile', 'h', snap(...older), snap(...newer), none);
    expect(drift.map((d) => [d.key, d.kind, d.side, d.repair.value])).toEqual([['u:city', 'different', 'vendor', { field: 'city', value: 'York' }]]);
  });

  it('compares lists and reminders by content (each side numbers its own), one-sided items by the register', () => {
    const vendorList = personalListRecord('u', { id: 1, value: { name: 'Comedy', ksql: 'q', listType: 0 } });
    const platformList = personalListRecord('u', { id: 77, value: { name: 'Comedy', ksql: 'q', listType: 0 } });
    expect(classifyDrift('personalList', 'h', snap(vendorList), snap(platformList), none)).toEqual([]);
    const reminder = reminderRecord('u', { id: 5, value: { type: 'SERIES', seriesId: 's', epgChannelId: 3 } })!;
    expect(classifyDrift('reminder', 'h', snap(reminder), snap(), none).map((d) => [d.kind, d.side, d.repair.value.sideId])).toEqual([['missing', 'platform', '5']]);
    expect(classifyDrift('reminder', 'h', snap(reminder), snap(), held('reminder', reminder.key, reminder.value)).map((d) => [d.kind, d.repair.op])).toEqual([['extra', 'delete']]);
  });
});
