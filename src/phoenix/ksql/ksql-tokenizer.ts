import { err, ok, type Result } from '../../core/result';
import type { KsqlError, KsqlOperator } from './ksql-ast';

/** One lexical unit of a KSQL text, with its offset for error reports. */
export type KsqlToken =
  | { readonly type: 'open' | 'close'; readonly position: number }
  | { readonly type: 'word'; readonly text: string; readonly position: number }
  | { readonly type: 'operator'; readonly op: KsqlOperator; readonly position: number }
  | { readonly type: 'string'; readonly text: string; readonly position: number };

/** Two-character operators first so `>=` never lexes as `>` then `=`. */
const twoCharOperators: readonly KsqlOperator[] = ['!=', '!~', '!+', '^=', '>=', '<='];
const oneCharOperators: readonly KsqlOperator[] = ['=', '~', '^', '+', '>', '<', ':'];
const operatorStart = new Set(['=', '!', '~', '^', '+', '>', '<', ':']);

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  return !/\s/.test(ch) && ch !== '(' && ch !== ')' && ch !== "'" && ch !== '"' && !operatorStart.has(ch);
}

function readOperator(text: string, at: number): KsqlOperator | undefined {
  const two = text.slice(at, at + 2);
  return twoCharOperators.find((op) => op === two) ?? oneCharOperators.find((op) => op === text[at]);
}

/** Reads a quoted value; a backslash escapes the next character (so `\'` is a quote inside). */
function readQuoted(text: string, at: number): Result<{ text: string; end: number }, KsqlError> {
  const quote = text.charAt(at);
  let value = '';
  for (let i = at + 1; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\\' && i + 1 < text.length) {
      value += text.charAt(++i);
    } else if (ch === quote) {
      return ok({ text: value, end: i + 1 });
    } else {
      value += ch;
    }
  }
  return err({ kind: 'syntax', position: at, reason: 'unterminated quoted value' });
}

/** Splits a KSQL text into tokens; an unterminated quote or a stray `!` is a syntax error. */
export function tokenizeKsql(text: string): Result<KsqlToken[], KsqlError> {
  const tokens: KsqlToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ type: ch === '(' ? 'open' : 'close', position: i });
      i++;
    } else if (ch === "'" || ch === '"') {
      const quoted = readQuoted(text, i);
      if (!quoted.ok) return quoted;
      tokens.push({ type: 'string', text: quoted.value.text, position: i });
      i = quoted.value.end;
    } else if (operatorStart.has(ch)) {
      const op = readOperator(text, i);
      if (op === undefined) return err({ kind: 'syntax', position: i, reason: `unknown operator at '${ch}'` });
      tokens.push({ type: 'operator', op, position: i });
      i += op.length;
    } else {
      let end = i;
      while (end < text.length && isWordChar(text[end])) end++;
      tokens.push({ type: 'word', text: text.slice(i, end), position: i });
      i = end;
    }
  }
  return ok(tokens);
}
