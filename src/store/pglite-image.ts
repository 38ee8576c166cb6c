import { readFile, rename, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';

/**
 * A fresh PGlite cluster as a tar image (docs/store.md "Start-up image"). An in-memory store that
 * is given one loads it (~0.3 s) instead of running initdb in WASM (~1.3 s, ~1.8 s of CPU): the
 * test suite starts hundreds of in-memory stores, and the lab restarts faster. The image holds
 * nothing but the empty cluster; the migrations run on top of it as on any new store.
 */

let processDefault: string | undefined;

/** The image an in-memory store uses when its connection names none (the test harness sets it once per test file). */
export function setDefaultPgliteImage(path: string | undefined): void {
  processDefault = path;
}

/** The image to start from: the connection's, else the process default; none without either. */
export function resolvePgliteImage(path: string | undefined): string | undefined {
  return path ?? processDefault;
}

/** Reads an image written by `writePgliteImage`; undefined when it cannot be read (the store then runs initdb). */
export async function readPgliteImage(path: string): Promise<Blob | undefined> {
  try {
    return new Blob([await readFile(path)]);
  } catch {
    return undefined;
  }
}

/** Writes the image of a fresh cluster to `path` (through a temporary file and a rename, so a reader never sees half of it). */
export async function writePgliteImage(path: string): Promise<void> {
  const db = new PGlite();
  await db.waitReady;
  const image = await db.dumpDataDir('none');
  await db.close();
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, Buffer.from(await image.arrayBuffer()));
  await rename(temporary, path);
}
