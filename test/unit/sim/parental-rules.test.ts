import type { CatalogAsset } from '../../../src/core/catalog';
import { parentalRules } from '../../../src/sim/catalog/generate-parental';
import { applyingRules, isClosedToGuests, ruleMatchesAsset } from '../../../src/sim/catalog/parental-rules';

const rule = (id: number) => parentalRules.find((r) => r.id === id)!;
const asset = (kind: CatalogAsset['kind'], mediaTypeId: number, rating: string, genres: string[] = []): CatalogAsset =>
  ({ kind, mediaTypeId, metas: { Rating: { kind: 'string', value: rating } }, tags: { Genre: genres } }) as unknown as CatalogAsset;

describe('parental rules (docs/lab-rules.md "Parental rules")', () => {
  it('lists the user\'s own rules and the household\'s in rule order, each once', () => {
    const on = new Set(['household:2003', 'user:2002', 'household:2002']);
    const applied = applyingRules(parentalRules, (level, id) => on.has(`${level}:${id}`), 'user');
    expect(applied.map((a) => [a.rule.id, a.level])).toEqual([[2002, 'user'], [2003, 'household']]);
    expect(applyingRules(parentalRules, (level, id) => on.has(`${level}:${id}`), 'household').map((a) => a.rule.id)).toEqual([2002, 2003]);
  });
  it('matches by rule type and the topic values', () => {
    expect(ruleMatchesAsset(rule(2001), asset('vod', 421, 'NC-17'))).toBe(true);
    expect(ruleMatchesAsset(rule(2001), asset('vod', 421, 'PG'))).toBe(false);
    expect(ruleMatchesAsset(rule(2003), asset('vod', 421, 'TV-MA'))).toBe(false);
    expect(ruleMatchesAsset(rule(2003), asset('vod', 422, 'TV-MA'))).toBe(true);
    expect(ruleMatchesAsset(rule(2001), asset('program', 0, 'TV-MA'))).toBe(true);
    expect(ruleMatchesAsset(rule(2004), asset('vod', 421, 'G', ['Horror', 'Comedy']))).toBe(true);
    expect(ruleMatchesAsset(rule(2004), asset('vod', 422, 'G', ['Horror']))).toBe(false);
  });
  it('closes to guests only what a blockAnonymousAccess rule matches', () => {
    expect(isClosedToGuests(parentalRules, asset('vod', 421, 'PG-13', ['Horror']))).toBe(true);
    expect(isClosedToGuests(parentalRules, asset('vod', 421, 'NC-17', ['Western']))).toBe(false);
  });
});
