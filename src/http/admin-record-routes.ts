/**
 * `POST /admin/record/start`, `POST /admin/record/stop`, `GET /admin/record` (docs/recording.md
 * "Admin API"): start a recording (optional JSON body `{ "sampleRate": 0.1 }`), stop it (queued
 * exchanges are written first), and read its state: files, counts, drops by reason.
 */
import type { Express, Request } from 'express';
import type { Recorder } from '../record/recorder';
import type { AdminFeatureRoutes } from './admin-app';

function readSampleRate(req: Request): { ok: true; value?: number } | { ok: false; error: string } {
  const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8').trim() : '';
  if (raw === '') return { ok: true };
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'body must be JSON, e.g. {"sampleRate":0.1}' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, error: 'body must be a JSON object' };
  const unknown = Object.keys(body).filter((k) => k !== 'sampleRate');
  if (unknown.length > 0) return { ok: false, error: `unknown field(s): ${unknown.join(', ')} (allowed: sampleRate)` };
  const rate = (body as { sampleRate?: unknown }).sampleRate;
  if (rate === undefined) return { ok: true };
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) return { ok: false, error: 'sampleRate must be a number from 0 to 1' };
  return { ok: true, value: rate };
}

/** The record routes; `recorder` is null when `record.dir` is not configured (409 then). */
export function recordAdminRoutes(recorder: Recorder | null): AdminFeatureRoutes {
  return (app: Express) => {
    const unavailable = { error: 'recording is not configured: set record.dir or UNDERSTUDY_RECORD_DIR' };
    app.get('/admin/record', (_req, res) => {
      if (recorder === null) res.status(409).json(unavailable);
      else res.json(recorder.status());
    });
    app.post('/admin/record/start', (req, res) => {
      if (recorder === null) return void res.status(409).json(unavailable);
      const rate = readSampleRate(req);
      if (!rate.ok) return void res.status(400).json({ error: rate.error });
      if (recorder.status().active) return void res.status(409).json({ error: 'a recording is already running; stop it first', ...recorder.status() });
      res.json(recorder.start(rate.value === undefined ? {} : { sampleRate: rate.value }));
    });
    app.post('/admin/record/stop', (_req, res) => {
      if (recorder === null) return void res.status(409).json(unavailable);
      recorder.stop().then(
        (status) => res.json(status),
        () => res.status(500).json({ error: 'stop failed' }),
      );
    });
  };
}
