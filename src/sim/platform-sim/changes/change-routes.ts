import type { RouteSpec } from '../http/router';
import { ok, problem, type Reply } from '../http/reply';
import { readIntParam } from '../http/params';
import type { PlatformRequest } from '../platform-request';

/** `changes.list`: changes after a cursor, oldest first; `nextCursor` resumes after the last one. */
function listChanges(req: PlatformRequest): Reply {
  const afterText = req.query.get('after');
  const after = afterText === null || afterText === '' ? 0 : Number(afterText);
  if (!Number.isInteger(after) || after < 0) return problem('validation_failed', 'after must be a cursor returned by this feed');
  const limit = readIntParam(req.query, 'limit', 100, 1000);
  if (!limit.ok) return limit.reply;
  const page = req.state.changes.read(after, Math.max(limit.value, 1));
  if (page === 'expired') return problem('cursor_expired', 'resume from a reconcile; the feed no longer holds this cursor');
  return ok(page);
}

export const changeRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'GET', path: '/changes', operationId: 'changes.list', auth: 'bearer', handle: listChanges },
];
