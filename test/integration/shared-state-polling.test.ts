/**
 * The polling fallback of the shared-state follower (design.md §7), on PGlite where nothing is
 * pushed: a version another writer stored becomes active within the poll period, is not stored
 * again, and a same-numbered version written by someone else replaces the local one (the store's
 * row won the race).
 */
import { adoptStoredVersion, persistPolicyVersions } from '../../src/compose/compose-policy-store';
import { isNewerStoredVersion, startSharedState, type SharedState } from '../../src/compose/compose-shared-state';
import { OffsetClock } from '../../src/core/clock';
import { createLogger } from '../../src/metrics/logger';
import { PolicyHolder } from '../../src/policy/policy-holder';
import { vendorOnlyPolicy } from '../../src/policy/policy-document';
import { CachedRevocationStore, openStore, SqlPolicyVersionStore, type Store } from '../../src/store';
import { timeUntil } from '../support/shared-state-checks';

let store: Store;
let follower: SharedState | undefined;
const lines: string[] = [];
const logger = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(line) } });

beforeAll(async () => {
  store = await openStore({ driver: 'pglite' }, { site: 'a' });
});
afterAll(async () => {
  await follower?.close();
  await store.close();
});

describe('shared-state follower without notifications (PGlite)', () => {
  it('adopts a version another writer stored within the poll period and does not store it again', async () => {
    const versions = new SqlPolicyVersionStore(store.sql);
    const holder = new PolicyHolder({ clock: new OffsetClock() });
    persistPolicyVersions(holder, versions, logger);
    const revocations = new CachedRevocationStore(store.revocations, { ttlMs: 1000 });
    follower = await startSharedState({ connection: { driver: 'pglite' }, versions, holder, revocations, logger, pollMs: 100 });
    const document = { ...vendorOnlyPolicy, salt: 'elsewhere', killSwitch: { global: true, operations: [] } };
    expect(await versions.append({ version: 3, document, author: 'other-instance', atMs: 1_700_000_000_000 })).toBe(true);
    expect(await timeUntil(() => Promise.resolve(holder.current().version === 3), 3000)).toBeLessThan(1000);
    expect(holder.current().policy.killGlobal).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lines.join('')).not.toContain('policy_version_conflict');
    const { rows } = await store.sql.query<{ site: string }>('SELECT site FROM policy_versions WHERE version = 3');
    expect(rows).toEqual([{ site: 'a' }]);
  });

  it('stores what the holder publishes after adopting, with this site in the row', async () => {
    const versions = new SqlPolicyVersionStore(store.sql);
    const holder = new PolicyHolder({ clock: new OffsetClock() });
    persistPolicyVersions(holder, versions, logger);
    expect(adoptStoredVersion(holder, (await versions.latest())!).ok).toBe(true);
    expect(holder.setKillSwitch({ global: true, on: false }, 'jest').ok).toBe(true);
    expect(await timeUntil(async () => (await versions.latest())?.version === 4, 3000)).toBeLessThan(3000);
  });
});

describe('isNewerStoredVersion', () => {
  const holder = new PolicyHolder({ clock: new OffsetClock() });
  const active = holder.current();
  it('takes a higher version, or the same number by another author or time, and nothing older', () => {
    expect(isNewerStoredVersion({ version: 1, document: {}, author: 'x', atMs: active.atMs }, active)).toBe(true);
    expect(isNewerStoredVersion({ version: 0, document: {}, author: active.author, atMs: active.atMs }, active)).toBe(false);
    expect(isNewerStoredVersion({ version: 0, document: {}, author: 'other', atMs: active.atMs }, active)).toBe(true);
    expect(isNewerStoredVersion({ version: 0, document: {}, author: active.author, atMs: active.atMs + 5 }, active)).toBe(true);
    expect(isNewerStoredVersion({ version: -1, document: {}, author: 'other', atMs: 0 }, active)).toBe(false);
  });
});
