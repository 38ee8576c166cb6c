import { ksqlErrorToVendorError, parseKsql, tokenizeKsql, type KsqlNode } from '../../../src/phoenix/ksql';

function parsed(text: string): KsqlNode {
  const result = parseKsql(text);
  if (!result.ok) throw new Error(`parse failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

function syntaxFails(text: string): boolean {
  const result = parseKsql(text);
  return !result.ok && result.error.kind === 'syntax';
}

describe('tokenizeKsql', () => {
  it('splits groups, words, operators and quoted values', () => {
    const result = tokenizeKsql("(and name='a b' start_date>='1')");
    expect(result.ok && result.value.map((t) => t.type)).toEqual(['open', 'word', 'word', 'operator', 'string', 'word', 'operator', 'string', 'close']);
  });

  it('lexes two-character operators before one-character ones', () => {
    for (const op of ['!=', '!~', '!+', '^=', '>=', '<=']) {
      const result = tokenizeKsql(`k${op}'v'`);
      expect(result.ok && result.value[1]).toMatchObject({ type: 'operator', op });
    }
  });

  it('rejects a stray exclamation mark and an unterminated quote', () => {
    expect(tokenizeKsql("k!'v'").ok).toBe(false);
    expect(tokenizeKsql("k='v").ok).toBe(false);
  });
});

describe('parseKsql', () => {
  it('parses a single comparison', () => {
    expect(parsed("Genre='Drama'")).toEqual({ kind: 'compare', key: 'Genre', op: '=', value: 'Drama' });
  });

  it('parses the brief §5.2 EPG example', () => {
    expect(parsed("(and epg_channel_id='123' start_date>='1700000000')")).toEqual({
      kind: 'and',
      children: [
        { kind: 'compare', key: 'epg_channel_id', op: '=', value: '123' },
        { kind: 'compare', key: 'start_date', op: '>=', value: '1700000000' },
      ],
    });
  });

  it('nests groups, any case of and/or, extra whitespace', () => {
    expect(parsed("( AND  name~'x'  (Or a='1' b!='2') )")).toEqual({
      kind: 'and',
      children: [
        { kind: 'compare', key: 'name', op: '~', value: 'x' },
        {
          kind: 'or',
          children: [
            { kind: 'compare', key: 'a', op: '=', value: '1' },
            { kind: 'compare', key: 'b', op: '!=', value: '2' },
          ],
        },
      ],
    });
  });

  it('accepts every operator of brief §5.2', () => {
    for (const op of ['=', '!=', '~', '!~', '^', '^=', '+', '!+', '>', '>=', '<', '<=', ':'] as const) {
      expect(parsed(`k${op}'v'`)).toEqual({ kind: 'compare', key: 'k', op, value: 'v' });
    }
  });

  it('accepts presence operators with an empty value or none', () => {
    expect(parsed("Genre+''")).toEqual({ kind: 'compare', key: 'Genre', op: '+', value: '' });
    expect(parsed('(and Genre+ Rating!+)')).toEqual({
      kind: 'and',
      children: [
        { kind: 'compare', key: 'Genre', op: '+', value: '' },
        { kind: 'compare', key: 'Rating', op: '!+', value: '' },
      ],
    });
    expect(parsed("(and Genre+ name='x')")).toEqual({
      kind: 'and',
      children: [
        { kind: 'compare', key: 'Genre', op: '+', value: '' },
        { kind: 'compare', key: 'name', op: '=', value: 'x' },
      ],
    });
  });

  it('accepts double quotes, unquoted values and escaped quotes', () => {
    expect(parsed('name="Big Day"')).toMatchObject({ value: 'Big Day' });
    expect(parsed('start_date>1700000000')).toMatchObject({ op: '>', value: '1700000000' });
    expect(parsed("media_id:480001,480002")).toMatchObject({ op: ':', value: '480001,480002' });
    expect(parsed("name='it\\'s'")).toMatchObject({ value: "it's" });
    expect(parsed("name='(and x)'")).toMatchObject({ value: '(and x)' });
  });

  it('reports syntax errors', () => {
    const bad = ['', '   ', '(', ')', '(and', "(and name='x'", "(not name='x')", "(name='x')", '(and)', "name=", "name 'x'", "name='x')", "a='1' b='2'", "'x'='y'", "(and ='x')"];
    for (const text of bad) expect([text, syntaxFails(text)]).toEqual([text, true]);
  });

  it('limits the whole filter to 2048 characters', () => {
    const head = "name='";
    const exact = `${head}${'a'.repeat(2048 - head.length - 1)}'`;
    expect(exact).toHaveLength(2048);
    expect(parseKsql(exact).ok).toBe(true);
    const result = parseKsql(`${exact} `);
    expect(!result.ok && result.error).toEqual({ kind: 'too-long', length: 2049, maxLength: 2048 });
  });
});

describe('ksqlErrorToVendorError', () => {
  it('maps syntax errors to 4004 and length to 500045', () => {
    const syntax = parseKsql('(and');
    expect(!syntax.ok && ksqlErrorToVendorError(syntax.error)).toEqual({ code: '4004', message: 'Syntax error' });
    const long = parseKsql('x'.repeat(3000));
    expect(!long.ok && ksqlErrorToVendorError(long.error)).toMatchObject({
      code: '500045',
      message: 'Argument [filter.kSql] maximum length is [2048]',
    });
  });
});
