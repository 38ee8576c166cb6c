/**
 * Reconcile's reads of PINs, parental-rule switches and profile fields (docs/sync.md "Reconcile"),
 * one household at a time as its members: the vendor through `pin.get`, `parentalRule.list` and
 * `ottUser.get` with a KS understudy mints; the platform through its settings and identity reads
 * with a token per member. Each scope is read where it was set: a PIN or rule at user scope from
 * each member (the answer's origin/level says which scope it came from), at household scope once.
 */
import type { IdMapper } from '../core/id-mapper';
import { integerOf } from '../sync/entity-values';
import { parentalRecord, pinRecord, profileRecords } from '../sync/reconcile-records';
import type { SideRecord } from '../sync/sync-ports';
import { scalarText } from '../sync/sync-types';
import type { EntityReads } from './sync-entity-reads';
import type { PlatformHttpClient } from './platform-http-client';
import type { PlatformTokenCache } from './platform-token-cache';
import type { VendorCallClient } from './vendor-call-client';

type Obj = Record<string, unknown>;
type Scope = 'user' | 'household';
interface Who {
  readonly userId: string;
  readonly householdId: string;
}
const asObj = (v: unknown): Obj => (typeof v === 'object' && v !== null ? (v as Obj) : {});
const asList = (v: unknown): Obj[] => (Array.isArray(v) ? (v as unknown[]).map(asObj) : []);
const pinTypes = ['parental', 'purchase'] as const;
const lower = (v: unknown): string => scalarText(v).toLowerCase();

/** A vendor read as a member; undefined when the vendor answers one of the `none` codes. */
export type VendorRead = (who: Who, service: string, action: string, params: Obj, none?: readonly string[]) => Promise<Obj | undefined>;

/** A platform GET as a member (path built from the member's platform id); undefined when a id is not mapped. */
export type PlatformRead = (who: Who, pathOf: (platformUserId: string) => string) => Promise<{ status: number; body: Obj } | undefined>;

/** The vendor read through the call client. */
export function createVendorRead(vendor: VendorCallClient, ksFor: (who: Who) => string): VendorRead {
  return async (who, service, action, params, none = []) => {
    const outcome = await vendor.call({ service, action, params: { ...params, ks: ksFor(who) } });
    if (outcome.ok) return asObj(outcome.value);
    if (none.includes(outcome.error.code)) return undefined;
    throw new Error(`vendor ${service}.${action}: ${outcome.error.code} ${outcome.error.message}`);
  };
}

/** The platform read with a token per member. */
export function createPlatformRead(client: PlatformHttpClient, tokens: PlatformTokenCache, ids: IdMapper): PlatformRead {
  return async (who, pathOf) => {
    const householdId = ids.toPlatform('household', who.householdId);
    const userId = ids.toPlatform('user', who.userId);
    if (householdId === undefined || userId === undefined) return undefined;
    const token = await tokens.tokenFor({ householdId, userId, sessionKey: 'understudy-sync-reconcile' });
    const reply = await client.send({ method: 'GET', path: pathOf(userId), headers: { authorization: `Bearer ${token}` } });
    return { status: reply.status, body: asObj(reply.body) };
  };
}

/** The user scope from every member, the household scope once (as the first member). */
async function perScope(householdId: string, members: readonly string[], read: (who: Who, scope: Scope, owner: string) => Promise<SideRecord[]>): Promise<SideRecord[]> {
  const out: SideRecord[] = [];
  for (const userId of members) out.push(...(await read({ userId, householdId }, 'user', userId)));
  out.push(...(await read({ userId: members[0]!, householdId }, 'household', householdId)));
  return out;
}

/** The vendor's PINs (5001 NoPinDefined: none), rule switches and profile fields. */
export function createVendorSettingsReads(read: VendorRead): EntityReads {
  return {
    pin: (householdId, members) => perScope(householdId, members, async (who, scope, owner) => {
      const out: SideRecord[] = [];
      for (const type of pinTypes) {
        const pin = await read(who, 'pin', 'get', { by: scope, type }, ['5001']);
        if (pin !== undefined && lower(pin.origin) === scope && typeof pin.pin === 'string') out.push(pinRecord(scope, owner, type, pin.pin, who.userId));
      }
      return out;
    }),
    parental: (householdId, members) => perScope(householdId, members, async (who, scope, owner) => {
      const rules = asList((await read(who, 'parentalrule', 'list', { filter: { objectType: 'KalturaParentalRuleFilter', entityReferenceEqual: scope } }))?.objects);
      return rules.filter((r) => lower(r.origin) === scope && integerOf(r.id) !== undefined).map((r) => parentalRecord(scope, owner, integerOf(r.id)!, who.userId));
    }),
    profile: async (householdId, members) => {
      const out: SideRecord[] = [];
      for (const userId of members) {
        const user = (await read({ userId, householdId }, 'ottuser', 'get', {})) ?? {};
        out.push(...profileRecords(userId, user, Number(user.updateDate ?? 0) * 1000));
      }
      return out;
    },
  };
}

function platformFailure(path: string, status: number): Error {
  return new Error(`platform GET ${path.split('?')[0]} answered HTTP ${status}`);
}

/** The platform's PINs (404: none), rule switches and profile fields. */
export function createPlatformSettingsReads(read: PlatformRead): EntityReads {
  const get = async (who: Who, pathOf: (platformUserId: string) => string, none = false): Promise<Obj | undefined> => {
    const reply = await read(who, pathOf);
    if (reply === undefined || (none && reply.status === 404)) return undefined;
    if (reply.status !== 200) throw platformFailure(pathOf(''), reply.status);
    return reply.body;
  };
  return {
    pin: (householdId, members) => perScope(householdId, members, async (who, scope, owner) => {
      const out: SideRecord[] = [];
      for (const type of pinTypes) {
        const pin = await get(who, () => `/settings/v1/pins/${type}?scope=${scope}`, true);
        if (pin !== undefined && pin.level === scope && typeof pin.pin === 'string') out.push(pinRecord(scope, owner, type, pin.pin, who.userId));
      }
      return out;
    }),
    parental: (householdId, members) => perScope(householdId, members, async (who, scope, owner) => {
      const applied = asList((await get(who, () => `/settings/v1/parental-rules?scope=${scope}`))?.items);
      return applied.filter((a) => a.level === scope && integerOf(asObj(a.rule).id) !== undefined).map((a) => parentalRecord(scope, owner, integerOf(asObj(a.rule).id)!, who.userId));
    }),
    profile: async (householdId, members) => {
      const out: SideRecord[] = [];
      for (const userId of members) {
        const user = await get({ userId, householdId }, (platformUserId) => `/identity/v1/users/${encodeURIComponent(platformUserId)}`);
        if (user !== undefined) out.push(...profileRecords(userId, user, Date.parse(scalarText(user.updatedAt))));
      }
      return out;
    },
  };
}
