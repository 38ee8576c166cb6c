import { err, ok } from '../../../src/core/result';
import type { VendorOutcome } from '../../../src/core/vendor-error';
import { executeMultirequest, splitMultirequest, type ResolvedSubRequest } from '../../../src/phoenix/multirequest';
import { executeMultirequestConcurrently } from '../../../src/phoenix/multirequest-concurrent';

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const isRead = (sub: { action?: string }): boolean => sub.action === 'get' || sub.action === 'list';

/** A fake backend that records when each call started and finished. */
function recorder(): { run: (sub: ResolvedSubRequest) => Promise<VendorOutcome>; log: string[] } {
  const log: string[] = [];
  return {
    log,
    run: async (sub) => {
      log.push(`start ${sub.position}`);
      await delay(20);
      log.push(`end ${sub.position}`);
      if (sub.action === 'fail') return err({ code: '500007', message: 'Asset not found' });
      return ok({ objectType: 'KalturaLoginSession', ks: `ks-${sub.position}`, echo: sub.params.ks ?? null });
    },
  };
}

const body = {
  '1': { service: 'ottuser', action: 'anonymousLogin', partnerId: 3197 },
  '2': { service: 'asset', action: 'get', id: '1', ks: '{1:result:ks}' },
  '3': { service: 'asset', action: 'get', id: '2', ks: '{1:result:ks}' },
  '4': { service: 'asset', action: 'list', ks: '{3:result:ks}' },
};

describe('executeMultirequestConcurrently', () => {
  it('gives the same slots as the sequential executor', async () => {
    const { subRequests } = splitMultirequest(body);
    const sequential = await executeMultirequest(subRequests, recorder().run);
    const concurrent = await executeMultirequestConcurrently(subRequests, recorder().run, isRead);
    expect(concurrent).toEqual(sequential);
    expect(concurrent).toHaveLength(4);
  });

  it('overlaps independent reads and waits for token dependencies', async () => {
    const { subRequests } = splitMultirequest(body);
    const rec = recorder();
    await executeMultirequestConcurrently(subRequests, rec.run, isRead);
    const at = (entry: string): number => rec.log.indexOf(entry);
    expect(at('start 2')).toBeGreaterThan(at('end 1'));
    expect(at('start 3')).toBeLessThan(at('end 2'));
    expect(at('start 4')).toBeGreaterThan(at('end 3'));
  });

  it('treats a write as a barrier in both directions', async () => {
    const { subRequests } = splitMultirequest({
      '1': { service: 'asset', action: 'get', id: '1' },
      '2': { service: 'favorite', action: 'add', favorite: { assetId: 1 } },
      '3': { service: 'favorite', action: 'list' },
    });
    const rec = recorder();
    await executeMultirequestConcurrently(subRequests, rec.run, isRead);
    expect(rec.log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('falls back to strict order under abortOnError', async () => {
    const { subRequests } = splitMultirequest({ '1': { service: 'asset', action: 'fail' }, '2': { service: 'asset', action: 'get' } });
    const slots = await executeMultirequestConcurrently(subRequests, recorder().run, isRead, { abortOnError: true });
    expect(slots.map((s) => s.ok)).toEqual([false, false]);
  });
});
