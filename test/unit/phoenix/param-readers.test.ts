import { readBool, readEnum, readIdList, readInt, readNumber, readObject, readRaw, readString, readStringList } from '../../../src/phoenix/param-readers';
import { listResponse, pageItems, readPager } from '../../../src/phoenix/pager';

const code = (r: { ok: boolean; error?: { code: string } }): string | undefined => (r.ok ? undefined : r.error?.code);

describe('param readers', () => {
  it('reads strings leniently', () => {
    expect(readString({ id: 480097 }, 'id')).toEqual({ ok: true, value: '480097' });
    expect(readString({}, 'id')).toEqual({ ok: true, value: undefined });
    expect(code(readString({}, 'id', { required: true }))).toBe('500053');
    expect(readString({}, 'id', { required: true })).toEqual({ ok: false, error: { code: '500053', message: 'Missing parameter [id]' } });
    expect(code(readString({ id: '' }, 'id', { required: true, nonEmpty: true }))).toBe('50027');
    expect(code(readString({ id: { a: 1 } }, 'id'))).toBe('50026');
    expect(readString({ id: null }, 'id')).toEqual({ ok: true, value: undefined });
  });
  it('walks dotted paths and labels errors with them', () => {
    expect(readRaw({ filter: { kSql: 'x' } }, 'filter.kSql')).toBe('x');
    expect(readIdList({ filter: { assetIdIn: '' } }, 'filter.assetIdIn', { nonEmpty: true })).toEqual({ ok: false, error: { code: '50027', message: 'Argument [filter.assetIdIn] cannot be empty' } });
    expect(code(readIdList({}, 'filter.assetIdIn', { nonEmpty: true }))).toBe('50027');
  });
  it('reads integers: numeric strings, truncated floats, ranges', () => {
    expect(readInt({ n: '42' }, 'n')).toEqual({ ok: true, value: 42 });
    expect(readInt({ n: 12.97 }, 'n')).toEqual({ ok: true, value: 12 });
    expect(readInt({ n: '-3.5' }, 'n')).toEqual({ ok: true, value: -3 });
    expect(code(readInt({ n: 1.5 }, 'n', { integerOnly: true }))).toBe('500031');
    expect(readInt({ n: 'abc' }, 'n')).toEqual({ ok: false, error: { code: '500031', message: 'Argument [n] must be numeric' } });
    expect(code(readInt({ n: 0 }, 'n', { min: 1 }))).toBe('500048');
    expect(code(readInt({ n: 9 }, 'n', { max: 5 }))).toBe('500047');
    expect(readNumber({ n: '12.37' }, 'n')).toEqual({ ok: true, value: 12.37 });
    expect(code(readNumber({ n: [] }, 'n'))).toBe('500031');
  });
  it('reads booleans in every spelling', () => {
    for (const v of [true, 'true', 'TRUE', 1, '1']) expect(readBool({ b: v }, 'b')).toEqual({ ok: true, value: true });
    for (const v of [false, 'false', 0, '0']) expect(readBool({ b: v }, 'b')).toEqual({ ok: true, value: false });
    expect(code(readBool({ b: 'maybe' }, 'b'))).toBe('50026');
  });
  it('reads enums case-insensitively and returns the canonical value', () => {
    expect(readEnum({ t: 'MEDIA' }, 't', ['media', 'epg'] as const)).toEqual({ ok: true, value: 'media' });
    expect(readEnum({ t: 'nPVR' }, 't', ['npvr'] as const)).toEqual({ ok: true, value: 'npvr' });
    expect(readEnum({ t: 'x' }, 't', ['media'] as const)).toEqual({ ok: false, error: { code: '500041', message: 'Enumerator value [x] is not supported for argument [t]' } });
  });
  it('reads objects and lists', () => {
    expect(readObject({ f: { a: 1 } }, 'f')).toEqual({ ok: true, value: { a: 1 } });
    expect(code(readObject({ f: 'x' }, 'f'))).toBe('50026');
    expect(code(readObject({}, 'f', { required: true }))).toBe('500053');
    expect(readIdList({ ids: '1, 2,,3' }, 'ids')).toEqual({ ok: true, value: [1, 2, 3] });
    expect(readIdList({ ids: [4, '5'] }, 'ids')).toEqual({ ok: true, value: [4, 5] });
    expect(readIdList({ ids: 7 }, 'ids')).toEqual({ ok: true, value: [7] });
    expect(code(readIdList({ ids: '1,a' }, 'ids'))).toBe('500031');
    expect(readStringList({ u: 'a,b' }, 'u')).toEqual({ ok: true, value: ['a', 'b'] });
    expect(readStringList({}, 'u')).toEqual({ ok: true, value: [] });
  });
});

describe('pager', () => {
  it('defaults, clamps and pages (brief §2.3)', () => {
    expect(readPager({})).toEqual({ ok: true, value: { pageIndex: 1, pageSize: 25 } });
    expect(readPager({ pager: { pageSize: 0, pageIndex: 0 } })).toEqual({ ok: true, value: { pageIndex: 1, pageSize: 25 } });
    expect(readPager({ pager: { pageSize: '500', pageIndex: '2' } })).toEqual({ ok: true, value: { pageIndex: 2, pageSize: 50 } });
    expect(code(readPager({ pager: { pageSize: 'x' } }))).toBe('500031');
    expect(pageItems([1, 2, 3, 4, 5], { pageIndex: 2, pageSize: 2 })).toEqual([3, 4]);
    expect(listResponse('KalturaXListResponse', [1, 2, 3], { pageIndex: 1, pageSize: 2 })).toEqual({ objectType: 'KalturaXListResponse', objects: [1, 2], totalCount: 3 });
  });
});
