/**
 * personalList.add / list / delete (generated TypeScript client: `KalturaPersonalList {id,
 * name, createDate, ksql, partnerListType}`, `KalturaPersonalListFilter {partnerListTypeIn,
 * orderBy CREATE_DATE_ASC | CREATE_DATE_DESC}`, delete by `personalListId`, void).
 */
import { ok } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import { readEnum, readIdList, readInt, readObject, readString } from './param-readers';

export interface PersonalListInput {
  readonly name: string;
  readonly ksql: string;
  readonly partnerListType: number;
}

/** `personalList`: name and ksql required and not empty, partnerListType default 0. */
export function readPersonalListInput(params: Readonly<Record<string, unknown>>): VendorOutcome<PersonalListInput> {
  const input = readObject(params, 'personalList', { required: true });
  if (!input.ok) return input;
  const name = readString(input.value, 'name', { required: true, nonEmpty: true, label: 'personalList.name' });
  if (!name.ok) return name;
  const ksql = readString(input.value, 'ksql', { required: true, nonEmpty: true, label: 'personalList.ksql' });
  if (!ksql.ok) return ksql;
  const type = readInt(input.value, 'partnerListType', { label: 'personalList.partnerListType', min: 0 });
  if (!type.ok) return type;
  return ok({ name: name.value, ksql: ksql.value, partnerListType: type.value ?? 0 });
}

/** The filter: list types (empty = all) and creation order, newest first by default. */
export function readPersonalListFilter(params: Readonly<Record<string, unknown>>): VendorOutcome<{ types: readonly number[]; ascending: boolean }> {
  const filter = readObject(params, 'filter');
  if (!filter.ok) return filter;
  const f = filter.value ?? {};
  const types = readIdList(f, 'partnerListTypeIn', { label: 'filter.partnerListTypeIn' });
  if (!types.ok) return types;
  const orderBy = readEnum(f, 'orderBy', ['CREATE_DATE_ASC', 'CREATE_DATE_DESC'] as const, { label: 'filter.orderBy' });
  if (!orderBy.ok) return orderBy;
  return ok({ types: types.value, ascending: orderBy.value === 'CREATE_DATE_ASC' });
}

/** A `KalturaPersonalList`. */
export function toKalturaPersonalList(list: { id: number; name: string; createDate: number; ksql: string; partnerListType: number }): Record<string, unknown> {
  return { objectType: 'KalturaPersonalList', id: list.id, name: list.name, createDate: list.createDate, ksql: list.ksql, partnerListType: list.partnerListType };
}

/** At most this many personal lists per user (docs/lab-rules.md "Personal lists"). */
export const maxPersonalListsPerUser = 50;
