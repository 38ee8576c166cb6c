/**
 * The replayer (issue 12): sends each recorded exchange, in the canonical form, to one target or
 * two, on the pacing schedule, keeping per-household order (replay-order.ts: a call waits for the
 * previous call of its household, session, device and user, so a session's calls wait for the
 * login that minted its KS), with at most `concurrency` requests in flight. With two targets the
 * answers are diffed by the shared engine (src/shadow) and counted per operation. I/O is the `send` port.
 */
import { randomBytes } from 'node:crypto';
import { countCandidateError, countSample, emptyOperationCounts, redactSampleValue, type Difference, type OperationCounts } from '../shadow';
import { createReplayDiff } from './replay-rules';
import type { RecordedExchange } from './recording-format';
import { mintPlannedKs, mintPlanOf, successfulLogins, type PartnerSecret } from './replay-logins';
import { orderKeysOf } from './replay-order';
import { createSessionMap, type SessionMap } from './replay-sessions';
import { plannedRate, scheduleOffsets, type Pace } from './replay-pacing';

/** One answer from a target; `error` when the request failed at the transport. */
export type TargetAnswer = { readonly status: number; readonly text: string; readonly ms: number } | { readonly error: string; readonly ms: number };

export interface ReplayTarget {
  readonly name: string;
  send(path: string, params: Readonly<Record<string, unknown>>): Promise<TargetAnswer>;
}

export interface ReplayOptions {
  readonly targets: readonly ReplayTarget[];
  readonly pace: Pace;
  readonly concurrency: number;
  readonly credentials?: Readonly<Record<string, string>>;
  /** Mint a KS for recorded logins of users without credentials instead of sending them. */
  readonly partner?: PartnerSecret;
  readonly onProgress?: (done: number, total: number) => void;
  /** With two targets: each exchange's answers and differences (the QA diff builds its report from these). */
  readonly onCompared?: (exchange: RecordedExchange, answers: readonly TargetAnswer[], differences: readonly Difference[]) => void;
  readonly now?: () => number;
}

export interface ReplayOutcome {
  readonly sent: number;
  readonly transportErrors: Readonly<Record<string, number>>;
  /** Requests that carried a session pseudonym no replayed login had mapped (sent unchanged). */
  readonly unmappedSessions: number;
  /** Recorded logins not sent: their KS was minted with the partner secret. */
  readonly mintedSessions: number;
  readonly elapsedMs: number;
  readonly plannedRate: number;
  /** Request starts per second over the replay (first start to last start). */
  readonly achievedRate: number;
  /** What held the rate back, when it fell more than 5 % short; null otherwise. */
  readonly limitedBy: string | null;
  /** Per operation, two targets only: first target as primary, second as candidate. */
  readonly counts: ReadonlyMap<string, OperationCounts>;
}

interface Tally {
  unmapped: number;
  minted: number;
  waitedForSlot: number;
  waitedForOrder: number;
  firstStart: number;
  lastStart: number;
  done: number;
  readonly errors: Record<string, number>;
}

