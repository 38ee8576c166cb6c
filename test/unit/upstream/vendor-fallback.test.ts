import { withVendorFallback } from '../../../src/upstream/vendor-fallback';
import { UpstreamError } from '../../../src/upstream/upstream-error';

const down = () => Promise.reject(new UpstreamError('timeout', 'platform slow', 'platform'));
const vendor = () => Promise.resolve('from vendor');

describe('withVendorFallback', () => {
  it('answers a read from the vendor when the platform fails, and says so', async () => {
    const seen: unknown[] = [];
    await expect(withVendorFallback(down, vendor, { readOnly: true, enabled: true, onFallback: (e) => seen.push(e) })).resolves.toBe('from vendor');
    expect(seen).toHaveLength(1);
  });

  it('keeps the platform answer, including a vendor-shaped error outcome', async () => {
    const outcome = { ok: false, error: { code: '500007', message: 'Asset not found' } };
    await expect(withVendorFallback<unknown>(() => Promise.resolve(outcome), vendor, { readOnly: true, enabled: true })).resolves.toBe(outcome);
  });

  it('never falls back for a write, nor when the operation has it switched off', async () => {
    await expect(withVendorFallback(down, vendor, { readOnly: false, enabled: true })).rejects.toThrow('platform slow');
    await expect(withVendorFallback(down, vendor, { readOnly: true, enabled: false })).rejects.toThrow('platform slow');
  });
});
