/**
 * Policy versions kept in the store (docs/policy.md "Versions survive a restart"): at start the
 * newest stored version becomes active again, and the policy file is applied on top only when its
 * content differs from the version last loaded from it (the file was edited while understudy was
 * down); every version published afterwards is stored. Two instances publishing the same version
 * number keep the first one stored and log the conflict.
 */
import type { FacadeLogger } from '../metrics/logger';
import type { PolicyHolder } from '../policy/policy-holder';
import { validatePolicy } from '../policy/validate-policy';
import type { PolicyVersionStore, StoredPolicyVersion } from '../store';

/** What the store remembers of earlier runs. */
export interface RestoredPolicy {
  readonly latest?: StoredPolicyVersion;
  /** The newest version loaded from a policy file. */
  readonly lastFromFile?: StoredPolicyVersion;
}

/** JSON with object keys sorted: the store's jsonb does not keep key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Reads what earlier runs stored. */
export async function readRestoredPolicy(versions: PolicyVersionStore): Promise<RestoredPolicy> {
  const [latest, lastFromFile] = await Promise.all([versions.latest(), versions.latestByAuthor('file:')]);
  return { ...(latest === undefined ? {} : { latest }), ...(lastFromFile === undefined ? {} : { lastFromFile }) };
}

/**
 * Makes the newest stored version active; a stored version that no longer validates is logged and
 * skipped. True when a version was restored.
 */
export function restorePolicy(holder: PolicyHolder, restored: RestoredPolicy, logger: FacadeLogger): boolean {
  if (restored.latest === undefined) return false;
  const result = holder.restore(restored.latest);
  if (result.ok) logger.info({ event: 'policy_restored', version: result.value.version, author: restored.latest.author }, 'policy version restored from the store');
  else logger.error({ event: 'policy_restore_failed', version: restored.latest.version, errors: result.error }, 'stored policy version is no longer valid; not restored');
  return result.ok;
}

/** True when the file's content is what was last loaded from it (so the restored version stays). */
export function isUnchangedFile(restored: RestoredPolicy, parsed: unknown): boolean {
  if (restored.lastFromFile === undefined || restored.latest === undefined) return false;
  const validated = validatePolicy(parsed);
  return validated.ok && canonicalJson(validated.value) === canonicalJson(restored.lastFromFile.document);
}

/** Holders inside `adoptStoredVersion`: what they publish came from the store and is not stored again. */
const adopting = new WeakSet<PolicyHolder>();

/** Makes a version another instance or site stored active here, without storing it again (design.md §7). */
export function adoptStoredVersion(holder: PolicyHolder, stored: StoredPolicyVersion): ReturnType<PolicyHolder['restore']> {
  adopting.add(holder);
  try {
    return holder.restore(stored);
  } finally {
    adopting.delete(holder);
  }
}

/** Stores every version the holder publishes after `fromVersion`. */
export function persistPolicyVersions(holder: PolicyHolder, versions: PolicyVersionStore, logger: FacadeLogger): void {
  let stored = holder.current().version;
  holder.onChange((active) => {
    if (adopting.has(holder)) stored = Math.max(stored, active.version);
    if (active.version <= stored) return;
    stored = active.version;
    versions.append({ version: active.version, document: active.document, author: active.author, atMs: active.atMs }).then(
      (appended) => {
        if (!appended) logger.warn({ event: 'policy_version_conflict', version: active.version }, 'another instance already stored this policy version; the first one stays in the store');
      },
      (error: unknown) => logger.error({ event: 'policy_store_failed', version: active.version, error: error instanceof Error ? error.message : String(error) }, 'policy version not stored'),
    );
  });
}
