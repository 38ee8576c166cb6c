/**
 * The sync bench's write load in separate processes (bench/sync-bench.ts `--load-processes`): the
 * facade under test then does not share its CPU with the load generator, so the write rate is
 * offered, not limited by the process being measured. Each child sends `rate / processes` bookmark
 * writes per second (open loop) for the slice and prints its unsummarised slice as JSON.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import type { LoadRequest, LoadSlice } from './open-loop-load';

const assets = loadCatalog().vodAssets.slice(0, 50);

/** Request `i` of a bookmark load over `tokens` (one KS per writing user). */
export function bookmarkWrite(tokens: readonly string[], offset = 0): (i: number) => LoadRequest {
  return (index) => {
    const i = index + offset;
    const bookmark = { objectType: 'KalturaBookmark', id: String(assets[i % assets.length]!.vendorId), type: 'media', position: 1 + (i % 2000), playerData: { objectType: 'KalturaBookmarkPlayerData', action: 'PAUSE' } };
    return { method: 'POST', path: '/api_v3/service/bookmark/action/add', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ks: tokens[i % tokens.length], bookmark }) };
  };
}

/** What a child is told (argv[2], JSON). */
export interface ChildLoad {
  readonly origin: string;
  readonly rate: number;
  readonly durationMs: number;
  readonly tokens: readonly string[];
  readonly offset: number;
}

/** Slices sent at the same time by several processes, as one slice (elapsed = the longest). */
export function mergeConcurrent(slices: readonly LoadSlice[]): LoadSlice {
  return {
    sent: slices.reduce((n, s) => n + s.sent, 0),
    ok: slices.reduce((n, s) => n + s.ok, 0),
    errors: slices.reduce((n, s) => n + s.errors, 0),
    elapsedMs: Math.max(0, ...slices.map((s) => s.elapsedMs)),
    latencies: slices.flatMap((s) => s.latencies),
  };
}

function runChild(load: ChildLoad): Promise<LoadSlice> {
  const child = spawn(process.execPath, [join(__dirname, 'sync-load-child.js'), JSON.stringify(load)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadSlice) : reject(new Error(`load process exited with ${String(code)}`))));
  });
}

/** `rate` bookmark writes/s through `origin` for `durationMs`, split over `processes` child processes. */
export async function runLoadInProcesses(origin: string, rate: number, durationMs: number, tokens: readonly string[], processes: number): Promise<LoadSlice> {
  const share = rate / processes;
  const slices = await Promise.all(Array.from({ length: processes }, (_, p) => runChild({ origin, rate: share, durationMs, tokens, offset: p * 100_003 })));
  return mergeConcurrent(slices);
}
