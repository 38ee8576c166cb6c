/**
 * Makes a lab recording: every golden case (player flows, browsing, EPG, bookmarks, favourites,
 * devices, purchases, sessions) sent through a recording facade, mutating cases resetting the
 * facade's sims as the golden runner does. Returns the recording's folder.
 */
import { join } from 'node:path';
import type { RunningUnderstudy } from '../../src/main';
import { adminRequest, TEST_ADMIN_TOKEN } from './admin-http';
import { loadGoldenCases, runGoldenCase, type LoadedGoldenCase } from './golden-runner';

/** Options a facade needs to record into `dir` (merge into startFacadeLab overrides). */
export function recordingOverrides(dir: string): Record<string, unknown> {
  return { admin: { token: TEST_ADMIN_TOKEN }, record: { dir } };
}

/** Runs `cases` (default: all golden cases) through `facade` while recording; the folder written. */
export async function recordGoldenCases(facade: RunningUnderstudy, dir: string, cases: readonly LoadedGoldenCase[] = loadGoldenCases()): Promise<string> {
  const started = await adminRequest(facade.adminUrl, 'POST', '/admin/record/start', { token: TEST_ADMIN_TOKEN });
  if (started.status !== 200) throw new Error(`record start answered ${started.status}: ${started.text}`);
  const reset = async (): Promise<void> => {
    for (const base of [facade.upstreams.vendorUrl, facade.upstreams.platformUrl]) await (await fetch(`${base}/__sim/reset`, { method: 'POST' })).text();
  };
  for (const loaded of cases) await runGoldenCase(loaded, { baseUrl: facade.url, reset });
  const stopped = await adminRequest(facade.adminUrl, 'POST', '/admin/record/stop', { token: TEST_ADMIN_TOKEN });
  return join(dir, String(stopped.json.recordingId));
}
