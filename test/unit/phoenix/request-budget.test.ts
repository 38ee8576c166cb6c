/** Issue 9, finding 7 and the sub-request cap: budgets on one request's parameters. */
import { parseVendorApiRequest } from '../../../src/phoenix/vendor-api-handler';
import { fitsParamBudget, maxParamDepth, maxSubRequests } from '../../../src/phoenix/request-budget';
import { readResultPath } from '../../../src/phoenix/multirequest';

function nest(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const origin = 'http://127.0.0.1:1';

describe('fitsParamBudget', () => {
  it('accepts what devices send and refuses deeper or wider values', () => {
    expect(fitsParamBudget({ filter: { objectType: 'KalturaSearchAssetFilter', kSql: "(and name='x')" }, pager: { pageSize: 10 } })).toBe(true);
    expect(fitsParamBudget(nest(maxParamDepth))).toBe(true);
    expect(fitsParamBudget(nest(maxParamDepth + 1))).toBe(false);
    expect(fitsParamBudget({ list: Array.from({ length: 6_000 }, (_, i) => i) })).toBe(false);
  });

  it('measures a value nested 100,000 deep without recursion', () => {
    expect(fitsParamBudget(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))).toBe(false);
  });
});

describe('parseVendorApiRequest budgets', () => {
  it('answers a multirequest over the sub-request cap as a whole, here', () => {
    const body: Record<string, unknown> = {};
    for (let i = 0; i <= maxSubRequests; i++) body[String(i)] = { service: 'asset', action: 'get' };
    const parsed = parseVendorApiRequest({ url: '/api_v3/service/multirequest', body: JSON.stringify(body), contentType: 'application/json', origin });
    expect(parsed).toMatchObject({ kind: 'invalid', answerHere: true, error: { code: '500003' } });
  });

  it('marks only the over-budget sub-request', () => {
    const body = { '1': { service: 'asset', action: 'get' }, '2': { service: 'asset', action: 'list', filter: nest(100) } };
    const parsed = parseVendorApiRequest({ url: '/api_v3/service/multirequest', body: JSON.stringify(body), contentType: 'application/json', origin });
    if (parsed.kind !== 'multi') throw new Error(parsed.kind);
    expect(parsed.split.subRequests.map((s) => s.rejected?.code)).toEqual([undefined, '500003']);
  });
});

describe('readResultPath (finding 6)', () => {
  it('reads own data only', () => {
    const result = { ks: 'abc', objects: [{ id: 1 }] };
    expect(readResultPath(result, ['objects', '0', 'id'])).toBe(1);
    expect(readResultPath(result, ['objects', '00', 'id'])).toBe(1);
    for (const path of [['__proto__'], ['__proto__', 'toString'], ['constructor'], ['toString'], ['objects', 'length'], ['objects', '0', 'constructor'], ['ks', 'length']]) {
      expect(readResultPath(result, path)).toBeUndefined();
    }
  });
});
