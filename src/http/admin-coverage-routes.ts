import type { CoverageReport } from '../metrics/coverage-tally';
import type { AdminFeatureRoutes } from './admin-app';

/**
 * `GET /admin/coverage[?days=N]`: every operation traffic used (all instances, from the store's day
 * counts), translated and passed-through counts, and those still without a translator (issue 14
 * "Coverage"). `days` keeps only the days with calls in the last N days.
 */
export function coverageAdminRoutes(report: (sinceMs?: number) => Promise<CoverageReport>, nowMs: () => number): AdminFeatureRoutes {
  return (app) => {
    app.get('/admin/coverage', (req, res) => {
      const text = typeof req.query.days === 'string' ? req.query.days : undefined;
      const days = text === undefined ? undefined : Number(text);
      if (days !== undefined && (!Number.isFinite(days) || days < 0 || days > 3650)) {
        res.status(400).json({ errors: ['days must be a number of days between 0 and 3650'] });
        return;
      }
      report(days === undefined ? undefined : nowMs() - days * 86_400_000).then(
        (body) => res.json(body),
        (error: unknown) => res.status(503).json({ errors: [`coverage unavailable: ${error instanceof Error ? error.message : 'store error'}`] }),
      );
    });
  };
}
