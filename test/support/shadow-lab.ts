/** A facade lab whose policy shadows every call (vendor answers, platform candidate compared). */
import { resolve } from 'node:path';
import { labPolicyFile } from '../../src/config/lab-defaults';
import type { RunningUnderstudy } from '../../src/main';
import { startFacadeLab } from './facade-lab';

export const shadowAllPolicy = {
  salt: 'shadow-lab',
  defaultTarget: 'vendor',
  rules: [{ id: 'shadow-all', match: { operations: ['*'] }, target: 'vendor', shadow: true }],
};

/** Starts the lab with shadow settings fit for tests (no noise calls unless asked, fast flush). */
export async function startShadowLab(shadow: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}): Promise<RunningUnderstudy> {
  const facade = await startFacadeLab({ overrides: { ...overrides, shadow: { flushIntervalMs: 50, noisePercent: 0, queueEntries: 1000, ...shadow } } });
  const replaced = facade.routing.policy.replace(shadowAllPolicy, 'test');
  if (!replaced.ok) throw new Error(replaced.error.join('; '));
  return facade;
}

/** Waits until every captured sample was compared and flushed, then reads `GET /admin/parity`. */
export async function readParity(facade: RunningUnderstudy, operation?: string): Promise<any> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  await facade.shadow.executor.idle();
  const path = operation === undefined ? '/admin/parity' : `/admin/parity/${operation}`;
  const answer = await fetch(`${facade.adminUrl}${path}`, { headers: { authorization: `Bearer ${facade.adminToken}` } });
  if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}: ${await answer.text()}`);
  return answer.json();
}

/**
 * Two facades over the same vendor-sim and platform-sim: `shadow` answers from the vendor and
 * shadows every read; `platform` (the lab's all-platform policy) is where the harness replays each
 * write too, standing in for the sync that keeps both sides in the same state (docs/architecture.md §4 "Sync").
 */
export interface DualLab {
  readonly shadow: RunningUnderstudy;
  readonly platform: RunningUnderstudy;
  close(): Promise<void>;
}

/**
 * Starts the shadow lab and a platform-routed facade over the same sims and clock. The harness stands
 * in for the sync, so the sync itself is off in both: it would carry each write a second time, and
 * recordings, lists and reminders, which each side numbers itself, would then differ in their ids.
 */
export async function startDualLab(shadow: Record<string, unknown> = {}): Promise<DualLab> {
  const front = await startShadowLab(shadow, { sync: { mode: 'off' } });
  const platform = await startFacadeLab({
    clock: front.clock,
    overrides: { vendor: { url: front.upstreams.vendorUrl }, platform: { url: front.upstreams.platformUrl }, clock: 'lab', policy: { file: labPolicyFile(labCatalogDir()) }, sync: { mode: 'off' } },
  });
  return { shadow: front, platform, close: async () => { await platform.close(); await front.close(); } };
}

function labCatalogDir(): string {
  return resolve(__dirname, '../../fixtures/catalog');
}
