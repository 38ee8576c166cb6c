/**
 * Applies sync changes to the platform (docs/architecture.md §4 "Sync") as the user they belong to, with the
 * sync's origin marker (`X-Change-Origin: understudy-sync`) so the change feed's echo of the write
 * is dropped instead of being carried back.
 */
import type { IdMapper } from '../core/id-mapper';
import { platformAlreadyApplied, toPlatformWrite } from '../sync/apply-rules';
import type { ApplyOutcome, SideApplier } from '../sync/sync-ports';
import { syncWriteOrigin, type SyncChange } from '../sync/sync-types';
import type { PlatformSubject } from '../translate/platform-port';
import type { PlatformHttpClient, PlatformHttpResponse } from './platform-http-client';
import type { PlatformTokenCache } from './platform-token-cache';
import type { HouseholdDirectory } from './household-directory';
import { priceForPlatform } from './sync-platform-pricing';

export interface PlatformApplierOptions {
  readonly client: PlatformHttpClient;
  readonly tokens: PlatformTokenCache;
  readonly ids: IdMapper;
  /** A member to act as when a change names no user (the platform issues tokens to users only). */
  readonly directory: HouseholdDirectory;
}

/** The platform token subject the sync writes a change as. */
export function syncSubject(change: SyncChange, ids: IdMapper, actingUser: string | undefined): PlatformSubject | undefined {
  const householdId = ids.toPlatform('household', change.householdId);
  if (householdId === undefined) return undefined;
  const vendorUser = change.userId ?? actingUser;
  const userId = vendorUser === undefined ? undefined : ids.toPlatform('user', vendorUser);
  return { householdId, ...(userId === undefined ? {} : { userId }), ...(change.udid === undefined ? {} : { deviceUdid: change.udid }), sessionKey: `understudy-sync:${change.udid ?? ''}` };
}

function problemCode(reply: PlatformHttpResponse): string {
  const body = reply.body as { code?: unknown } | undefined;
  return typeof body?.code === 'string' ? body.code : '';
}

function judge(reply: PlatformHttpResponse, label: string): ApplyOutcome {
  if (reply.status < 300 || (reply.status === 404 && label.startsWith('DELETE'))) return { kind: 'applied' };
  const code = problemCode(reply);
  if (platformAlreadyApplied.includes(code)) return { kind: 'applied' };
  const retryable = reply.status >= 500 || reply.status === 429 || reply.status === 401 || code === 'concurrency_limit';
  return { kind: 'failed', retryable, error: `platform ${label}: HTTP ${reply.status} ${code}` };
}

/** The platform side's applier. */
export function createPlatformApplier(options: PlatformApplierOptions): SideApplier {
  const withPrice = async (change: SyncChange, subject: PlatformSubject): Promise<SyncChange | ApplyOutcome> => {
    const productId = change.entity === 'purchase' && typeof change.value.price !== 'number' ? options.ids.toPlatform('product', String(change.value.productId)) : undefined;
    if (productId === undefined) return change;
    const priced = await priceForPlatform(options.client, await options.tokens.tokenFor(subject), productId, change).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
    return priced.ok ? priced.change : { kind: 'failed', retryable: true, error: priced.error };
  };
  return {
    async apply(unpriced: SyncChange): Promise<ApplyOutcome> {
      const actingUser = unpriced.userId ?? (await options.directory.membersOf(unpriced.householdId))[0];
      const subject = syncSubject(unpriced, options.ids, actingUser);
      const change = subject === undefined ? unpriced : await withPrice(unpriced, subject);
      if ('kind' in change) return change;
      const householdPath = subject === undefined ? '' : `/identity/v1/households/${encodeURIComponent(subject.householdId!)}/devices`;
      const write = subject === undefined ? undefined : toPlatformWrite(change, { toPlatform: (kind, id) => options.ids.toPlatform(kind, id) }, householdPath);
      if (subject === undefined || write === undefined) return { kind: 'failed', retryable: false, error: `ids of ${change.entity} ${change.key} are not in the id map` };
      const label = `${write.method} ${write.path}`;
      try {
        const send = async (): Promise<PlatformHttpResponse> =>
          options.client.send({ method: write.method, path: write.path, body: write.body, headers: { authorization: `Bearer ${await options.tokens.tokenFor(subject)}`, 'x-change-origin': syncWriteOrigin } });
        let reply = await send();
        if (reply.status === 401) {
          options.tokens.forget(subject);
          reply = await send();
        }
        return judge(reply, label);
      } catch (error) {
        return { kind: 'failed', retryable: true, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
