/**
 * Replay pacing (issue 12): at the recorded pace divided by a speed factor (`--speed 4` = four
 * times as fast), or at a fixed rate (`--rate 500` requests a second). Pure: offsets in ms from
 * the start of the replay, one per exchange, in recorded order.
 */
import type { RecordedExchange } from './recording-format';

export type Pace = { readonly kind: 'speed'; readonly factor: number } | { readonly kind: 'rate'; readonly perSecond: number };

/** When each exchange is due, in ms after the replay starts. */
export function scheduleOffsets(exchanges: readonly RecordedExchange[], pace: Pace): number[] {
  if (exchanges.length === 0) return [];
  if (pace.kind === 'rate') return exchanges.map((_, i) => (i * 1000) / pace.perSecond);
  const first = exchanges[0]!.at;
  return exchanges.map((e) => Math.max(0, e.at - first) / pace.factor);
}

/** The rate the schedule asks for (requests a second), for the achieved-vs-target report. */
export function plannedRate(offsets: readonly number[]): number {
  if (offsets.length < 2) return 0;
  const span = offsets[offsets.length - 1]! - offsets[0]!;
  return span <= 0 ? Number.POSITIVE_INFINITY : ((offsets.length - 1) * 1000) / span;
}

/** Exchanges in recorded order (by `at`, then `seq`), from any number of files. */
export function orderExchanges(exchanges: readonly RecordedExchange[]): RecordedExchange[] {
  return [...exchanges].sort((a, b) => a.at - b.at || a.seq - b.seq);
}
