import { compileRules, createDiffEngine, diffStructures, phoenixRuleSet, type PathRule } from '../../../src/shadow';

const diff = (a: unknown, b: unknown, rules: PathRule[] = [], ids?: (kind: string, id: string) => string | undefined) =>
  diffStructures(a, b, { rules: compileRules({ version: 't', rules }), ...(ids ? { ids } : {}) }).differences;

describe('structural diff kinds', () => {
  it('finds nothing in equal documents', () => {
    expect(diff({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toEqual([]);
  });

  it('reports missing, extra, type and value with pointers and signatures', () => {
    const found = diff({ result: { objects: [{ id: 1, name: 'a', type: 0 }], gone: true } }, { result: { objects: [{ id: 1, name: 'b', type: '0', added: 1 }] } });
    expect(found).toEqual([
      { pointer: '/result/objects/0/name', field: '/result/objects/*/name', kind: 'value', primary: 'a', candidate: 'b' },
      { pointer: '/result/objects/0/type', field: '/result/objects/*/type', kind: 'type', primary: 0, candidate: '0' },
      { pointer: '/result/objects/0/added', field: '/result/objects/*/added', kind: 'extra', candidate: 1 },
      { pointer: '/result/gone', field: '/result/gone', kind: 'missing', primary: true },
    ]);
  });

  it('reports one size difference and compares the common prefix', () => {
    const found = diff({ list: [1, 2, 3] }, { list: [1, 9] });
    expect(found.map((d) => [d.kind, d.pointer])).toEqual([
      ['size', '/list'],
      ['value', '/list/1'],
    ]);
  });

  it('reports one order difference for the same elements in another order, by id and by value', () => {
    const byId = diff({ objects: [{ id: 1, n: 'a' }, { id: 2, n: 'b' }] }, { objects: [{ id: 2, n: 'b' }, { id: 1, n: 'x' }] });
    expect(byId.map((d) => [d.kind, d.pointer])).toEqual([
      ['order', '/objects'],
      ['value', '/objects/0/n'],
    ]);
    expect(diff({ tags: ['a', 'b', 'c'] }, { tags: ['c', 'a', 'b'] }).map((d) => d.kind)).toEqual(['order']);
  });

  it('escapes pointer tokens', () => {
    expect(diff({ 'a/b': { '~c': 1 } }, { 'a/b': { '~c': 2 } })[0]!.pointer).toBe('/a~1b/~0c');
  });

  it('stops at the difference cap and says so', () => {
    const a = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    const result = diffStructures(a, {}, { rules: compileRules({ version: 't', rules: [] }), maxDifferences: 10 });
    expect(result.differences).toHaveLength(10);
    expect(result.truncated).toBe(true);
  });

  it('bounds depth: deeper containers compare as one value', () => {
    let a: unknown = 1;
    let b: unknown = 2;
    for (let i = 0; i < 100; i++) {
      a = { x: a };
      b = { x: b };
    }
    const result = diffStructures(a, b, { rules: compileRules({ version: 't', rules: [] }), maxDepth: 8 });
    expect(result.differences).toHaveLength(1);
    expect(result.differences[0]!.pointer.split('/').length - 1).toBe(8);
  });
});

describe('comparators by path', () => {
  it('compares arrays as sets keyed by id where order carries no meaning', () => {
    const rules: PathRule[] = [{ path: '/files', rule: 'set', key: 'id' }];
    expect(diff({ files: [{ id: 1 }, { id: 2 }] }, { files: [{ id: 2 }, { id: 1 }] }, rules)).toEqual([]);
    const found = diff({ files: [{ id: 1, u: 'a' }, { id: 2 }] }, { files: [{ id: 3 }, { id: 1, u: 'b' }] }, rules);
    expect(found.map((d) => [d.kind, d.pointer])).toEqual([
      ['value', '/files/0/u'],
      ['missing', '/files/1'],
      ['extra', '/files/0'],
    ]);
  });

  it('applies numeric tolerances, absolute and relative', () => {
    expect(diff({ p: 1.0 }, { p: 1.04 }, [{ path: '/p', rule: 'number', absolute: 0.05 }])).toEqual([]);
    expect(diff({ p: 1000 }, { p: 1009 }, [{ path: '/p', rule: 'number', relative: 0.01 }])).toEqual([]);
    expect(diff({ p: 1000 }, { p: 1011 }, [{ path: '/p', rule: 'number', relative: 0.01 }])).toHaveLength(1);
  });

  it('applies time tolerances to epoch seconds and ISO strings', () => {
    const rules: PathRule[] = [{ path: '/**/createDate', rule: 'time', toleranceSeconds: 2 }];
    expect(diff({ a: { createDate: 1700000000 } }, { a: { createDate: 1700000002 } }, rules)).toEqual([]);
    expect(diff({ createDate: '2024-01-01T00:00:00Z' }, { createDate: '2024-01-01T00:00:01.500Z' }, rules)).toEqual([]);
    expect(diff({ createDate: 1700000000 }, { createDate: 1700000003 }, rules)).toHaveLength(1);
  });

  it('compares KS and opaque tokens by shape, never by value', () => {
    const rules: PathRule[] = [{ path: '/**/ks', rule: 'token', token: 'ks' }];
    expect(diff({ ks: 'djJ8MzE5N3xhYmM=' }, { ks: 'djJ8MzE5N3x4eXo=' }, rules)).toEqual([]);
    expect(diff({ ks: 'djJ8MzE5N3xhYmM=' }, { ks: 'not-a-ks' }, rules)).toHaveLength(1);
    expect(diff({ ks: 'djJ8MzE5N3xhYmM=' }, { ks: '' }, rules)).toHaveLength(1);
  });

  it('compares signed URLs without origin, query and token segments', () => {
    const rules: PathRule[] = [{ path: '/**/url', rule: 'token', token: 'signed-url' }];
    const a = 'http://127.0.0.1:4100/p/3197/sp/0/playManifest/entryId/1_abc/a.m3u8?sig=aaaa';
    const b = 'http://127.0.0.1:8080/p/3197/sp/0/playManifest/entryId/1_abc/a.m3u8?sig=bbbb';
    expect(diff({ url: a }, { url: b }, rules)).toEqual([]);
    expect(diff({ url: 'https://cdn/t/AAAAAAAAAAAAAAAAAAAAAAAAAAAA/f.mp4' }, { url: 'https://cdn/t/BBBBBBBBBBBBBBBBBBBBBBBBBBBB/f.mp4' }, rules)).toEqual([]);
    expect(diff({ url: a }, { url: a.replace('a.m3u8', 'a.mpd') }, rules)).toHaveLength(1);
  });

  it('compares ids through the id map', () => {
    const map: Record<string, string> = { '100001': 'uuid-1', '9000000001': 'uuid-1', '100002': 'uuid-2' };
    const ids = (_kind: string, id: string) => map[id];
    const rules: PathRule[] = [{ path: '/assetId', rule: 'id', idKind: 'asset' }];
    expect(diff({ assetId: 100001 }, { assetId: '9000000001' }, rules, ids)).toEqual([]);
    expect(diff({ assetId: 100001 }, { assetId: 100002 }, rules, ids)).toHaveLength(1);
    expect(diff({ assetId: 100001 }, { assetId: 123 }, rules, ids)).toHaveLength(1);
  });

  it('ignores and normalises fields by rule; the first matching rule wins', () => {
    const rules: PathRule[] = [
      { path: '/keep/executionTime', rule: 'normalise', normalise: 'trim' },
      { path: '/**/executionTime', rule: 'ignore' },
      { path: '/name', rule: 'normalise', normalise: 'lowercase' },
    ];
    expect(diff({ executionTime: 1, x: { executionTime: 2 }, name: 'ABC' }, { executionTime: 9, x: { executionTime: 3 }, name: 'abc' }, rules)).toEqual([]);
    expect(diff({ keep: { executionTime: ' a ' } }, { keep: { executionTime: 'a' } }, rules)).toEqual([]);
    expect(diff({ keep: { executionTime: 'a' } }, { keep: { executionTime: 'b' } }, rules)).toHaveLength(1);
  });
});

describe('the engine on vendor envelopes', () => {
  const engine = createDiffEngine({ rules: phoenixRuleSet });

  it('lifts text, ignores executionTime and KS values, and reports an altered field', () => {
    const vendor = JSON.stringify({ executionTime: 0.01, result: { objectType: 'KalturaMediaAsset', id: 1, name: 'Film', ks: 'djJ8MXxhYmNk' } });
    const same = JSON.stringify({ executionTime: 0.4, result: { objectType: 'KalturaMediaAsset', id: 1, name: 'Film', ks: 'djJ8MXx6enp6' } });
    expect(engine.diff(vendor, same).differences).toEqual([]);
    const altered = engine.diff(vendor, same.replace('"Film"', '"Film "'));
    expect(altered.differences).toEqual([{ pointer: '/result/name', field: '/result/name', kind: 'value', primary: 'Film', candidate: 'Film ' }]);
    expect(altered.rulesVersion).toBe(phoenixRuleSet.version);
  });

  it('marks an unparseable answer so it differs from a parsed one', () => {
    const found = engine.diff('{"result":1}', '<html>oops</html>');
    expect(found.candidate.parsed).toBe(false);
    expect(found.differences.map((d) => [d.kind, d.pointer])).toEqual([
      ['missing', '/result'],
      ['extra', '/unparseable'],
    ]);
    expect(engine.diff('<html>a</html>', '<html>a</html>').differences).toEqual([]);
  });

  it('uses operation rules before the shared ones', () => {
    const withOp = createDiffEngine({ rules: phoenixRuleSet, operationRules: { 'asset.list': [{ path: '/result/objects', rule: 'set', key: 'id' }] } });
    const a = { json: { result: { objects: [{ id: 1 }, { id: 2 }] } } };
    const b = { json: { result: { objects: [{ id: 2 }, { id: 1 }] } } };
    expect(withOp.diff(a, b, 'asset.list').differences).toEqual([]);
    expect(withOp.diff(a, b, 'asset.get').differences.map((d) => d.kind)).toEqual(['order']);
  });
});
