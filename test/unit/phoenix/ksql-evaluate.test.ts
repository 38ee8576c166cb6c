import { evaluateKsql, parseKsql } from '../../../src/phoenix/ksql';

const asset: Record<string, readonly (string | number)[]> = {
  name: ['The Big Blue Day'],
  description: [''],
  media_id: [480001],
  genre: ['Drama', 'Comedy'],
  rating: ['8.5'],
  start_date: [1700000000],
  empty: [],
};

function holds(text: string): boolean {
  const node = parseKsql(text);
  if (!node.ok) throw new Error(`parse failed: ${text}`);
  return evaluateKsql(node.value, (key) => asset[key]);
}

describe('evaluateKsql', () => {
  it('passes keys lower-cased so field names match case-insensitively', () => {
    const seen: string[] = [];
    const node = parseKsql("GENRE='drama'");
    expect(node.ok && evaluateKsql(node.value, (key) => (seen.push(key), asset[key]))).toBe(true);
    expect(seen).toEqual(['genre']);
  });

  it('= and != are case-insensitive, any value for tags', () => {
    expect(holds("name='the big blue day'")).toBe(true);
    expect(holds("Genre='comedy'")).toBe(true);
    expect(holds("Genre='Horror'")).toBe(false);
    expect(holds("Genre!='Horror'")).toBe(true);
    expect(holds("Genre!='drama'")).toBe(false);
  });

  it('= compares numbers numerically', () => {
    expect(holds("media_id='480001'")).toBe(true);
    expect(holds("rating='8.50'")).toBe(true);
    expect(holds("media_id='480002'")).toBe(false);
  });

  it('~ !~ ^ ^=', () => {
    expect(holds("name~'BLUE'")).toBe(true);
    expect(holds("name!~'blue'")).toBe(false);
    expect(holds("name!~'red'")).toBe(true);
    expect(holds("name^'bl'")).toBe(true);
    expect(holds("name^'lue'")).toBe(false);
    expect(holds("name^='the big'")).toBe(true);
    expect(holds("name^='big'")).toBe(false);
  });

  it('+ and !+ test for a non-empty value', () => {
    expect(holds("Genre+''")).toBe(true);
    expect(holds("description+''")).toBe(false);
    expect(holds("description!+''")).toBe(true);
    expect(holds('empty+')).toBe(false);
    expect(holds('empty!+')).toBe(true);
    expect(holds('unknown!+')).toBe(true);
  });

  it('numeric operators; non-numeric values are false', () => {
    expect(holds("start_date>='1700000000'")).toBe(true);
    expect(holds("start_date>'1700000000'")).toBe(false);
    expect(holds("start_date<'1700000001'")).toBe(true);
    expect(holds("start_date<='1699999999'")).toBe(false);
    expect(holds("rating>'8'")).toBe(true);
    expect(holds("name>'1'")).toBe(false);
    expect(holds("start_date>'abc'")).toBe(false);
  });

  it(': holds when the number is one of the list', () => {
    expect(holds("media_id:'1,480001,3'")).toBe(true);
    expect(holds("media_id:'1,3'")).toBe(false);
    expect(holds("Genre:'Drama,Comedy'")).toBe(false);
  });

  it('unknown fields hold for no positive operator', () => {
    expect(holds("unknown='x'")).toBe(false);
    expect(holds("unknown!='x'")).toBe(true);
    expect(holds("unknown>'1'")).toBe(false);
  });

  it('geo_block, parental_rules, user_interests, entitled_assets always hold', () => {
    expect(holds("(and geo_block='true' parental_rules='true' user_interests='true' entitled_assets='entitled')")).toBe(true);
  });

  it('and / or combine', () => {
    expect(holds("(and Genre='drama' (or name~'red' media_id='480001'))")).toBe(true);
    expect(holds("(and Genre='drama' (or name~'red' media_id='1'))")).toBe(false);
    expect(holds("(or Genre='x' name~'day')")).toBe(true);
  });
});
