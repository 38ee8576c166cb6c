/**
 * Admin routes of home-site partitioning (docs/sync-home-site.md), behind the admin bearer token;
 * mounted only when `sync.homeSites` is configured (two sites):
 *   GET  /admin/sync/home?household=ID[&household=ID]  each household's home site and epoch
 *   POST /admin/sync/handover {"from": "<site>"}        this site takes over every household homed at the lost site (epoch + 1)
 *   POST /admin/sync/site-back {"site": "<site>"}       the site counts again for households first seen from now on
 */
import type { Express, Request, Response } from 'express';
import type { HomeFence } from '../store/sync-home-fence';
import type { AdminFeatureRoutes } from './admin-app';

const maxHouseholds = 1000;

function readSiteField(req: Request, field: string, sites: readonly string[]): string | undefined {
  const text = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const value = typeof parsed === 'object' && parsed !== null ? parsed[field] : undefined;
    return typeof value === 'string' && sites.includes(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function answer(res: Response, work: Promise<unknown>): void {
  work.then(
    (value) => res.json(value),
    (error: unknown) => res.status(503).json({ errors: [error instanceof Error ? error.message : String(error)] }),
  );
}

/** The route set over one queue's fence. */
export function createAdminSyncHomeRoutes(fence: HomeFence): AdminFeatureRoutes {
  const { site, sites } = fence.scope;
  const others = sites.filter((s) => s !== site);
  return (app: Express) => {
    app.get('/admin/sync/home', (req, res) => {
      const raw = req.query.household;
      const ids = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && v !== '');
      if (ids.length === 0 || ids.length > maxHouseholds) return void res.status(400).json({ errors: [`give 1 to ${maxHouseholds} ?household= ids`] });
      answer(res, fence.readHomes(ids).then((homes) => ({ site, homes })));
    });
    app.post('/admin/sync/handover', (req, res) => {
      const from = readSiteField(req, 'from', others);
      if (from === undefined) return void res.status(400).json({ errors: [`body must be JSON: {"from": one of ${others.join(', ')}}`] });
      answer(res, fence.handOver(from).then((moved) => ({ from, to: site, ...moved })));
    });
    app.post('/admin/sync/site-back', (req, res) => {
      const back = readSiteField(req, 'site', sites);
      if (back === undefined) return void res.status(400).json({ errors: [`body must be JSON: {"site": one of ${sites.join(', ')}}`] });
      answer(res, fence.markBack(back).then(() => ({ site: back, lost: false })));
    });
  };
}
