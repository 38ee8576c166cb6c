import express, { type Express, type Request, type Response } from 'express';
import type { PolicyHolder } from '../policy/policy-holder';
import { requireBearer } from './admin-auth';
import { mountExplainRoute } from './admin-explain-routes';
import { mountPolicyRoutes, type AdminChange } from './admin-policy-routes';

/** What the admin API reports as status, gathered by the composition root. */
export interface AdminStatus {
  readonly policyVersion: number;
  readonly draining: boolean;
  readonly [key: string]: unknown;
}

export interface AdminAppOptions {
  readonly token: string;
  readonly policy: PolicyHolder;
  readonly status: () => AdminStatus | Promise<AdminStatus>;
  /** Every change, with who made it, what it was and its diff (the caller logs it). */
  readonly onChange: (change: AdminChange) => void;
  /** The Prometheus exposition served at `/metrics` (here, behind the token, never on the device port). */
  readonly metrics?: () => Promise<{ readonly contentType: string; readonly body: string }>;
  /** Feature route sets (sync, shadow, record, …), each mounted behind the same token; one file per feature. */
  readonly features?: readonly AdminFeatureRoutes[];
}

/** Mounts one feature's admin routes on the admin app (behind the bearer token, body as a raw Buffer). */
export type AdminFeatureRoutes = (app: Express) => void;

/**
 * The admin API on its own port, behind a bearer token (docs/architecture.md §4): the policy routes
 * (admin-policy-routes.ts), explain, status with the kill switches, `/metrics`, and feature routes.
 */
export function createAdminApp(options: AdminAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requireBearer(options.token));
  app.use(express.raw({ type: () => true, limit: '1mb' }));
  mountPolicyRoutes(app, { policy: options.policy, onChange: options.onChange });
  mountExplainRoute(app, options.policy);
  app.get('/admin/status', (_req, res) => {
    Promise.resolve(options.status()).then(
      (status) => res.json({ ...status, killSwitch: options.policy.current().document.killSwitch }),
      () => res.status(500).json({ error: 'status unavailable' }),
    );
  });
  const renderMetrics = options.metrics;
  if (renderMetrics !== undefined) {
    app.get('/metrics', (_req, res) => {
      renderMetrics().then(
        (rendered) => res.status(200).type(rendered.contentType).send(rendered.body),
        () => res.status(500).json({ error: 'metrics unavailable' }),
      );
    });
  }
  for (const mount of options.features ?? []) mount(app);
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  // Body parser failures (too large, bad encoding) answer JSON, never express's HTML page.
  app.use((error: { status?: number; message?: string }, _req: Request, res: Response, _next: express.NextFunction) => {
    res.status(error.status ?? 400).json({ error: error.message ?? 'bad request' });
  });
  return app;
}
