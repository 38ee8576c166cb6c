/**
 * subscriptionSet.list (generated TypeScript client `SubscriptionSetListAction(filter?:
 * KalturaSubscriptionSetFilter)` → KalturaSubscriptionSetListResponse: "a list of subscriptionSets
 * requested by ids or subscription ids"; KalturaSubscriptionSwitchSet, KalturaSubscriptionDependencySet
 * with `baseSubscriptionId`; filter `idIn`, `subscriptionIdContains`, `typeEqual`, and
 * KalturaSubscriptionDependencySetFilter `baseSubscriptionIdIn`). The selection is one pure rule both
 * vendor-sim and the translator apply. docs/vendor-decisions.md "Subscription sets".
 */
import { err, ok } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import { listResponse } from './pager';
import { readEnum, readIdList, readStringList } from './param-readers';
import { vendorError } from './vendor-error-builder';

export type SubscriptionSetType = 'SWITCH' | 'DEPENDENCY';

/** One set in vendor vocabulary. */
export interface SubscriptionSetFacts {
  readonly id: number;
  readonly name: string;
  readonly type: SubscriptionSetType;
  readonly subscriptionIds: readonly string[];
  readonly baseSubscriptionId?: string;
}

export interface SubscriptionSetFilter {
  readonly idIn: readonly number[];
  readonly subscriptionIdContains: readonly string[];
  readonly typeEqual?: SubscriptionSetType;
  readonly baseSubscriptionIdIn: readonly string[];
}

/** The filter; `idIn` and `subscriptionIdContains` together → 500038 (one or the other). */
export function readSubscriptionSetFilter(params: Readonly<Record<string, unknown>>): VendorOutcome<SubscriptionSetFilter> {
  const idIn = readIdList(params, 'filter.idIn');
  if (!idIn.ok) return idIn;
  const contains = readStringList(params, 'filter.subscriptionIdContains');
  if (!contains.ok) return contains;
  if (idIn.value.length > 0 && contains.value.length > 0) return err(vendorError('ArgumentsConflictsEachOther', { argument1: 'KalturaSubscriptionSetFilter.idIn', argument2: 'KalturaSubscriptionSetFilter.subscriptionIdContains' }));
  const typeEqual = readEnum(params, 'filter.typeEqual', ['SWITCH', 'DEPENDENCY'] as const);
  if (!typeEqual.ok) return typeEqual;
  const base = readStringList(params, 'filter.baseSubscriptionIdIn');
  if (!base.ok) return base;
  return ok({ idIn: idIn.value, subscriptionIdContains: contains.value, ...(typeEqual.value === undefined ? {} : { typeEqual: typeEqual.value }), baseSubscriptionIdIn: base.value });
}

/** The sets the filter selects, by id; no filter → every set. */
export function selectSubscriptionSets(sets: readonly SubscriptionSetFacts[], filter: SubscriptionSetFilter): SubscriptionSetFacts[] {
  return sets
    .filter((s) => filter.idIn.length === 0 || filter.idIn.includes(s.id))
    .filter((s) => filter.subscriptionIdContains.length === 0 || s.subscriptionIds.some((id) => filter.subscriptionIdContains.includes(id)))
    .filter((s) => filter.typeEqual === undefined || s.type === filter.typeEqual)
    .filter((s) => filter.baseSubscriptionIdIn.length === 0 || (s.baseSubscriptionId !== undefined && filter.baseSubscriptionIdIn.includes(s.baseSubscriptionId)))
    .sort((a, b) => a.id - b.id);
}

/** KalturaSubscriptionSwitchSet or KalturaSubscriptionDependencySet (`subscriptionIds` comma-separated). */
export function toKalturaSubscriptionSet(s: SubscriptionSetFacts): Record<string, unknown> {
  const common = { id: s.id, name: s.name, type: s.type, subscriptionIds: s.subscriptionIds.join(',') };
  if (s.type === 'SWITCH') return { objectType: 'KalturaSubscriptionSwitchSet', ...common };
  return { objectType: 'KalturaSubscriptionDependencySet', ...common, baseSubscriptionId: Number(s.baseSubscriptionId ?? 0) };
}

/** The list answer. */
export function toSubscriptionSetList(sets: readonly SubscriptionSetFacts[]): Record<string, unknown> {
  return listResponse('KalturaSubscriptionSetListResponse', sets.map(toKalturaSubscriptionSet));
}
