import type { SyncRegister } from '../../../src/sync/conflict-policies';
import { classifyDrift } from '../../../src/sync/reconcile';
import type { SideRecord } from '../../../src/sync/sync-ports';

const fav = (asset: number, extraData = ''): SideRecord => ({ key: `u:${asset}`, userId: 'u', value: { assetId: asset, extraData } });
const snap = (...records: SideRecord[]): Map<string, SideRecord> => new Map(records.map((r) => [r.key, r]));
const register = (key: string, tombstone: boolean, value: Record<string, unknown>): SyncRegister => ({ entity: 'favorite', key, stamp: 's', tombstone, writtenTo: ['platform'], change: { entity: 'favorite', op: tombstone ? 'delete' : 'upsert', key, householdId: 'h', source: 'vendor', stamp: 's', value } });

describe('reconcile classification', () => {
  it('reports nothing when both sides agree', () => {
    expect(classifyDrift('favorite', 'h', snap(fav(1), fav(2)), snap(fav(2), fav(1)), new Map())).toEqual([]);
  });

  it('finds missing, extra and different, each with the repair that carries the right side over', () => {
    const registers = new Map([['u:2', register('u:2', false, { assetId: 2 })], ['u:3', register('u:3', false, { assetId: 3, extraData: 'old' })]]);
    const drift = classifyDrift('favorite', 'h', snap(fav(1), fav(2), fav(3, 'old')), snap(fav(3, 'new')), registers);
    expect(drift.map((d) => [d.key, d.kind, d.side, d.repair.op, d.repair.source])).toEqual([
      ['u:1', 'missing', 'platform', 'upsert', 'vendor'],
      ['u:2', 'extra', 'vendor', 'delete', 'platform'],
      ['u:3', 'different', 'vendor', 'upsert', 'platform'],
    ]);
  });

  it('compares bookmarks by position, and by the later write when no register knows the key', () => {
    const vendor = snap({ key: 'u:1:media', userId: 'u', value: { assetId: 1, position: 10 }, atMs: 2000 });
    const platform = snap({ key: 'u:1:media', userId: 'u', value: { assetId: 1, position: 20 }, atMs: 1000 });
    const drift = classifyDrift('bookmark', 'h', vendor, platform, new Map());
    expect(drift.map((d) => [d.kind, d.side, d.repair.source])).toEqual([['different', 'platform', 'vendor']]);
  });
});
