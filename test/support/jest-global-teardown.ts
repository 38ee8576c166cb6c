/** Removes the run's build marker and the PGlite image the global setup wrote (a caller's own image is left alone). */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SuiteScratch } from './jest-global-setup';

export default function globalTeardown(): void {
  const runId = process.env.UNDERSTUDY_TEST_RUN;
  if (runId !== undefined) rmSync(join(__dirname, '..', '..', 'dist', `.test-build-${runId}`), { recursive: true, force: true });
  const imageDir = (globalThis as { understudyScratch?: SuiteScratch }).understudyScratch?.imageDir;
  if (imageDir !== undefined) rmSync(imageDir, { recursive: true, force: true });
}
