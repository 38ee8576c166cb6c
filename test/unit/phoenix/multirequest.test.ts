import { err, ok } from '../../../src/core/result';
import type { VendorOutcome } from '../../../src/core/vendor-error';
import { buildDependencyGraph, executeMultirequest, parseToken, readMultirequestOptions, resolveTokens, shouldSkip, splitMultirequest, type ResolvedSubRequest } from '../../../src/phoenix/multirequest';

const failure = { code: '500007', message: 'Asset not found' };

describe('splitMultirequest', () => {
  it('orders numeric keys, whatever the base, and keeps shared params', () => {
    const split = splitMultirequest({ 10: { service: 'c', action: 'z' }, 0: { service: 'a', action: 'x' }, 2: { service: 'b', action: 'y' }, apiVersion: '7.8.1', abortOnError: true });
    expect(split.subRequests.map((s) => [s.position, s.key, s.service])).toEqual([[1, '0', 'a'], [2, '2', 'b'], [3, '10', 'c']]);
    expect(split.shared).toEqual({ apiVersion: '7.8.1', abortOnError: true });
    expect(split.subRequests[0]?.params).toEqual({ apiVersion: '7.8.1' });
  });
  it('lets a sub-request ks win over the top-level ks, and inherits it otherwise', () => {
    const split = splitMultirequest({ ks: 'top', partnerId: 1, 1: { service: 's', action: 'a', ks: '{1:result:ks}' }, 2: { service: 's', action: 'b' } });
    expect(split.subRequests[0]?.params).toEqual({ ks: '{1:result:ks}', partnerId: 1 });
    expect(split.subRequests[1]?.params).toEqual({ ks: 'top', partnerId: 1 });
  });
  it('keeps a slot for a non-object sub-request', () => {
    expect(splitMultirequest({ 1: 'junk' }).subRequests).toEqual([{ position: 1, key: '1', params: {} }]);
  });
  it('builds each slot with its members in order, service and action only when named, null parameters dropped', () => {
    const [named, unnamed] = splitMultirequest({ ks: 'top', 1: { action: 'get', service: 'asset', id: '1', skip: null, gone: undefined }, 2: { service: '', id: '2' } }).subRequests;
    expect(Object.keys(named!)).toEqual(['position', 'key', 'service', 'action', 'params']);
    expect(named).toEqual({ position: 1, key: '1', service: 'asset', action: 'get', params: { ks: 'top', id: '1' } });
    expect(Object.keys(unnamed!)).toEqual(['position', 'key', 'params']);
    expect(Object.keys(unnamed!.params)).toEqual(['ks', 'id']);
  });
});

describe('tokens', () => {
  const prior: VendorOutcome[] = [ok({ ks: 'K1', loginSession: { ks: 'K2' } }), ok({ objects: [{ id: 7 }], totalCount: 1 }), err(failure)];
  it('parses tokens', () => {
    expect(parseToken('{1:result}')).toEqual({ index: 1, path: [] });
    expect(parseToken('{2:result:objects:0:id}')).toEqual({ index: 2, path: ['objects', '0', 'id'] });
    expect(parseToken('plain')).toBeNull();
    expect(parseToken('{a:result}')).toBe('invalid');
    expect(parseToken('{1:result:}')).toBe('invalid');
  });
  it('resolves whole-string tokens, nested, with array indexes', () => {
    const resolved = resolveTokens({ ks: '{1:result:ks}', deep: { a: ['{1:result:loginSession:ks}'] }, id: '{2:result:objects:0:id}', keep: 'x {1:result:ks}' }, prior);
    expect(resolved).toEqual({ ok: true, value: { ks: 'K1', deep: { a: ['K2'] }, id: 7, keep: 'x {1:result:ks}' } });
  });
  it('answers the catalogue token errors', () => {
    expect(resolveTokens({ ks: '{0:result:ks}' }, prior)).toMatchObject({ ok: false, error: { code: '500042' } });
    expect(resolveTokens({ ks: '{9:result:ks}' }, prior)).toMatchObject({ ok: false, error: { code: '500043' } });
    expect(resolveTokens({ ks: '{1:result:nope}' }, prior)).toMatchObject({ ok: false, error: { code: '50025' } });
    expect(resolveTokens({ ks: '{3:result:ks}' }, prior)).toMatchObject({ ok: false, error: { code: '50025' } });
    expect(resolveTokens({ ks: '{x:result}' }, prior)).toMatchObject({ ok: false, error: { code: '50025' } });
  });
});

