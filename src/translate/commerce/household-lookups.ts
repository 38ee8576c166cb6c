/**
 * Household facts commerce answers need from the platform: device names by udid (entitlements show
 * the purchasing device's name) and the products the household holds a running entitlement for
 * (prices show `purchaseStatus`).
 */
import type { TranslateContext } from '../translator';
import { fetchAllPages, unexpectedReply } from '../viewing/platform-replies';
import type { PlatformEntitlement } from './commerce-mappers';

interface PlatformDevice {
  readonly udid: string;
  readonly name: string;
}

/** Names of the caller's household devices by udid; empty when the caller has no household. */
export async function deviceNamesOf(ctx: TranslateContext): Promise<ReadonlyMap<string, string>> {
  const householdId = ctx.session === null ? undefined : ctx.ids.toPlatform('household', ctx.session.householdId);
  if (householdId === undefined) return new Map();
  const reply = await ctx.platform.call({ method: 'GET', path: `/identity/v1/households/${encodeURIComponent(householdId)}/devices` });
  if (reply.status === 403 || reply.status === 404) return new Map();
  if (reply.status !== 200) throw unexpectedReply('identity.listDevices', reply);
  return new Map((reply.body as { items: PlatformDevice[] }).items.map((d) => [d.udid, d.name]));
}

/** Every running (unexpired) entitlement of the household of one product type. */
export async function runningEntitlementsOf(ctx: TranslateContext, type: 'ppv' | 'subscription'): Promise<PlatformEntitlement[]> {
  const found = await fetchAllPages<PlatformEntitlement>(ctx, { method: 'GET', path: '/commerce/v1/entitlements', query: { type, scope: 'household', expired: false } });
  if ('items' in found) return found.items;
  if (found.reply.status === 403) return [];
  throw unexpectedReply('commerce.listEntitlements', found.reply);
}
