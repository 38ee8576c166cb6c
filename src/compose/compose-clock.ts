/**
 * One clock rule for the facade and the sims (docs/operations.md "Clock"): lab time whenever a
 * sim is involved, the wall clock otherwise. `clock: auto` (the default with both upstream URLs
 * set) asks each configured upstream for `GET /__sim/health`: if one is a sim the facade runs on
 * lab time and takes the sim's current time, so KS and token lifetimes agree to the second; if
 * none is, the wall clock. Whatever the mode, an upstream sim whose time differs by more than a
 * minute is logged as a warning, with the fix.
 */
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import type { UnderstudyConfig } from '../config/config-types';
import { OffsetClock } from '../core/clock';
import { createLabClock } from '../core/lab-clock';
import type { FacadeLogger } from '../metrics/logger';
import { loadCatalogDemo } from '../sim/catalog/load-catalog';

/** A configured upstream that answered as a sim, with its time. */
interface SimTime {
  readonly url: string;
  readonly nowSec: number;
  /**
   * The sim's time minus this process's wall clock, in ms, read at the midpoint of the probe's round
   * trip; undefined when the sim reports whole seconds only.
   */
  readonly offsetMs?: number;
}

/** Differences up to this are start-up jitter, not a misconfiguration. */
const toleranceSec = 60;

/** GET `/__sim/health` on a fresh connection (1 s budget); undefined unless it answers as a sim. */
function probeSim(url: string): Promise<SimTime | undefined> {
  return new Promise((resolve) => {
    const target = new URL('/__sim/health', url);
    const sentMs = Date.now();
    const request = (target.protocol === 'https:' ? httpsGet : httpGet)(target, { agent: false, timeout: 1000 }, (answer) => {
      let text = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => (text = (text + chunk).slice(0, 4096)));
      answer.on('end', () => resolve(answer.statusCode === 200 ? readSimTime(url, text, (sentMs + Date.now()) / 2) : undefined));
      answer.on('error', () => resolve(undefined));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}

function readSimTime(url: string, text: string, midpointMs: number): SimTime | undefined {
  try {
    const body = JSON.parse(text) as { status?: unknown; now?: unknown; nowMs?: unknown };
    if (body.status !== 'ok' || typeof body.now !== 'number') return undefined;
    return typeof body.nowMs === 'number' && Number.isFinite(body.nowMs) ? { url, nowSec: body.now, offsetMs: Math.round(body.nowMs - midpointMs) } : { url, nowSec: body.now };
  } catch {
    return undefined;
  }
}

/** The resolved clock and the mode it runs in. */
export interface ResolvedClock {
  readonly clock: OffsetClock;
  readonly mode: 'lab' | 'system';
}

/** Resolves the configured clock mode against the configured upstreams and warns about disagreement. */
export async function resolveClock(config: UnderstudyConfig, logger: FacadeLogger): Promise<ResolvedClock> {
  const urls = [config.vendor.url, config.platform.url].filter((u): u is string => u !== undefined);
  const sims = (await Promise.all(urls.map(probeSim))).filter((s): s is SimTime => s !== undefined);
  const mode = config.clock === 'auto' ? (sims.length > 0 ? 'lab' : 'system') : config.clock;
  const clock = mode === 'lab' ? createLabClock(loadCatalogDemo(config.lab.catalogDir).baseTime) : new OffsetClock();
  // Lab time is the sims' time: a facade joining running sims takes theirs, to the millisecond when
  // the sim reports it, so instances on one lab agree closely enough for the sync's clock (docs/sync.md).
  if (mode === 'lab' && sims[0] !== undefined) clock.setOffsetSeconds(labOffsetSeconds(sims[0]));
  warnAboutMismatch(clock, mode, sims, logger);
  return { clock, mode };
}

/** The offset that makes this process's clock read the sim's time. */
function labOffsetSeconds(sim: SimTime): number {
  return sim.offsetMs === undefined ? sim.nowSec - Math.floor(Date.now() / 1000) : sim.offsetMs / 1000;
}

function warnAboutMismatch(clock: OffsetClock, mode: string, sims: readonly SimTime[], logger: FacadeLogger): void {
  const nowSec = Math.floor(clock.nowMs() / 1000);
  for (const sim of sims) {
    const differenceSec = sim.nowSec - nowSec;
    if (Math.abs(differenceSec) <= toleranceSec) continue;
    logger.warn(
      { event: 'clock_mismatch', upstream: sim.url, facadeClock: mode, facadeNow: new Date(nowSec * 1000).toISOString(), upstreamNow: new Date(sim.nowSec * 1000).toISOString(), differenceSec },
      `the clock of ${sim.url} differs from understudy's by ${differenceSec} s: KS and tokens will look expired or not yet valid; run both on the same clock (UNDERSTUDY_CLOCK / --clock, default lab time for the lab)`,
    );
  }
}
