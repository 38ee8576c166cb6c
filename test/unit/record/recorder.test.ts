/** The recorder's queue (docs/recording.md "Caps and drops"): bounded, never blocking, drops counted. */
import type { CapturedExchange } from '../../../src/record/build-exchange';
import { createRecorder, type RecordingSink } from '../../../src/record/recorder';
import { parseRecordedLine } from '../../../src/record/recording-format';
import { exportHar } from '../../../src/record/har-export';

function captured(i: number): CapturedExchange {
  return {
    at: 1_700_000_000_000 + i,
    durationMs: 1.5,
    method: 'POST',
    url: '/api_v3/service/asset/action/get',
    contentType: 'application/json',
    requestBody: JSON.stringify({ ks: 'djJ8MzE5N3xsecretsecretsecret', id: String(i) }),
    status: 200,
    responseContentType: 'application/json',
    responseBody: JSON.stringify({ result: { id: i }, executionTime: 0.1 }),
    operation: 'asset.get',
    routing: { kind: 'executed', target: 'platform', outcome: 'ok' },
  };
}

/** A sink that holds every append until released (a stalled disk). */
function stalledSink(): { sink: RecordingSink; lines: string[]; release: () => void } {
  const lines: string[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    lines,
    release: () => release(),
    sink: { append: async (text) => { await gate; lines.push(...text.split('\n').filter(Boolean)); return true; }, close: () => Promise.resolve(), files: () => ['mem'] },
  };
}

const limits = { sampleRate: 1, queueEntries: 50, queueBytes: 1_000_000, maxExchangeBytes: 10_000, redactPaths: [] };

describe('createRecorder', () => {
  it('keeps offering O(1) while the disk is stalled, drops beyond the queue and counts them', async () => {
    const stalled = stalledSink();
    const recorder = createRecorder({ ...limits, openSink: () => stalled.sink });
    recorder.start();
    await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 400; i++) recorder.offer(captured(i), 200);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const during = recorder.status();
    expect(during.dropped.queue_full).toBeGreaterThan(0);
    stalled.release();
    const stopped = await recorder.stop();
    expect(stopped.recorded + stopped.dropped.queue_full).toBe(400);
    expect(stalled.lines).toHaveLength(stopped.recorded);
    const first = parseRecordedLine(stalled.lines[0]!);
    expect(first.ok && first.exchange.request.params?.ks).toMatch(/^ks_/);
    expect(first.ok && first.exchange.seq).toBe(1);
  });

  it('drops oversized exchanges, counts size-cap and write failures, and samples', async () => {
    let appends = 0;
    const recorder = createRecorder({ ...limits, sampleRate: 0, openSink: () => ({ append: () => Promise.resolve(++appends === 1), close: () => Promise.resolve(), files: () => [] }) });
    recorder.start();
    expect(recorder.wants()).toBe(false);
    recorder.offer(captured(0), 20_000);
    recorder.offer(captured(1), 100);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    recorder.offer(captured(2), 100);
    const stopped = await recorder.stop();
    expect(stopped.dropped.too_large).toBe(1);
    expect(stopped.recorded).toBe(1);
    expect(stopped.dropped.size_cap).toBe(1);
    const failing = createRecorder({ ...limits, openSink: () => ({ append: () => Promise.reject(new Error('ENOSPC')), close: () => Promise.resolve(), files: () => [] }) });
    failing.start();
    failing.offer(captured(0), 100);
    expect((await failing.stop()).dropped.write_failed).toBe(1);
  });

  it('exports lines as HAR 1.2 with the canonical request', async () => {
    const lines: string[] = [];
    const recorder = createRecorder({ ...limits, openSink: () => ({ append: (t) => { lines.push(...t.split('\n').filter(Boolean)); return Promise.resolve(true); }, close: () => Promise.resolve(), files: () => [] }) });
    recorder.start();
    recorder.offer(captured(3), 100);
    await recorder.stop();
    const exchanges = lines.map((l) => { const p = parseRecordedLine(l); if (!p.ok) throw new Error(p.error); return p.exchange; });
    const har = exportHar(exchanges, 'http://h') as any;
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries[0].request.url).toBe('http://h/api_v3/service/asset/action/get');
    expect(JSON.parse(har.log.entries[0].request.postData.text).id).toBe('3');
    expect(har.log.entries[0].response.content.text).toContain('"id":3');
  });
});
