import { resolveChange, type SyncRegister } from '../../../src/sync/conflict-policies';
import { formatStamp } from '../../../src/sync/hlc';
import type { SyncChange, SyncEntity, SyncSide } from '../../../src/sync/sync-types';

const stamp = (ms: number, counter = 0, site = 'a'): string => formatStamp({ physicalMs: ms, counter, site });

function change(entity: SyncEntity, source: SyncSide, at: string, op: 'upsert' | 'delete', value: Record<string, unknown>, key = 'k'): SyncChange {
  return { entity, op, key, householdId: '5002', userId: '614003', source, stamp: at, value };
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Each side already holds its own writes (in stamp order); the sync then delivers every change in `order`. */
function converge(changes: readonly SyncChange[], order: readonly SyncChange[]): { vendor: string; platform: string; winner: string } {
  const side: Record<SyncSide, string> = { vendor: 'none', platform: 'none' };
  const show = (c: SyncChange): string => (c.op === 'delete' ? 'deleted' : JSON.stringify(c.value));
  for (const c of [...changes].sort((a, b) => (a.stamp < b.stamp ? -1 : 1))) side[c.source] = show(c);
  let register: SyncRegister | undefined;
  for (const c of order) {
    const resolution = resolveChange(register, c);
    if (resolution.kind === 'apply') {
      side[c.source === 'vendor' ? 'platform' : 'vendor'] = show(c);
      if (resolution.alsoSource) side[c.source] = show(c);
      register = resolution.register;
    } else if (resolution.kind === 'reassert') {
      side[c.source] = show(resolution.winner);
      register = resolution.register;
    }
  }
  return { vendor: side.vendor, platform: side.platform, winner: register === undefined ? 'none' : show(register.change) };
}

describe('conflict policies: the same winner on both sides whatever the delivery order', () => {
  const cases: [string, SyncChange[]][] = [
    ['bookmark last-writer-wins', [change('bookmark', 'vendor', stamp(1000), 'upsert', { position: 100 }), change('bookmark', 'platform', stamp(2000), 'upsert', { position: 200 }), change('bookmark', 'vendor', stamp(1500), 'upsert', { position: 150 })]],
    ['bookmark tie on time broken by site id', [change('bookmark', 'vendor', stamp(1000, 0, 'a'), 'upsert', { position: 1 }), change('bookmark', 'platform', stamp(1000, 0, 'b'), 'upsert', { position: 2 })]],
    ['favorite remove after add (tombstone)', [change('favorite', 'vendor', stamp(1000), 'upsert', { assetId: 1 }), change('favorite', 'platform', stamp(2000), 'delete', { assetId: 1 })]],
    ['favorite re-add after remove', [change('favorite', 'platform', stamp(1000), 'delete', { assetId: 1 }), change('favorite', 'vendor', stamp(3000), 'upsert', { assetId: 1, extraData: 'x' }), change('favorite', 'platform', stamp(2000), 'upsert', { assetId: 1 })]],
    ['device add/remove set', [change('device', 'vendor', stamp(5), 'upsert', { udid: 'u' }), change('device', 'platform', stamp(6), 'delete', { udid: 'u' }), change('device', 'vendor', stamp(7), 'upsert', { udid: 'u', name: 'tv' })]],
    ['profile field', [change('profile', 'vendor', stamp(10), 'upsert', { city: 'Oslo' }), change('profile', 'platform', stamp(11), 'upsert', { city: 'Bergen' })]],
    ['bookmark cleaned after a concurrent older bookmark on the other side (tombstone)', [change('bookmark', 'vendor', stamp(1000), 'upsert', { position: 100 }), change('bookmark', 'platform', stamp(2000), 'delete', { assetId: 1 }), change('bookmark', 'vendor', stamp(1500), 'upsert', { position: 150 })]],
    ['bookmark set on the other side after a clean', [change('bookmark', 'platform', stamp(2000), 'delete', { assetId: 1 }), change('bookmark', 'vendor', stamp(2500), 'upsert', { position: 250 }), change('bookmark', 'vendor', stamp(1000), 'upsert', { position: 100 })]],
  ];
  it.each(cases)('%s', (_name, changes) => {
    const newest = [...changes].sort((a, b) => (a.stamp < b.stamp ? 1 : -1))[0]!;
    const expected = newest.op === 'delete' ? 'deleted' : JSON.stringify(newest.value);
    for (const order of permutations(changes)) {
      const outcome = converge(changes, order);
      expect(outcome).toEqual({ vendor: expected, platform: expected, winner: expected });
    }
  });

  it('skips a duplicate delivery of the same change', () => {
    const c = change('bookmark', 'vendor', stamp(1), 'upsert', { position: 1 });
    const first = resolveChange(undefined, c);
    expect(first.kind).toBe('apply');
    expect(resolveChange(first.kind === 'apply' ? first.register : undefined, c)).toEqual({ kind: 'skip', reason: 'duplicate' });
  });

  it('counts a conflict only when a newer write from the other side replaces a different value', () => {
    const older = resolveChange(undefined, change('bookmark', 'vendor', stamp(1), 'upsert', { position: 1 }));
    const register = older.kind === 'apply' ? older.register : undefined;
    const newer = resolveChange(register, change('bookmark', 'platform', stamp(2), 'upsert', { position: 2 }));
    expect(newer.kind === 'apply' && newer.conflict).toBe(true);
    const same = resolveChange(register, change('bookmark', 'vendor', stamp(3), 'upsert', { position: 3 }));
    expect(same.kind === 'apply' && same.conflict).toBe(false);
  });

  it('keeps every purchase: append-only, deduplicated by its transaction key', () => {
    const purchase = change('purchase', 'vendor', stamp(1), 'upsert', { transactionId: '77' }, '5002:vendor:77');
    const first = resolveChange(undefined, purchase);
    expect(first.kind).toBe('apply');
    const again = resolveChange(first.kind === 'apply' ? first.register : undefined, { ...purchase, stamp: stamp(9) });
    expect(again).toEqual({ kind: 'skip', reason: 'duplicate' });
    expect(resolveChange(undefined, { ...purchase, key: '5002:vendor:78' }).kind).toBe('apply');
  });
});
