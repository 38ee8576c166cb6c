/** The committed sample recordings (fixtures/recordings, made by bench/make-sample-recordings.ts) read back, redacted. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readRecordings } from '../../../src/cli/read-recordings';
import { loadCatalog } from '../../../src/sim/catalog/load-catalog';

const dir = join(__dirname, '..', '..', '..', 'fixtures', 'recordings');

describe('fixtures/recordings', () => {
  it('hold every promised flow, each a readable recording', () => {
    expect(readdirSync(dir).sort()).toEqual(['bookmarks', 'browsing', 'devices', 'epg', 'favourites', 'player', 'purchases', 'sessions']);
    const read = readRecordings([dir]);
    if (!read.ok) throw new Error(read.errors.join('\n'));
    expect(new Set(read.exchanges.map((e) => e.operation))).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    for (const op of ['asset.getplaybackcontext', 'asset.list', 'bookmark.add', 'favorite.add', 'householddevice.add', 'transaction.purchase']) expect(read.exchanges.map((e) => e.operation)).toContain(op);
  });

  it('carry no KS, password or partner secret of the lab', () => {
    const demo = loadCatalog().demo;
    const text = readdirSync(dir).map((flow) => readFileSync(join(dir, flow, 'part-0001.ndjson'), 'utf8')).join('');
    expect(text).not.toContain('djJ8');
    for (const secret of [demo.partnerSecret, ...demo.accounts.map((a) => a.password)]) expect(text).not.toContain(secret);
  });
});