describe('executeMultirequest', () => {
  const echo = (sub: ResolvedSubRequest): Promise<VendorOutcome> => Promise.resolve(sub.action === 'fail' ? err(failure) : ok({ ks: `ks-${sub.position}`, params: sub.params }));
  it('runs in order, resolves tokens and keeps failures in their slots', async () => {
    const split = splitMultirequest({ 0: { service: 's', action: 'login' }, 1: { service: 's', action: 'fail' }, 2: { service: 's', action: 'get', ks: '{1:result:ks}' } });
    const slots = await executeMultirequest(split.subRequests, echo);
    expect(slots).toHaveLength(3);
    expect(slots[1]).toEqual(err(failure));
    expect(slots[2]).toEqual(ok({ ks: 'ks-3', params: { ks: 'ks-1' } }));
  });
  it('aborts everything after a failure with abortOnError, and after abortAllOnError', async () => {
    const body = { abortOnError: 'true', 1: { service: 's', action: 'fail' }, 2: { service: 's', action: 'get' } };
    const split = splitMultirequest(body);
    const slots = await executeMultirequest(split.subRequests, echo, readMultirequestOptions(split.shared));
    expect(slots[1]).toMatchObject({ ok: false, error: { code: '1' } });
    const perSub = splitMultirequest({ 1: { service: 's', action: 'get' }, 2: { service: 's', action: 'fail', abortAllOnError: true }, 3: { service: 's', action: 'get' } });
    const slots2 = await executeMultirequest(perSub.subRequests, echo);
    expect(slots2.map((s) => s.ok)).toEqual([true, false, false]);
    expect(slots2[2]).toMatchObject({ error: { code: '1' } });
  });
  it('does not pass control params to the operation', async () => {
    const split = splitMultirequest({ 1: { service: 's', action: 'get', abortAllOnError: false, skipCondition: { objectType: 'KalturaSkipOnErrorCondition', condition: 'No' } } });
    expect(await executeMultirequest(split.subRequests, echo)).toEqual([ok({ ks: 'ks-1', params: {} })]);
  });
  it('skips on conditions', async () => {
    const split = splitMultirequest({
      1: { service: 's', action: 'fail' },
      2: { service: 's', action: 'get', skipCondition: { objectType: 'KalturaSkipOnErrorCondition', condition: 'Previous' } },
      3: { service: 's', action: 'get', skipCondition: { objectType: 'KalturaSkipOnErrorCondition', condition: 'no' } },
      4: { service: 's', action: 'get', skipCondition: { objectType: 'KalturaPropertySkipCondition', propertyPath: '{3:result:ks}', operator: 'Equal', value: 'ks-3' } },
      5: { service: 's', action: 'get', skipCondition: { objectType: 'KalturaPropertySkipCondition', propertyPath: '3:result:ks', operator: 'UnEqual', value: 'ks-3' } },
    });
    const slots = await executeMultirequest(split.subRequests, echo);
    expect(slots.map((s) => s.ok)).toEqual([false, false, true, false, true]);
  });
  it('evaluates aggregated and numeric conditions', () => {
    const prior = [ok({ objects: [{ v: 1 }, { v: 2 }], totalCount: 2 })];
    expect(shouldSkip({ objectType: 'KalturaAggregatedPropertySkipCondition', propertyPath: '1:result:objects', aggregationType: 'Count', operator: 'GreaterThan', value: '1' }, prior)).toBe(true);
    expect(shouldSkip({ objectType: 'KalturaPropertySkipCondition', propertyPath: '1:result:totalCount', operator: 'LessThan', value: 1 }, prior)).toBe(false);
    expect(shouldSkip({ objectType: 'KalturaSkipOnErrorCondition', condition: 'Any' }, [ok(1), err(failure)])).toBe(true);
    expect(shouldSkip({ objectType: 'KalturaUnknown' }, prior)).toBe(false);
  });
  it('returns no slots for no sub-requests', async () => {
    expect(await executeMultirequest([], echo)).toEqual([]);
  });
  it('exposes the dependency graph', () => {
    const split = splitMultirequest({ 1: { service: 'a' }, 2: { ks: '{1:result:ks}' }, 3: { x: { y: '{2:result}' }, skipCondition: { condition: 'Previous' } }, 4: {} });
    expect([...buildDependencyGraph(split.subRequests)]).toEqual([[1, []], [2, [1]], [3, [2]], [4, []]]);
  });
});
