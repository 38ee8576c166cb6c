import { applyDefects, parseDefects, plantInWrite } from '../../../src/sim/platform-sim/defects';

const reply = { status: 200, body: { items: [{ title: 'Film', positionSeconds: 30, kind: 'vod', nested: { title: 'x' } }] } };

describe('platform-sim defect knob', () => {
  it('validates the body and names the problem', () => {
    expect(parseDefects({ defects: [{ kind: 'alter', field: 'title' }] })).toEqual([{ kind: 'alter', field: 'title' }]);
    expect(parseDefects([])).toBe('body must be {"defects": [ … ]}');
    expect(parseDefects({ defects: [{ kind: 'melt', field: 'title' }] })).toMatch(/kind must be one of/);
    expect(parseDefects({ defects: [{ kind: 'alter' }] })).toMatch(/field/);
    expect(parseDefects({ defects: [{ kind: 'alter', field: 'a', rate: 2 }] })).toMatch(/rate/);
    expect(parseDefects({ defects: [{ kind: 'alter', field: 'a', extra: 1 }] })).toMatch(/unknown property/);
  });

  it('renames, alters, shifts by one and flips enum case wherever the member appears', () => {
    const plant = (defect: object) => (applyDefects([defect as never], '/catalog/v1/items', reply).body as any).items[0];
    expect(plant({ kind: 'rename', field: 'title', to: 'name' })).toMatchObject({ name: 'Film', nested: { name: 'x' } });
    expect(plant({ kind: 'alter', field: 'title' })).toMatchObject({ title: 'Film (altered)' });
    expect(plant({ kind: 'off-by-one', field: 'positionSeconds' })).toMatchObject({ positionSeconds: 31 });
    expect(plant({ kind: 'enum-case', field: 'kind' })).toMatchObject({ kind: 'VOD' });
  });

  it('leaves other paths, problems and unsampled answers alone; parses raw answers', () => {
    const alter = { kind: 'alter' as const, field: 'title', path: '/catalog/' };
    expect(applyDefects([alter], '/user-data/v1/progress', reply)).toBe(reply);
    const problem = { status: 404, body: { title: 'Not found' } };
    expect(applyDefects([alter], '/catalog/v1/items/1', problem)).toBe(problem);
    expect(applyDefects([{ ...alter, rate: 0.5 }], '/catalog/v1/items', reply, () => 0.9)).toBe(reply);
    expect(applyDefects([alter], '/catalog/v1/items', { status: 200, raw: '{"title":"A"}' }).body).toEqual({ title: 'A (altered)' });
  });
});

describe('defects planted in writes', () => {
  it('changes what a write stores, not what the platform answers; validates "on"', () => {
    const onWrite = { kind: 'off-by-one' as const, field: 'positionSeconds', on: 'write' as const, path: '/user-data/v1/progress' };
    expect(JSON.parse(plantInWrite([onWrite], 'PUT', '/user-data/v1/progress/item-1', '{"positionSeconds":30,"action":"pause"}'))).toEqual({ positionSeconds: 31, action: 'pause' });
    expect(plantInWrite([onWrite], 'GET', '/user-data/v1/progress', '{"positionSeconds":30}')).toBe('{"positionSeconds":30}');
    expect(plantInWrite([onWrite], 'PUT', '/user-data/v1/favorites/x', '{"positionSeconds":30}')).toBe('{"positionSeconds":30}');
    expect(plantInWrite([onWrite], 'PUT', '/user-data/v1/progress/x', 'not json')).toBe('not json');
    const answer = { status: 200, body: { positionSeconds: 30 } };
    expect(applyDefects([onWrite], '/user-data/v1/progress', answer)).toBe(answer);
    expect(parseDefects({ defects: [{ kind: 'alter', field: 'a', on: 'request' }] })).toMatch(/"answer" or "write"/);
    expect(parseDefects({ defects: [onWrite] })).toEqual([onWrite]);
  });
});
