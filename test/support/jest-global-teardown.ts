/** Removes the PGlite image the global setup wrote (only its own: a caller's image is left alone) and the run's build marker. */
import { rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export default function globalTeardown(): void {
  const runId = process.env.UNDERSTUDY_TEST_RUN;
  if (runId !== undefined) rmSync(join(__dirname, '..', '..', 'dist', `.test-build-${runId}`), { recursive: true, force: true });
  const path = process.env.UNDERSTUDY_PGLITE_IMAGE;
  if (path !== undefined && basename(dirname(path)).startsWith('understudy-pglite-')) rmSync(dirname(path), { recursive: true, force: true });
}
