import { toIso } from '../http/iso-time';
import type { RouteSpec } from '../http/router';
import { noContent, ok, problem, type Reply } from '../http/reply';
import { readEnumParam, readIntField, readListParam, readObjectBody, readPaging, readStringField } from '../http/params';
import { requireMember } from '../identity/caller-household';
import type { PlatformRequest } from '../platform-request';
import { maxPersonalLists, recordsOf, type PersonalListRecord } from './list-store';

function toView(l: PersonalListRecord): Record<string, unknown> {
  return { number: l.number, name: l.name, query: l.query, listType: l.listType, createdAt: toIso(l.createdAt) };
}

/** `userData.listPersonalLists`: newest first by default (ties by number), optional list types. */
function listPersonalLists(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const sort = readEnumParam(req.query, 'sort', ['createdAt:desc', 'createdAt:asc'] as const, 'createdAt:desc');
  if (!sort.ok) return sort.reply;
  const paging = readPaging(req.query);
  if (!paging.ok) return paging.reply;
  const types = readListParam(req.query, 'listTypes').map(Number);
  if (types.some((t) => !Number.isInteger(t))) return problem('validation_failed', 'listTypes must be integers');
  const sign = sort.value === 'createdAt:asc' ? 1 : -1;
  const lists = [...(req.state.lists.personalLists.get(member.userId) ?? [])]
    .filter((l) => types.length === 0 || types.includes(l.listType))
    .sort((a, b) => sign * (a.createdAt - b.createdAt || a.number - b.number));
  const { offset, limit } = paging.value;
  return ok({ items: lists.slice(offset, offset + limit).map(toView), total: lists.length, offset, limit });
}

/** `userData.createPersonalList`: at most `maxPersonalLists` per user (list_limit_exceeded). */
function createPersonalList(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const body = readObjectBody(req.body);
  if (!body.ok) return body.reply;
  const name = readStringField(body.value, 'name', true, 256);
  if (!name.ok) return name.reply;
  const query = readStringField(body.value, 'query', true, 4096);
  if (!query.ok) return query.reply;
  const listType = readIntField(body.value, 'listType', 0);
  if (!listType.ok) return listType.reply;
  const own = recordsOf(req.state.lists.personalLists, member.userId);
  if (own.length >= maxPersonalLists) return problem('list_limit_exceeded', `at most ${maxPersonalLists} personal lists`);
  const record = { number: req.state.lists.nextPersonalList++, name: name.value ?? '', query: query.value ?? '', listType: listType.value, createdAt: req.nowSec };
  own.push(record);
  req.state.changes.append({ entity: 'personalList', op: 'upsert', key: `${member.userId}:${record.number}`, householdId: member.householdId, userId: member.userId, data: toView(record) }, req.origin, req.nowSec);
  return ok(toView(record), 201);
}

function deletePersonalList(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const own = req.state.lists.personalLists.get(member.userId) ?? [];
  const at = own.findIndex((l) => String(l.number) === req.params.number);
  if (at < 0) return problem('not_found', `no personal list ${req.params.number ?? ''}`);
  const [removed] = own.splice(at, 1);
  // The feed names what was deleted (its content), not only its number (docs/sync.md "Entities").
  if (removed !== undefined) req.state.changes.append({ entity: 'personalList', op: 'delete', key: `${member.userId}:${removed.number}`, householdId: member.householdId, userId: member.userId, data: toView(removed) }, req.origin, req.nowSec);
  return noContent();
}

export const personalListRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'GET', path: '/user-data/v1/personal-lists', operationId: 'userData.listPersonalLists', auth: 'bearer', handle: listPersonalLists },
  { method: 'POST', path: '/user-data/v1/personal-lists', operationId: 'userData.createPersonalList', auth: 'bearer', body: true, handle: createPersonalList },
  { method: 'DELETE', path: '/user-data/v1/personal-lists/:number', operationId: 'userData.deletePersonalList', auth: 'bearer', handle: deletePersonalList },
];
