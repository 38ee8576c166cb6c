import { issuePairingCode, lookUpPairingCode, maxLiveCodes, pairingCodeLifetimeSec, createPairingCodeStore } from '../../../src/sim/pairing/pairing-codes';

describe('pairing codes (docs/lab-rules.md "Device pairing and login PINs")', () => {
  it('issues six digits that stay live for the lifetime, then expire', () => {
    const store = createPairingCodeStore<string>();
    const issued = issuePairingCode(store, 'box-1', 1000);
    expect(issued.code).toMatch(/^\d{6}$/);
    expect(issued.expiresAt).toBe(1000 + pairingCodeLifetimeSec);
    expect(lookUpPairingCode(store, ` ${issued.code} `, 1000 + pairingCodeLifetimeSec - 1).kind).toBe('live');
    expect(lookUpPairingCode(store, issued.code, 1000 + pairingCodeLifetimeSec).kind).toBe('expired');
    expect(lookUpPairingCode(store, 'nope', 1000).kind).toBe('unknown');
  });

  it('replaces the earlier codes a new one matches', () => {
    const store = createPairingCodeStore<string>();
    const first = issuePairingCode(store, 'box-1', 1000, (old) => old === 'box-1');
    const other = issuePairingCode(store, 'box-2', 1000, (old) => old === 'box-2');
    issuePairingCode(store, 'box-1', 1001, (old) => old === 'box-1');
    expect(lookUpPairingCode(store, first.code, 1001).kind).toBe('unknown');
    expect(lookUpPairingCode(store, other.code, 1001).kind).toBe('live');
  });

  it('drops expired codes and keeps at most maxLiveCodes, oldest out first', () => {
    const store = createPairingCodeStore<number>();
    issuePairingCode(store, -1, 0);
    const first = issuePairingCode(store, 0, pairingCodeLifetimeSec);
    expect(store.codes.size).toBe(1);
    for (let i = 1; i < maxLiveCodes; i++) issuePairingCode(store, i, pairingCodeLifetimeSec);
    expect(store.codes.size).toBe(maxLiveCodes);
    issuePairingCode(store, maxLiveCodes, pairingCodeLifetimeSec);
    expect(store.codes.size).toBe(maxLiveCodes);
    expect(store.codes.has(first.code)).toBe(false);
  });
});