function createSlots(limit: number): { acquire(): Promise<boolean>; release(): void } {
  let free = limit;
  const waiting: (() => void)[] = [];
  return {
    acquire: () => {
      if (free > 0) {
        free--;
        return Promise.resolve(false);
      }
      return new Promise<boolean>((resolve) => waiting.push(() => resolve(true)));
    },
    release: () => {
      const next = waiting.shift();
      if (next !== undefined) next();
      else free++;
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function compareAnswers(counts: Map<string, OperationCounts>, exchange: RecordedExchange, answers: readonly TargetAnswer[], diffAnswers: ReturnType<typeof createReplayDiff>): Difference[] {
  const [a, b] = answers as [TargetAnswer, TargetAnswer];
  let entry = counts.get(exchange.operation);
  if (entry === undefined) counts.set(exchange.operation, (entry = emptyOperationCounts(exchange.operation, 'replay')));
  if ('error' in a || 'error' in b) {
    countCandidateError(entry);
    return [];
  }
  const diff = diffAnswers(a.text, b.text, exchange.operation, exchange.subCalls);
  const differences: Difference[] = [...diff.differences];
  if (a.status !== b.status) differences.unshift({ pointer: '', field: '(http status)', kind: 'value', primary: a.status, candidate: b.status });
  countSample(entry, {
    differences,
    primaryMs: a.ms,
    candidateMs: b.ms,
    example: () => ({ differences, primary: redactSampleValue(diff.primary.value), candidate: redactSampleValue(diff.candidate.value), request: { path: exchange.request.path, params: exchange.request.params, seq: exchange.seq }, atMs: exchange.at }),
  });
  return differences;
}

async function runOne(exchange: RecordedExchange, options: ReplayOptions, sessions: readonly SessionMap[], tally: Tally): Promise<TargetAnswer[]> {
  return Promise.all(options.targets.map(async (target, i) => {
    const { params, unmapped } = sessions[i]!.rewrite(exchange.request.params ?? {});
    if (i === 0) tally.unmapped += unmapped === 0 ? 0 : 1;
    const answer = await target.send(exchange.request.path, params);
    if ('error' in answer) tally.errors[target.name] = (tally.errors[target.name] ?? 0) + 1;
    else sessions[i]!.learn(exchange.response.body, parseJson(answer.text));
    return answer;
  }));
}

/** With a partner secret: a recorded login of a user without credentials becomes a minted KS (not sent). */
function mintInstead(exchange: RecordedExchange, options: ReplayOptions, sessions: readonly SessionMap[], tally: Tally): boolean {
  if (options.partner === undefined) return false;
  const plan = mintPlanOf(exchange, options.credentials ?? {});
  if (plan === null) return false;
  const ks = mintPlannedKs(plan, options.partner, Math.floor(Date.now() / 1000), randomBytes(12).toString('hex'));
  for (const map of sessions) map.teach(plan.recordedKs, ks);
  tally.minted++;
  return true;
}

interface Shared {
  readonly options: ReplayOptions;
  readonly sessions: readonly SessionMap[];
  readonly counts: Map<string, OperationCounts>;
  readonly diffAnswers: ReturnType<typeof createReplayDiff>;
  readonly slots: ReturnType<typeof createSlots>;
  readonly tally: Tally;
  readonly total: number;
  readonly now: () => number;
}

/** One exchange: waits for its predecessors (household order), then a slot, then sends and diffs. */
async function replayExchange(exchange: RecordedExchange, predecessors: readonly Promise<void>[], shared: Shared): Promise<void> {
  const { options, tally, now } = shared;
  if (predecessors.length > 0) {
    const before = now();
    await Promise.all(predecessors);
    if (now() - before > 1) tally.waitedForOrder++;
  }
  if (await shared.slots.acquire()) tally.waitedForSlot++;
  const startedAt = now();
  if (tally.done === 0 && tally.firstStart === 0) tally.firstStart = startedAt;
  tally.lastStart = Math.max(tally.lastStart, startedAt);
  try {
    if (mintInstead(exchange, options, shared.sessions, tally)) return;
    const answers = await runOne(exchange, options, shared.sessions, tally);
    if (answers.length === 2) {
      const differences = compareAnswers(shared.counts, exchange, answers, shared.diffAnswers);
      options.onCompared?.(exchange, answers, differences);
    }
  } finally {
    shared.slots.release();
    tally.done++;
    options.onProgress?.(tally.done, shared.total);
  }
}

function limitOf(tally: Tally, planned: number, achieved: number): string | null {
  if (!Number.isFinite(planned) || achieved >= planned * 0.95) return null;
  if (tally.waitedForSlot > tally.done * 0.05) return `the concurrency cap (${tally.waitedForSlot} of ${tally.done} requests waited for a free slot): raise --concurrency or the target is too slow`;
  if (tally.waitedForOrder > tally.done * 0.05) return `per-household order (${tally.waitedForOrder} of ${tally.done} requests waited for the previous call of their household or session)`;
  return 'the replayer itself (timers and CPU of this process could not start requests faster)';
}

/** Replays the exchanges (already in recorded order); resolves when every answer is in. */
export async function runReplay(exchanges: readonly RecordedExchange[], options: ReplayOptions): Promise<ReplayOutcome> {
  const now = options.now ?? (() => performance.now());
  const offsets = scheduleOffsets(exchanges, options.pace);
  const keys = orderKeysOf(exchanges);
  const good = successfulLogins(exchanges);
  const sessions = options.targets.map(() => createSessionMap(options.credentials ?? {}, { successfulLogins: good }));
  const tally: Tally = { unmapped: 0, minted: 0, waitedForSlot: 0, waitedForOrder: 0, firstStart: 0, lastStart: 0, done: 0, errors: {} };
  const shared: Shared = { options, sessions, counts: new Map(), diffAnswers: createReplayDiff(), slots: createSlots(options.concurrency), tally, total: exchanges.length, now };
  const chains = new Map<string, Promise<void>>();
  const pending = new Set<Promise<void>>();
  const start = now();
  for (let i = 0; i < exchanges.length; i++) {
    const wait = start + offsets[i]! - now();
    if (wait >= 1) await sleep(wait);
    while (pending.size >= options.concurrency * 64) await Promise.race(pending);
    const predecessors = [...new Set(keys[i]!.map((key) => chains.get(key)).filter((p): p is Promise<void> => p !== undefined))];
    const settled = replayExchange(exchanges[i]!, predecessors, shared).catch(() => undefined);
    for (const key of keys[i]!) chains.set(key, settled);
    pending.add(settled);
    void settled.then(() => pending.delete(settled));
  }
  await Promise.all(pending);
  const span = tally.lastStart - tally.firstStart;
  const achieved = exchanges.length < 2 || span <= 0 ? 0 : ((exchanges.length - 1) * 1000) / span;
  const planned = plannedRate(offsets);
  return { sent: exchanges.length - tally.minted, transportErrors: tally.errors, unmappedSessions: tally.unmapped, mintedSessions: tally.minted, elapsedMs: now() - start, plannedRate: planned, achievedRate: achieved, limitedBy: limitOf(tally, planned, achieved), counts: shared.counts };
}
