import express, { type Express, type Request, type Response } from 'express';
import type { PolicyHolder, PolicyVersion } from '../policy/policy-holder';
import { parsePolicyText } from '../policy/policy-file';
import { actorOf, requireBearer } from './admin-auth';

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
  /** Every change, with who made it and what it was (the caller logs it). */
  readonly onChange: (change: { who: string; what: string; version?: number; errors?: readonly string[] }) => void;
  /** The Prometheus exposition served at `/metrics` (here, behind the token, never on the device port). */
  readonly metrics?: () => Promise<{ readonly contentType: string; readonly body: string }>;
  /** Feature route sets (sync, shadow, record, …), each mounted behind the same token; one file per feature. */
  readonly features?: readonly AdminFeatureRoutes[];
}

/** Mounts one feature's admin routes on the admin app (behind the bearer token, body as a raw Buffer). */
export type AdminFeatureRoutes = (app: Express) => void;

function describeVersion(v: PolicyVersion): Record<string, unknown> {
  return { version: v.version, author: v.author, at: new Date(v.atMs).toISOString(), document: v.document };
}

function readPolicyBody(req: Request): ReturnType<typeof parsePolicyText> {
  const type = req.headers['content-type'] ?? '';
  const text = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
  return parsePolicyText(type.includes('json') ? 'policy.json' : 'policy.yaml', text);
}

function expectedVersion(req: Request): number | undefined {
  const match = /^"?(\d+)"?$/.exec(req.headers['if-match'] ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * The admin API on its own port, behind a bearer token (design.md §4): read and replace the policy
 * (JSON or YAML; `If-Match: <version>` refuses a change made against a stale version), flip kill
 * switches, read status. Every change is reported with who and what.
 */
export function createAdminApp(options: AdminAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requireBearer(options.token));
  app.use(express.raw({ type: () => true, limit: '1mb' }));
  app.get('/admin/policy', (_req, res) => {
    res.json(describeVersion(options.policy.current()));
  });
  app.get('/admin/policy/history', (_req, res) => {
    res.json({ versions: options.policy.history().map(describeVersion) });
  });
  app.put('/admin/policy', (req, res) => {
    const who = actorOf(req);
    const parsed = readPolicyBody(req);
    const version = expectedVersion(req);
    const replaced = parsed.ok ? options.policy.replace(parsed.value, who, version === undefined ? {} : { expectedVersion: version }) : parsed;
    if (!replaced.ok) {
      options.onChange({ who, what: 'policy replace rejected', errors: replaced.error });
      res.status(version !== undefined && replaced.error[0]?.startsWith('the active version') ? 409 : 400).json({ errors: replaced.error });
      return;
    }
    options.onChange({ who, what: 'policy replaced', version: replaced.value.version });
    res.json(replaced.value);
  });
  app.post('/admin/kill-switch', (req: Request, res: Response) => {
    const who = actorOf(req);
    let body: { on?: unknown; operation?: unknown; global?: unknown } = {};
    try {
      body = JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') || '{}' : '{}') as typeof body;
    } catch {
      res.status(400).json({ errors: ['body must be JSON: {"on": true, "operation"?: "asset.get"}'] });
      return;
    }
    const on = body.on !== false;
    const operation = typeof body.operation === 'string' ? body.operation : undefined;
    const change = operation === undefined ? { global: true, on } : { operation, on };
    const result = options.policy.setKillSwitch(change, who);
    if (!result.ok) {
      res.status(400).json({ errors: result.error });
      return;
    }
    options.onChange({ who, what: `kill switch ${operation ?? 'global'} ${on ? 'on' : 'off'}`, version: result.value.version });
    res.json(result.value);
  });
  app.get('/admin/status', (_req, res) => {
    Promise.resolve(options.status()).then(
      (status) => res.json(status),
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
