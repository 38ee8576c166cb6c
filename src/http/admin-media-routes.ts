/**
 * `GET /admin/media` and `POST /admin/media/migrate` (issue 18, docs/media.md "Admin API"): the copy
 * state, and a migration started on the running instance (202; one at a time, 409 while one runs).
 */
import type { Express, Request } from 'express';
import type { MediaStatus } from '../media/media-ports';
import type { AdminFeatureRoutes } from './admin-app';

export interface MediaAdmin {
  status(): Promise<MediaStatus>;
  /** Starts a migration in the background; false when one is already running. */
  startMigration(selection: { readonly all: true } | { readonly assets: readonly number[] }): boolean;
  running(): boolean;
}

function readSelection(req: Request): { all: true } | { assets: number[] } | string {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '');
  } catch {
    return 'body must be JSON: {"all": true} or {"assets": [id, …]}';
  }
  if (typeof body !== 'object' || body === null) return 'body must be a JSON object';
  const { all, assets } = body as { all?: unknown; assets?: unknown };
  if (all === true && assets === undefined) return { all: true };
  if (all === undefined && Array.isArray(assets) && assets.length > 0 && assets.length <= 100_000 && assets.every((a) => Number.isSafeInteger(a) && (a as number) > 0)) return { assets: assets as number[] };
  return 'name what to copy: {"all": true} or {"assets": [id, …]} (positive integers)';
}

/** The media admin routes. */
export function mediaAdminRoutes(media: MediaAdmin): AdminFeatureRoutes {
  return (app: Express) => {
    app.get('/admin/media', (_req, res) => {
      media.status().then((status) => res.json({ ...status, migrating: media.running() }), () => res.status(503).json({ error: 'store unavailable' }));
    });
    app.post('/admin/media/migrate', (req, res) => {
      const selection = readSelection(req);
      if (typeof selection === 'string') return void res.status(400).json({ error: selection });
      if (!media.startMigration(selection)) return void res.status(409).json({ error: 'a migration is already running' });
      res.status(202).json({ started: true, ...selection });
    });
  };
}
