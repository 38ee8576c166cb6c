/**
 * The replayer (issue 12): sends each recorded exchange, in the canonical form, to one target or
 * two, on the pacing schedule, keeping order per `orderKey` (a session's calls wait for the login
 * that minted its KS), with at most `concurrency` requests in flight. With two targets the answers
 * are diffed by the shared engine (src/shadow) and counted per operation. I/O is the `send` port.
 */
import { countCandidateError, countSample, emptyOperationCounts, redactSampleValue, type Difference, type OperationCounts } from '../shadow';
import { createReplayDiff } from './replay-rules';
import type { RecordedExchange } from './recording-format';
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

/** Pseudonyms of sessions an exchange's recorded answer minted (its later users wait for it). */
function producedSessions(exchange: RecordedExchange): string[] {
  const text = JSON.stringify(exchange.response.body ?? null);
  return [...new Set(text.match(/ks_[A-Za-z0-9_-]{16}/g) ?? [])];
}

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

function limitOf(tally: Tally, planned: number, achieved: number): string | null {
  if (!Number.isFinite(planned) || achieved >= planned * 0.95) return null;
  if (tally.waitedForSlot > tally.done * 0.05) return `the concurrency cap (${tally.waitedForSlot} of ${tally.done} requests waited for a free slot): raise --concurrency or the target is too slow`;
  if (tally.waitedForOrder > tally.done * 0.05) return `per-household order (${tally.waitedForOrder} of ${tally.done} requests waited for the previous call of their session)`;
  return 'the replayer itself (timers and CPU of this process could not start requests faster)';
}

/** Replays the exchanges (already in recorded order); resolves when every answer is in. */
export async function runReplay(exchanges: readonly RecordedExchange[], options: ReplayOptions): Promise<ReplayOutcome> {
  const now = options.now ?? (() => performance.now());
  const offsets = scheduleOffsets(exchanges, options.pace);
  const sessions = options.targets.map(() => createSessionMap(options.credentials ?? {}));
  const diffAnswers = createReplayDiff();
  const counts = new Map<string, OperationCounts>();
  const slots = createSlots(options.concurrency);
  const chains = new Map<string, Promise<void>>();
  const tally: Tally = { unmapped: 0, waitedForSlot: 0, waitedForOrder: 0, firstStart: 0, lastStart: 0, done: 0, errors: {} };
  const pending = new Set<Promise<void>>();
  const start = now();
  for (let i = 0; i < exchanges.length; i++) {
    const exchange = exchanges[i]!;
    const wait = start + offsets[i]! - now();
    if (wait >= 1) await sleep(wait);
    while (pending.size >= options.concurrency * 64) await Promise.race(pending);
    const previous = chains.get(exchange.orderKey);
    const task = (async () => {
      if (previous !== undefined) {
        const before = now();
        await previous;
        if (now() - before > 1) tally.waitedForOrder++;
      }
      if (await slots.acquire()) tally.waitedForSlot++;
      const startedAt = now();
      if (tally.done === 0 && tally.firstStart === 0) tally.firstStart = startedAt;
      tally.lastStart = Math.max(tally.lastStart, startedAt);
      try {
        const answers = await runOne(exchange, options, sessions, tally);
        if (answers.length === 2) {
          const differences = compareAnswers(counts, exchange, answers, diffAnswers);
          options.onCompared?.(exchange, answers, differences);
        }
      } finally {
        slots.release();
        tally.done++;
        options.onProgress?.(tally.done, exchanges.length);
      }
    })();
    const settled = task.catch(() => undefined);
    if (exchange.orderKey !== '') chains.set(exchange.orderKey, settled);
    for (const produced of producedSessions(exchange)) if (!chains.has(produced) || produced !== exchange.orderKey) chains.set(produced, settled);
    pending.add(settled);
    void settled.then(() => pending.delete(settled));
  }
  await Promise.all(pending);
  const span = tally.lastStart - tally.firstStart;
  const achieved = exchanges.length < 2 || span <= 0 ? 0 : ((exchanges.length - 1) * 1000) / span;
  const planned = plannedRate(offsets);
  return { sent: exchanges.length, transportErrors: tally.errors, unmappedSessions: tally.unmapped, elapsedMs: now() - start, plannedRate: planned, achievedRate: achieved, limitedBy: limitOf(tally, planned, achieved), counts };
}
