import type { CoverageReport } from '../metrics/coverage-tally';
import type { AdminFeatureRoutes } from './admin-app';

/**
 * `GET /admin/coverage[?days=N]`: every operation traffic used on this instance, translated and
 * passed-through counts, and those still without a translator (issue 14 "Coverage"). `days`
 * keeps only operations seen in the last N days.
 */
export function coverageAdminRoutes(report: (sinceMs?: number) => CoverageReport, nowMs: () => number): AdminFeatureRoutes {
  return (app) => {
    app.get('/admin/coverage', (req, res) => {
      const text = typeof req.query.days === 'string' ? req.query.days : undefined;
      const days = text === undefined ? undefined : Number(text);
      if (days !== undefined && (!Number.isFinite(days) || days < 0 || days > 3650)) {
        res.status(400).json({ errors: ['days must be a number of days between 0 and 3650'] });
        return;
      }
      res.json(report(days === undefined ? undefined : nowMs() - days * 86_400_000));
    });
  };
}
