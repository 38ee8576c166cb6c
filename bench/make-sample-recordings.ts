/**
 * Makes the sample recordings in fixtures/recordings/ (docs/recording.md "Samples"): the lab
 * (facade + in-process sims) records the golden cases of each flow, one recording per flow,
 * redacted as any recording is. Run: `npm run recordings:samples`.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCaseFiles, runCaseOn } from '../src/cli/golden-cases';
import { createHttpTarget } from '../src/cli/http-target';
import { loadConfig } from '../src/config/load-config';
import { startUnderstudy } from '../src/main';
import { loadCatalog } from '../src/sim/catalog/load-catalog';

const root = resolve(__dirname, '..', ...(__dirname.includes(`${join('dist', 'bench')}`) ? ['..'] : []));
const flows: Readonly<Record<string, readonly string[]>> = {
  player: ['ottuser.login', 'asset.getplaybackcontext', 'assetfile.playmanifest', 'assethistory.list'],
  browsing: ['ottuser.anonymouslogin', 'asset.get', 'asset.list'],
  epg: ['asset.list'],
  bookmarks: ['bookmark.add', 'bookmark.list'],
  favourites: ['favorite.add', 'favorite.list', 'favorite.delete'],
  devices: ['householddevice.add', 'householddevice.get', 'householddevice.list', 'householddevice.delete', 'household.get'],
  purchases: ['productprice.list', 'transaction.purchase', 'entitlement.list'],
  sessions: ['ottuser.get', 'ottuser.refreshsession', 'ottuser.logout', 'session.get', 'session.revoke', 'multirequest'],
};

async function recordFlow(name: string, operations: readonly string[], out: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'understudy-samples-'));
  const token = 'sample-recordings-admin-token';
  const loaded = loadConfig({ env: {}, overrides: { server: { port: 0, adminPort: 0 }, log: { level: 'silent' }, admin: { token }, record: { dir }, edge: { rateLimits: { enabled: false } } } });
  if (!loaded.ok) throw new Error(loaded.error.join('; '));
  const lab = await startUnderstudy(loaded.value);
  const admin = (path: string): Promise<unknown> => fetch(`${lab.adminUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
  const cases = loadCaseFiles(join(root, 'fixtures', 'cases'));
  if (!cases.ok) throw new Error(cases.errors.join('\n'));
  const selected = cases.cases.filter((c) => operations.includes(c.operationId) && (name !== 'epg' || JSON.stringify(c.request).toLowerCase().includes('epg')));
  const target = createHttpTarget('lab', lab.url, 4);
  const demo = loadCatalog().demo;
  const context = { partnerId: demo.partnerId, credentials: Object.fromEntries(demo.accounts.map((a) => [a.username, a.password])) };
  const resets = [`${lab.upstreams.vendorUrl}/__sim/reset`, `${lab.upstreams.platformUrl}/__sim/reset`];
  await admin('/admin/record/start');
  for (const c of selected) await runCaseOn(c, { sendRaw: (r) => target.sendRaw(r), resets }, context);
  const status = (await admin('/admin/record/stop')) as { recordingId: string; recorded: number };
  await target.close();
  await lab.close();
  rmSync(join(out, name), { recursive: true, force: true });
  cpSync(join(dir, status.recordingId), join(out, name), { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  console.log(`${name.padEnd(12)} ${String(status.recorded).padStart(4)} exchanges from ${selected.length} cases → fixtures/recordings/${name}/${readdirSync(join(out, name)).join(', ')}`);
}

async function main(): Promise<void> {
  const out = join(root, 'fixtures', 'recordings');
  for (const [name, operations] of Object.entries(flows)) await recordFlow(name, operations, out);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
