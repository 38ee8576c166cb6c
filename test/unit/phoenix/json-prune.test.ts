/** json-prune: over-budget containers are never built, and only over-budget ones are replaced. */
import { overBudgetMarker, pruneOverBudgetJson } from '../../../src/phoenix/json-prune';
import { fitsParamBudget } from '../../../src/phoenix/request-budget';
import { parseRequestBody } from '../../../src/phoenix/request-params';
import { splitMultirequest } from '../../../src/phoenix/multirequest';

const nest = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('pruneOverBudgetJson', () => {
  it('leaves values within the budget exactly as they are', () => {
    const text = JSON.stringify({ a: [1, 2, { b: 'x,[{' }], c: { d: [] }, e: 'q"\\"' });
    expect(pruneOverBudgetJson(text, 5, 10)).toBe(text);
  });

  it('replaces containers at the depth limit and deeper, once', () => {
    expect(JSON.parse(pruneOverBudgetJson(`{"a":${nest(100_000)},"b":1}`, 4, 100))).toEqual({ a: [[overBudgetMarker]], b: 1 });
  });

  it('replaces containers with too many items, but never the top level', () => {
    const wide = `{"k":[${Array.from({ length: 11 }, (_, i) => i).join(',')}],"ok":[1,2]}`;
    expect(JSON.parse(pruneOverBudgetJson(wide, 10, 10))).toEqual({ k: overBudgetMarker, ok: [1, 2] });
    expect(pruneOverBudgetJson('[1,2,3]', 10, 2)).toBe('[1,2,3]');
  });

  it('keeps malformed text for JSON.parse to reject', () => {
    expect(pruneOverBudgetJson('{"a":]]]', 10, 10)).toBe('{"a":]]]');
  });
});

describe('parsing with pruning', () => {
  it('fails exactly the sub-request whose parameters were pruned', () => {
    const body = `{"1":{"service":"ottuser","action":"anonymousLogin"},"2":{"service":"asset","action":"list","filter":${nest(300_000)}},"3":{"service":"asset","action":"list","filter":${nest(31)}}}`;
    const parsed = parseRequestBody(body, 'application/json');
    if (!parsed.ok) throw new Error('did not parse');
    expect(splitMultirequest(parsed.value).subRequests.map((s) => s.rejected?.code)).toEqual([undefined, '500003', undefined]);
  });

  it('treats a deep form key like a deep JSON value', () => {
    const parsed = parseRequestBody(`a${'[b]'.repeat(200)}=1&c=2`, 'application/x-www-form-urlencoded');
    if (!parsed.ok) throw new Error('did not parse');
    expect(fitsParamBudget(parsed.value)).toBe(false);
    expect(parsed.value.c).toBe('2');
  });
});
