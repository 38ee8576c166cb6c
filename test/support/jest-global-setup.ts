/**
 * Runs once before the suite: writes a fresh PGlite cluster image and names it in
 * UNDERSTUDY_PGLITE_IMAGE, which the jest workers and every facade a test spawns inherit, so an
 * in-memory store loads it instead of running initdb (docs/store.md "Start-up image"); and names
 * the run (UNDERSTUDY_TEST_RUN) for the one build of the CLI.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePgliteImage } from '../../src/store/pglite-image';

/** What the global teardown removes (jest shares globalThis between the two): only what this setup made. */
export interface SuiteScratch {
  imageDir?: string;
}

export default async function globalSetup(): Promise<void> {
  // Names this run, so the test files that need the built CLI build it once between them (built-cli.ts).
  process.env.UNDERSTUDY_TEST_RUN = `${process.pid}-${Date.now()}`;
  if (process.env.UNDERSTUDY_PGLITE_IMAGE !== undefined) return;
  const imageDir = mkdtempSync(join(tmpdir(), 'understudy-pglite-'));
  const path = join(imageDir, 'fresh-cluster.tar');
  await writePgliteImage(path);
  (globalThis as { understudyScratch?: SuiteScratch }).understudyScratch = { imageDir };
  process.env.UNDERSTUDY_PGLITE_IMAGE = path;
}
