/**
 * The recorder's state (issue 12): on or off, sampling, a bounded queue between the facade tap and
 * the writer, and counted drops. The tap only ever calls `wants()` and `offer()`, both O(1) and
 * synchronous, so a slow or full disk never slows or fails the primary: it fills the queue and
 * further exchanges are dropped and counted (docs/recording.md "Caps and drops").
 */
import { buildRecordedExchange, type CapturedExchange } from './build-exchange';
import { createPseudonymizer } from './pseudonymizer';
import { createRedactor, type Redactor } from './redact-value';

/** Where lines go; the file implementation (rotation, caps) lives in src/compose. */
export interface RecordingSink {
  /** Appends NDJSON text; resolves when written. `false`: the size cap is reached, nothing more fits. */
  append(text: string): Promise<boolean>;
  close(): Promise<void>;
  readonly files: () => readonly string[];
}

export type DropReason = 'queue_full' | 'too_large' | 'size_cap' | 'write_failed';

export interface RecorderOptions {
  readonly sampleRate: number;
  readonly queueEntries: number;
  readonly queueBytes: number;
  readonly maxExchangeBytes: number;
  readonly redactPaths: readonly string[];
  readonly openSink: (recordingId: string) => RecordingSink;
  readonly now?: () => number;
  readonly random?: () => number;
}

export interface RecorderStatus {
  readonly active: boolean;
  readonly recordingId: string | null;
  readonly sampleRate: number;
  readonly recorded: number;
  readonly queued: number;
  readonly dropped: Readonly<Record<DropReason, number>>;
  readonly files: readonly string[];
}

interface Session {
  readonly id: string;
  readonly sink: RecordingSink;
  readonly redactor: Redactor;
  sampleRate: number;
  seq: number;
  stopped: boolean;
  sinkDone: boolean;
}

/** The recorder the tap, the admin routes and the writer share. */
export interface Recorder {
  /** Cheap check before capturing anything: recording on and this request sampled. */
  wants(): boolean;
  /** Hands over a captured exchange (never blocks, never throws). */
  offer(captured: CapturedExchange, bytes: number): void;
  start(options?: { sampleRate?: number }): RecorderStatus;
  /** Stops, writes what is queued, closes the files. */
  stop(): Promise<RecorderStatus>;
  status(): RecorderStatus;
}

function zeroDrops(): Record<DropReason, number> {
  return { queue_full: 0, too_large: 0, size_cap: 0, write_failed: 0 };
}

function recordingIdAt(ms: number): string {
  return `rec-${new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Builds a recorder (off until started). */
export function createRecorder(options: RecorderOptions): Recorder {
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const queue: { captured: CapturedExchange; bytes: number }[] = [];
  let queuedBytes = 0;
  let session: Session | null = null;
  let lastFiles: readonly string[] = [];
  let recorded = 0;
  let dropped = zeroDrops();
  let draining: Promise<void> = Promise.resolve();
  let drainScheduled = false;

  const drop = (reason: DropReason, count = 1): void => {
    dropped[reason] += count;
  };

  async function drainOnce(current: Session): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, 256);
      for (const item of batch) queuedBytes -= item.bytes;
      if (current.sinkDone) {
        drop('size_cap', batch.length);
        continue;
      }
      const lines = batch.map((item) => JSON.stringify(buildRecordedExchange(item.captured, ++current.seq, current.redactor)) + '\n').join('');
      try {
        if (await current.sink.append(lines)) recorded += batch.length;
        else {
          current.sinkDone = true;
          drop('size_cap', batch.length);
        }
      } catch {
        current.sinkDone = true;
        drop('write_failed', batch.length);
      }
    }
  }

  const scheduleDrain = (current: Session): void => {
    if (drainScheduled) return;
    drainScheduled = true;
    draining = draining.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(async () => {
      drainScheduled = false;
      await drainOnce(current);
    });
  };

  const status = (): RecorderStatus => ({
    active: session !== null && !session.stopped,
    recordingId: session?.id ?? null,
    sampleRate: session?.sampleRate ?? options.sampleRate,
    recorded,
    queued: queue.length,
    dropped: { ...dropped },
    files: session?.sink.files() ?? lastFiles,
  });

  return {
    wants: () => session !== null && !session.stopped && (session.sampleRate >= 1 || random() < session.sampleRate),
    offer(captured, bytes) {
      const current = session;
      if (current === null || current.stopped) return;
      if (bytes > options.maxExchangeBytes) return drop('too_large');
      if (queue.length >= options.queueEntries || queuedBytes + bytes > options.queueBytes) return drop('queue_full');
      queue.push({ captured, bytes });
      queuedBytes += bytes;
      scheduleDrain(current);
    },
    start(startOptions = {}) {
      if (session !== null && !session.stopped) return status();
      const id = recordingIdAt(now());
      recorded = 0;
      dropped = zeroDrops();
      session = { id, sink: options.openSink(id), redactor: createRedactor(createPseudonymizer(), options.redactPaths), sampleRate: startOptions.sampleRate ?? options.sampleRate, seq: 0, stopped: false, sinkDone: false };
      return status();
    },
    async stop() {
      const current = session;
      if (current === null || current.stopped) return status();
      current.stopped = true;
      await draining;
      await drainOnce(current);
      await current.sink.close().catch(() => undefined);
      lastFiles = current.sink.files();
      return status();
    },
    status,
  };
}
