import { createChangeFeed } from '../../../src/sim/platform-sim/changes/change-feed';
import { toSearchValue, type SearchDoc, type SearchValue } from '../../../src/sim/platform-sim/catalog/search-doc';
import { compileSearchQuery } from '../../../src/sim/platform-sim/catalog/search-query';
import { createRouter } from '../../../src/sim/platform-sim/http/router';
import { ok } from '../../../src/sim/platform-sim/http/reply';
import { checkClientCredentials, createTokenService } from '../../../src/sim/platform-sim/identity/token-service';
import { applyProgressWrite } from '../../../src/sim/platform-sim/user-data/progress-rules';

// Pure parts of platform-sim: query semantics (lab-rules "Search"), progress rules, router, tokens, feed.
function doc(fields: Record<string, (string | number)[]>, labels: Record<string, string[]> = {}, attributes: Record<string, string | number> = {}): SearchDoc {
  const toList = (values: (string | number)[]): SearchValue[] => values.map(toSearchValue);
  const labelMap = new Map(Object.entries(labels).map(([k, v]) => [k.toLowerCase(), toList(v)]));
  const attributeMap = new Map(Object.entries(attributes).map(([k, v]) => [k.toLowerCase(), toList([v])]));
  return { fields: new Map(Object.entries(fields).map(([k, v]) => [k, toList(v)])), labels: labelMap, attributes: attributeMap, attributeOrLabel: new Map([...labelMap, ...attributeMap]) };
}

function holds(query: unknown, target: SearchDoc): boolean {
  const compiled = compileSearchQuery(query);
  if (!compiled.ok) throw new Error('query did not compile');
  return compiled.value(target);
}

describe('search query', () => {
  const movie = doc({ title: ['The Electric Harbour'], startTime: [100], itemRef: ['ABC'] }, { Genre: ['War', 'Drama'] }, { Year: 1994, Rating: 'R' });

  it('compares text case-insensitively and numbers numerically', () => {
    expect(holds({ field: 'title', op: 'eq', value: 'the electric HARBOUR' }, movie)).toBe(true);
    expect(holds({ field: 'title', op: 'contains', value: 'TRIC' }, movie)).toBe(true);
    expect(holds({ field: 'title', op: 'wordStartsWith', value: 'harb' }, movie)).toBe(true);
    expect(holds({ field: 'title', op: 'startsWith', value: 'electric' }, movie)).toBe(false);
    expect(holds({ field: 'attributes.year', op: 'eq', value: '1994.0' }, movie)).toBe(true);
    expect(holds({ field: 'attributes.Rating', op: 'gt', value: 1 }, movie)).toBe(false);
    expect(holds({ field: 'startTime', op: 'lte', value: 100 }, movie)).toBe(true);
  });

  it('holds for any value, negatives for none, missing fields have no values', () => {
    expect(holds({ field: 'labels.genre', op: 'eq', value: 'drama' }, movie)).toBe(true);
    expect(holds({ field: 'labels.genre', op: 'ne', value: 'drama' }, movie)).toBe(false);
    expect(holds({ field: 'labels.Actors', op: 'notExists' }, movie)).toBe(true);
    expect(holds({ field: 'labels.Actors', op: 'ne', value: 'x' }, movie)).toBe(true);
    expect(holds({ field: 'attributeOrLabel.YEAR', op: 'in', value: '1990,1994' }, movie)).toBe(true);
    expect(holds({ field: 'itemRef', op: 'in', value: ['abc', 'def'] }, movie)).toBe(true);
  });

  it('combines groups and rejects malformed trees', () => {
    expect(holds({ all: [{ any: [] }] }, movie)).toBe(false);
    expect(holds({ all: [] }, movie)).toBe(true);
    expect(holds(undefined, movie)).toBe(true);
    expect(compileSearchQuery({ field: 'title', op: 'eq' }).ok).toBe(false);
    expect(compileSearchQuery({ field: 'title', op: 'eq', value: ['a'] }).ok).toBe(false);
    let deep: unknown = { field: 'title', op: 'exists' };
    for (let i = 0; i < 20; i++) deep = { all: [deep] };
    expect(compileSearchQuery(deep).ok).toBe(false);
  });
});

describe('progress rules', () => {
  it('floors, finishes at 95%, FINISH resets, STOP at 0 clears', () => {
    expect(applyProgressWrite(94.9, 'play', 100)).toEqual({ positionSeconds: 94, finished: false });
    expect(applyProgressWrite(95, 'hit', 100)).toEqual({ positionSeconds: 95, finished: true });
    expect(applyProgressWrite(40, 'finish', 100)).toEqual({ positionSeconds: 0, finished: true });
    expect(applyProgressWrite(0, 'stop', 100)).toEqual({ positionSeconds: 0, finished: false });
    expect(applyProgressWrite(10, 'play', 0)).toEqual({ positionSeconds: 10, finished: false });
  });
});

describe('router', () => {
  const router = createRouter<string>([
    { method: 'GET', path: '/a/:id', operationId: 'a.get', auth: 'none', handle: () => ok(1) },
    { method: 'GET', path: '/a/static', operationId: 'a.static', auth: 'none', handle: () => ok(2) },
    { method: 'DELETE', path: '/a/:id', operationId: 'a.delete', auth: 'none', handle: () => ok(3) },
  ]);

  it('prefers static segments, decodes parameters, reports wrong methods', () => {
    expect(router.match('GET', '/a/static')).toMatchObject({ kind: 'found', spec: { operationId: 'a.static' } });
    expect(router.match('GET', '/a/x%20y')).toMatchObject({ kind: 'found', params: { id: 'x y' } });
    expect(router.match('PUT', '/a/1')).toEqual({ kind: 'wrong_method', allowed: ['GET', 'DELETE'] });
    expect(router.match('GET', '/a/%E0%A4%A')).toEqual({ kind: 'none' });
    expect(router.match('GET', '/b')).toEqual({ kind: 'none' });
  });
});

describe('tokens', () => {
  it('signs subjects, expires them, and rejects tampering', () => {
    const tokens = createTokenService('secret');
    const { accessToken } = tokens.mint({ userId: 'u', householdId: 'h', sessionKey: 's' }, 1000);
    expect(tokens.verify(accessToken, 1000)).toEqual({ userId: 'u', householdId: 'h', sessionKey: 's' });
    expect(tokens.verify(accessToken, 4600)).toBeNull();
    expect(createTokenService('other').verify(accessToken, 1000)).toBeNull();
    const [head, , sig] = accessToken.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: { userId: 'x' }, iat: 0, exp: 9e9 })).toString('base64url');
    expect(tokens.verify(`${head}.${forged}.${sig}`, 1000)).toBeNull();
    expect(checkClientCredentials(`Basic ${Buffer.from('understudy:secret').toString('base64')}`, 'secret')).toBe(true);
    expect(checkClientCredentials('Basic Zm9v', 'secret')).toBe(false);
  });
});

describe('change feed', () => {
  it('pages by cursor and expires cursors older than the window', () => {
    const feed = createChangeFeed(10);
    for (let i = 0; i < 30; i++) feed.append({ entity: 'favorite', op: 'upsert', key: String(i), householdId: 'h', data: i }, 'platform', 0);
    expect(feed.read(0, 5)).toBe('expired');
    const page = feed.read(25, 3);
    expect(page).toMatchObject({ nextCursor: '28' });
    expect(feed.read(30, 5)).toEqual({ changes: [], nextCursor: '30' });
  });
});
