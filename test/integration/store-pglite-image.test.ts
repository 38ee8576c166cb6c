/**
 * The PGlite start-up image (docs/store.md "Start-up image"): an in-memory store starts from the
 * image when it can read it, and from initdb when the image is missing or not a cluster.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openStore } from '../../src/store/open-store';

let dir: string;
let markedImage: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'understudy-image-test-'));
  // An image with a table no migration creates, so a store that started from it can be told apart.
  const db = new PGlite();
  await db.exec('CREATE TABLE image_marker (id int)');
  markedImage = join(dir, 'marked.tar');
  writeFileSync(markedImage, Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer()));
  await db.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function hasMarker(image: string): Promise<boolean> {
  const store = await openStore({ driver: 'pglite', image });
  try {
    const found = await store.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'image_marker'");
    const migrated = await store.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'outbox'");
    expect(migrated.rows[0]!.n).toBe(1);
    return found.rows[0]!.n === 1;
  } finally {
    await store.close();
  }
}

describe('PGlite start-up image', () => {
  it('starts an in-memory store from the image, migrations on top', async () => {
    expect(await hasMarker(markedImage)).toBe(true);
  }, 60_000);

  it('falls back to initdb when the image is missing', async () => {
    expect(await hasMarker(join(dir, 'absent.tar'))).toBe(false);
  }, 60_000);

  it('falls back to initdb when the file is not a cluster image', async () => {
    const junk = join(dir, 'junk.tar');
    writeFileSync(junk, 'not a tar file at all');
    expect(await hasMarker(junk)).toBe(false);
  }, 60_000);
});
