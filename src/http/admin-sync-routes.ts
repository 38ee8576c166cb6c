/**
 * Admin routes of the two-way sync (docs/sync.md "Operating it"), behind the admin bearer token:
 *   GET  /admin/sync                      per entity: enabled, pending, applied, lag p50/p99, conflicts, dead letters, echoes
 *   POST /admin/sync/reconcile            runs one cycle and answers its report ({"repair"?: false, "entity"?})
 *   POST /admin/sync/off | /admin/sync/on {"entity"?}: off stops capture, drains the outbox and reports
 *   GET  /admin/sync/dead-letters         newest first (?limit=)
 *   POST /admin/sync/dead-letters/retry   {"ids"?: [..]}: back to the outbox with fresh attempts
 */
import type { Express, Request, Response } from 'express';
import type { SyncParts } from '../compose/compose-sync';
import { isSyncEntity, syncEntities, type SyncEntity } from '../sync/sync-types';
import type { AdminFeatureRoutes } from './admin-app';

function readBody(req: Request): Record<string, unknown> | undefined {
  const text = Buffer.isBuffer(req.body) ? req.body.toString('utf8').trim() : '';
  if (text === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function readEntity(body: Record<string, unknown>): SyncEntity | undefined | 'invalid' {
  if (body.entity === undefined) return undefined;
  return isSyncEntity(body.entity) ? body.entity : 'invalid';
}

/** The status document GET /admin/sync answers (also what the CLI renders). */
export async function buildSyncStatus(sync: SyncParts): Promise<Record<string, unknown>> {
  const counts = await sync.admin.countsByEntity();
  const report = sync.stats.report();
  const enabled = sync.switches.snapshot();
  const entities = Object.fromEntries(
    syncEntities.map((entity) => [entity, { enabled: enabled[entity], pending: counts.get(entity)?.pending ?? 0, deadLetters: counts.get(entity)?.dead ?? 0, ...report[entity] }]),
  );
  const outbox = await sync.outbox.stats();
  return { entities, outbox: { ...outbox, oldestOpenAgeSeconds: outbox.oldestOpenMs === null ? 0 : Math.max(0, (sync.nowMs() - outbox.oldestOpenMs) / 1000) }, echoesDroppedOther: sync.stats.echoesOther };
}

function fail(res: Response, status: number, error: string): void {
  res.status(status).json({ errors: [error] });
}

function answer(res: Response, work: Promise<unknown>): void {
  work.then(
    (value) => res.json(value),
    (error: unknown) => fail(res, 503, error instanceof Error ? error.message : String(error)),
  );
}

/** The sync's admin route set. */
export function createAdminSyncRoutes(sync: SyncParts): AdminFeatureRoutes {
  return (app: Express) => {
    app.get('/admin/sync', (_req, res) => answer(res, buildSyncStatus(sync)));
    app.post('/admin/sync/reconcile', (req, res) => {
      const body = readBody(req);
      const entity = body === undefined ? 'invalid' : readEntity(body);
      if (body === undefined || entity === 'invalid') return fail(res, 400, `body must be JSON: {"repair"?: boolean, "entity"?: one of ${syncEntities.join(', ')}}`);
      answer(res, sync.reconciler.run({ repair: body.repair !== false, ...(entity === undefined ? {} : { entities: [entity] }) }));
    });
    for (const [path, enabled] of [['/admin/sync/off', false], ['/admin/sync/on', true]] as const) {
      app.post(path, (req, res) => {
        const body = readBody(req);
        const entity = body === undefined ? 'invalid' : readEntity(body);
        if (entity === 'invalid') return fail(res, 400, `body must be JSON: {"entity"?: one of ${syncEntities.join(', ')}}`);
        answer(res, sync.switches.set(entity, enabled, 30_000));
      });
    }
    app.get('/admin/sync/dead-letters', (req, res) => {
      const limit = Math.min(1000, Math.max(1, Number(req.query.limit ?? 100) || 100));
      answer(res, sync.outbox.listDeadLetters(limit).then((items) => ({ items })));
    });
    app.post('/admin/sync/dead-letters/retry', (req, res) => {
      const body = readBody(req);
      const ids = body?.ids;
      if (body === undefined || (ids !== undefined && (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id))))) return fail(res, 400, 'body must be JSON: {"ids"?: [integer, …]}');
      answer(
        res,
        sync.admin.retryDeadLetters(sync.nowMs(), ids as number[] | undefined).then((retried) => {
          sync.loop.wake();
          return { retried };
        }),
      );
    });
  };
}
