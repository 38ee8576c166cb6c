/**
 * Reads a V8 `.cpuprofile` (node --cpu-prof) and a `--trace-gc-nvp` log and sums them into what
 * bench/README.md's hot-path tables show: self time by function and by where the code lives, and
 * bytes promoted per scavenge.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly startTime: number;
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** One line of a summary: a function or an area, its share of the sampled (non-idle) time. */
export interface ProfileLine {
  readonly name: string;
  readonly selfMs: number;
  readonly share: number;
}

/** Where a frame's code lives: understudy's own folders, a dependency, or the runtime. */
export function areaOf(url: string, functionName: string): string {
  if (url === '') return functionName === '(garbage collector)' ? 'gc' : `runtime ${functionName || '(anonymous)'}`;
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency !== null) return `dependency ${dependency[1]}`;
  const own = /dist\/src\/([^/]+)\//.exec(url);
  if (own !== null) return `src/${own[1]}`;
  if (url.startsWith('node:')) return `node ${url.slice(5).split('/')[0]}`;
  return url;
}

function shortUrl(url: string): string {
  const at = url.lastIndexOf('/dist/');
  if (at >= 0) return url.slice(at + 6);
  const dependency = url.lastIndexOf('node_modules/');
  return dependency >= 0 ? url.slice(dependency + 13) : url;
}

/** Milliseconds since the process started (approximately: since the profile started). */
export interface TimeWindow {
  readonly fromMs: number;
  readonly toMs: number;
}

function selfTimes(profile: CpuProfile, window: TimeWindow): { byNode: Map<number, number>; totalMs: number } {
  const byNode = new Map<number, number>();
  let totalMs = 0;
  let atMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    atMs += ms;
    if (atMs < window.fromMs || atMs > window.toMs) continue;
    byNode.set(profile.samples[i]!, (byNode.get(profile.samples[i]!) ?? 0) + ms);
  }
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const [id, ms] of byNode) if (nodes.get(id)?.callFrame.functionName !== '(idle)') totalMs += ms;
  return { byNode, totalMs };
}

function top(totals: Map<string, number>, totalMs: number, limit: number): ProfileLine[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, selfMs]) => ({ name, selfMs, share: selfMs / totalMs }));
}

/** Busy (non-idle) self time within `window`, by function and by area, largest first. */
export function summariseCpuProfile(file: string, window: TimeWindow, limit = 40): { busyMs: number; functions: ProfileLine[]; areas: ProfileLine[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const { byNode, totalMs } = selfTimes(profile, window);
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = byNode.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (ms === 0 || functionName === '(idle)') continue;
    const fn = `${functionName || '(anonymous)'} ${url === '' ? '' : `${shortUrl(url)}:${lineNumber + 1}`}`.trim();
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
  }
  return { busyMs: totalMs, functions: top(functions, totalMs, limit), areas: top(areas, totalMs, limit) };
}

/** Scavenges within `window` of a `--trace-gc-nvp` log: how many, mean bytes promoted each, mean pause. */
export function summariseGcLog(
  text: string,
  window: TimeWindow,
): { scavenges: number; promotedKiBPerScavenge: number; pauseMsPerScavenge: number; markCompacts: number; promotedBytes: number } {
  let scavenges = 0;
  let promoted = 0;
  let pause = 0;
  let markCompacts = 0;
  for (const line of text.split('\n')) {
    const atMs = Number(/\]\s+(\d+) ms:/.exec(line)?.[1] ?? NaN);
    if (!(atMs >= window.fromMs && atMs <= window.toMs)) continue;
    if (line.includes('gc=ms') || line.includes('gc=mc')) markCompacts++;
    if (!line.includes('gc=s ')) continue;
    scavenges++;
    promoted += Number(/ promoted=(\d+)/.exec(line)?.[1] ?? 0);
    pause += Number(/pause=([\d.]+)/.exec(line)?.[1] ?? 0);
  }
  const perScavenge = (value: number): number => (scavenges === 0 ? 0 : value / scavenges);
  return { scavenges, promotedKiBPerScavenge: perScavenge(promoted) / 1024, pauseMsPerScavenge: perScavenge(pause), markCompacts, promotedBytes: promoted };
}
