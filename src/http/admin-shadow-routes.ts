/**
 * Admin routes of shadow mode (issue 11 "Interfaces"), behind the admin token:
 * `GET /admin/parity`, `GET /admin/parity/{operation}`, `GET /admin/migration`,
 * `POST /admin/migration/{operation}` with `{"to": "vendor"|"shadow"|"canary"|"platform"|"vendor-retired",
 * "percent"?: n, "hold"?: bool, "reason"?: text}`. The dashboard page itself loads without the token
 * (it holds no data) and asks for it in a login form.
 */
import type { RequestListener } from 'node:http';
import type { Express, Request, Response } from 'express';
import type { ShadowReader } from '../compose/shadow-reader';
import { retirementRefusal, type MigrationController } from '../shadow/migration-controller';
import type { MigrationStage } from '../shadow/migration-state';
import type { AdminFeatureRoutes } from './admin-app';
import { actorOf } from './admin-auth';
import { dashboardHtml } from './dashboard-page';

export interface AdminShadowOptions {
  readonly reader: ShadowReader;
  readonly controller: MigrationController;
  /** Writes pending parity deltas first, so answers include the latest samples. */
  readonly flush: () => Promise<void>;
}

interface MigrationBody {
  to?: unknown;
  percent?: unknown;
  hold?: unknown;
  reason?: unknown;
}

function readBody(req: Request): MigrationBody | undefined {
  try {
    const text = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const parsed = JSON.parse(text === '' ? '{}' : text) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed) : undefined;
  } catch {
    return undefined;
  }
}

const usage = 'body: {"to": "vendor"|"shadow"|"canary"|"platform"|"vendor-retired", "percent"?: n, "hold"?: true|false, "reason"?: "text"}';

function checkBody(body: MigrationBody | undefined): string[] {
  if (body === undefined) return [`${usage} (JSON object)`];
  const errors: string[] = [];
  for (const key of Object.keys(body)) if (!['to', 'percent', 'hold', 'reason'].includes(key)) errors.push(`unknown property "${key}"`);
  if (body.to === undefined && body.hold === undefined) errors.push(`name "to" or "hold"; ${usage}`);
  if (body.to !== undefined && typeof body.to !== 'string') errors.push('"to" must be a string');
  if (body.percent !== undefined && typeof body.percent !== 'number') errors.push('"percent" must be a number');
  if (body.hold !== undefined && typeof body.hold !== 'boolean') errors.push('"hold" must be true or false');
  if (body.reason !== undefined && typeof body.reason !== 'string') errors.push('"reason" must be a string');
  return errors;
}

async function moveOperation(options: AdminShadowOptions, req: Request, res: Response): Promise<void> {
  const operation = String(req.params.operation ?? '').trim().toLowerCase();
  if (!/^[a-z0-9_]+\.[a-z0-9_]+$/.test(operation)) return void res.status(400).json({ errors: ['the operation must be service.action'] });
  const body = readBody(req);
  const errors = checkBody(body);
  if (errors.length > 0) return void res.status(400).json({ errors });
  const who = actorOf(req);
  if (body!.to === 'vendor-retired') {
    // The vendor may go only when nothing seen lately still needs it (issue 14 "Coverage"): 409 naming what does.
    const blocking = await options.controller.retirementBlockers(operation);
    if (blocking.length > 0) return void res.status(409).json({ errors: [retirementRefusal(blocking)], blocking });
  }
  if (body!.to !== undefined) {
    const reason = typeof body!.reason === 'string' ? body!.reason.slice(0, 200) : undefined;
    const moved = await options.controller.move(operation, { to: body!.to as MigrationStage, ...(typeof body!.percent === 'number' ? { percent: body!.percent } : {}), ...(reason === undefined ? {} : { reason }) }, who);
    if (!moved.ok) return void res.status(400).json({ errors: moved.error });
  }
  if (typeof body!.hold === 'boolean') {
    const held = await options.controller.setHold(operation, body!.hold, who);
    if (!held.ok) return void res.status(400).json({ errors: held.error });
  }
  res.json(options.controller.stateOf(operation));
}

/** The shadow feature's admin routes. */
export function createAdminShadowRoutes(options: AdminShadowOptions): AdminFeatureRoutes {
  const fail = (res: Response) => (error: unknown) => res.status(500).json({ error: `parity unavailable: ${error instanceof Error ? error.message : 'error'}` });
  return (app: Express) => {
    app.get('/admin/parity', (_req, res) => {
      options.flush().then(() => options.reader.parity()).then((body) => res.json(body), fail(res));
    });
    app.get('/admin/parity/:operation', (req, res) => {
      const operation = String(req.params.operation).toLowerCase();
      options.flush().then(() => options.reader.operation(operation)).then((body) => res.json(body), fail(res));
    });
    app.get('/admin/migration', (_req, res) => {
      res.json({ operations: options.controller.list() });
    });
    app.post('/admin/migration/:operation', (req, res) => {
      moveOperation(options, req, res).catch(fail(res));
    });
  };
}

/** Serves the dashboard page before the admin app's token check; everything else goes to `admin`. */
export function servePublicAdminPages(admin: RequestListener): RequestListener {
  const html = dashboardHtml();
  return (req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (req.method === 'GET' && (path === '/admin/dashboard' || path === '/admin/dashboard/')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html), 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'", 'x-frame-options': 'DENY' });
      res.end(html);
      return;
    }
    void admin(req, res);
  };
}
