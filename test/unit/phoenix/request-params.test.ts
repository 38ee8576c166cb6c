import { decodeFormBody, splitNestedKey } from '../../../src/phoenix/form-decoding';
import { mergeRequestParams, parseQueryParams, parseRequestBody } from '../../../src/phoenix/request-params';

describe('request params', () => {
  it('merges query < path pairs < body', () => {
    const merged = mergeRequestParams({ query: 'a=q&b=q&c=q', pathParams: { b: 'p', c: 'p' }, contentType: 'application/json', body: '{"c":"body"}' });
    expect(merged).toEqual({ ok: true, value: { a: 'q', b: 'p', c: 'body' } });
  });
  it('takes the body alone when there is no query and no path pair, and reads an empty query as nothing', () => {
    expect(mergeRequestParams({ query: '', contentType: 'application/json', body: '{"b":1,"a":2}' })).toEqual({ ok: true, value: { b: 1, a: 2 } });
    expect(mergeRequestParams({ query: '?', pathParams: {}, body: '' })).toEqual({ ok: true, value: {} });
    expect(mergeRequestParams({ query: '', pathParams: { p: 'x' }, body: '{"b":1}' })).toEqual({ ok: true, value: { p: 'x', b: 1 } });
    expect(parseQueryParams('')).toEqual({});
    expect(parseQueryParams('?')).toEqual({});
  });
  it('parses JSON even without the right content type', () => {
    expect(parseRequestBody('{"x":1}', 'text/plain')).toEqual({ ok: true, value: { x: 1 } });
    expect(parseRequestBody('  {"x":1}  ')).toEqual({ ok: true, value: { x: 1 } });
    expect(parseRequestBody('')).toEqual({ ok: true, value: {} });
  });
  it('answers 500003 for malformed, non-object and unknown bodies', () => {
    expect(parseRequestBody('{"x":', 'application/json')).toMatchObject({ ok: false, error: { code: '500003' } });
    expect(parseRequestBody('[1,2]', 'application/json')).toMatchObject({ ok: false, error: { code: '500003' } });
    expect(parseRequestBody('"str"')).toMatchObject({ ok: false, error: { code: '500003' } });
    expect(parseRequestBody('\u0000\u0001binary', 'application/octet-stream')).toMatchObject({ ok: false, error: { code: '500003' } });
  });
  it('decodes form bodies with both nested-key notations', () => {
    const body = 'ks=abc&filter%3AobjectType=KalturaSearchAssetFilter&filter[kSql]=name%3D%27x%27&pager[pageSize]=5&1:service=asset';
    expect(parseRequestBody(body, 'application/x-www-form-urlencoded')).toEqual({
      ok: true,
      value: { ks: 'abc', filter: { objectType: 'KalturaSearchAssetFilter', kSql: "name='x'" }, pager: { pageSize: '5' }, 1: { service: 'asset' } },
    });
    expect(parseQueryParams('?filter:a=1&filter:b:c=2')).toEqual({ filter: { a: '1', b: { c: '2' } } });
  });
  it('splits nested keys and refuses prototype keys', () => {
    expect(splitNestedKey('a:b[c][d]')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitNestedKey('plain')).toEqual(['plain']);
    const decoded = decodeFormBody('__proto__[x]=1&a[constructor][y]=2');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(decoded).toEqual({});
  });
});
