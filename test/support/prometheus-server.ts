/**
 * A real Prometheus server (Debian's `prometheus`) on a spare loopback port, scraping one target
 * every second and evaluating rule files every second, with its data in a temporary directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { MetricsScrapeTarget } from './metrics-scrape-target';

/** A running Prometheus and its HTTP API. */
export interface PrometheusServer {
  readonly url: string;
  /** Instant query; throws on an API error (a bad expression included). */
  query(expr: string): Promise<PrometheusSeries[]>;
  /** Range query over [start, end] (seconds) at `step` seconds. */
  queryRange(expr: string, start: number, end: number, step: number): Promise<PrometheusSeries[]>;
  /** Resolves once the target has been scraped (Prometheus applies new targets up to 5 s late). */
  waitForFirstScrape(): Promise<void>;
  stop(): Promise<void>;
}

/** One series of a query answer: labels and [time, value] samples (one for instant queries). */
export interface PrometheusSeries {
  readonly metric: Record<string, string>;
  readonly values: readonly (readonly [number, number])[];
}

function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

function writeConfig(dir: string, target: MetricsScrapeTarget, ruleFiles: readonly string[]): string {
  const scrape: Record<string, unknown> = { job_name: 'understudy', metrics_path: target.path, static_configs: [{ targets: [target.hostPort] }] };
  if (target.bearerToken !== undefined) scrape.authorization = { type: 'Bearer', credentials: target.bearerToken };
  const file = join(dir, 'prometheus.yml');
  writeFileSync(file, stringify({ global: { scrape_interval: '1s', scrape_timeout: '900ms', evaluation_interval: '1s' }, rule_files: ruleFiles, scrape_configs: [scrape] }));
  return file;
}

async function waitReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}: ${log()}`);
    const ready = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`prometheus not ready after 45 s: ${log()}`);
}

function toSeries(result: { metric: Record<string, string>; value?: [number, string]; values?: [number, string][] }[]): PrometheusSeries[] {
  return result.map((r) => ({ metric: r.metric, values: (r.values ?? (r.value ? [r.value] : [])).map(([t, v]) => [t, Number(v)] as const) }));
}

async function callApi(url: string, path: string, params: Record<string, string>): Promise<PrometheusSeries[]> {
  const answer = await fetch(`${url}${path}`, { method: 'POST', body: new URLSearchParams(params) });
  const body = (await answer.json()) as { status: string; error?: string; data?: { resultType: string; result: any } };
  if (body.status !== 'success') throw new Error(`${params.query}: ${body.error ?? answer.status}`);
  if (body.data?.resultType === 'scalar') return [{ metric: {}, values: [[Number(body.data.result[0]), Number(body.data.result[1])]] }];
  return toSeries(body.data?.result ?? []);
}

/** Starts Prometheus scraping `target` and loading `ruleFiles`; stop() kills it and removes its data. */
export async function startPrometheus(target: MetricsScrapeTarget, ruleFiles: readonly string[]): Promise<PrometheusServer> {
  const dir = mkdtempSync(join(tmpdir(), 'understudy-prometheus-'));
  const config = writeConfig(dir, target, ruleFiles);
  const port = await sparePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('/usr/bin/prometheus', [`--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(url, child, () => stderr);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    url,
    query: (expr) => callApi(url, '/api/v1/query', { query: expr }),
    queryRange: (expr, start, end, step) => callApi(url, '/api/v1/query_range', { query: expr, start: String(start), end: String(end), step: String(step) }),
    waitForFirstScrape: async () => {
      const deadline = Date.now() + 30_000;
      while ((await callApi(url, '/api/v1/query', { query: 'up == 1' })).length === 0) {
        if (Date.now() > deadline) throw new Error(`no successful scrape within 30 s: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    stop,
  };
}
