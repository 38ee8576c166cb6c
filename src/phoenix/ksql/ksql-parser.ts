import { err, ok, type Result } from '../../core/result';
import type { KsqlError, KsqlNode, KsqlOperator } from './ksql-ast';
import { tokenizeKsql, type KsqlToken } from './ksql-tokenizer';

/** Longest accepted filter text (brief §5.2: "the whole filter at most 2048"). */
export const ksqlMaxLength = 2048;

type Parsed<T> = Result<{ node: T; next: number }, KsqlError>;

function syntaxError(position: number, reason: string): { ok: false; error: KsqlError } {
  return err({ kind: 'syntax', position, reason });
}

/** `+` and `!+` test for presence, so their value may be left out (`Genre+`, or `Genre+''`). */
function isPresenceOperator(op: KsqlOperator): boolean {
  return op === '+' || op === '!+';
}

function parseCompare(tokens: readonly KsqlToken[], at: number, end: number): Parsed<KsqlNode> {
  const keyToken = tokens[at];
  if (keyToken?.type !== 'word') return syntaxError(keyToken?.position ?? end, 'expected a field name');
  const opToken = tokens[at + 1];
  if (opToken?.type !== 'operator') return syntaxError(opToken?.position ?? end, `expected an operator after '${keyToken.text}'`);
  const valueToken = tokens[at + 2];
  const hasValue = valueToken !== undefined && (valueToken.type === 'string' || valueToken.type === 'word');
  if (!hasValue) {
    if (!isPresenceOperator(opToken.op)) return syntaxError(valueToken?.position ?? end, `expected a value after '${opToken.op}'`);
    return ok({ node: { kind: 'compare', key: keyToken.text, op: opToken.op, value: '' }, next: at + 2 });
  }
  // A bare word right after `+` is the next comparison's key unless an operator follows it.
  const wordStartsNextCompare = valueToken.type === 'word' && tokens[at + 3]?.type === 'operator';
  if (isPresenceOperator(opToken.op) && wordStartsNextCompare) {
    return ok({ node: { kind: 'compare', key: keyToken.text, op: opToken.op, value: '' }, next: at + 2 });
  }
  return ok({ node: { kind: 'compare', key: keyToken.text, op: opToken.op, value: valueToken.text }, next: at + 3 });
}

function parseGroup(tokens: readonly KsqlToken[], at: number, end: number): Parsed<KsqlNode> {
  const keyword = tokens[at + 1];
  const kind = keyword?.type === 'word' ? keyword.text.toLowerCase() : '';
  if (kind !== 'and' && kind !== 'or') return syntaxError(keyword?.position ?? end, "expected 'and' or 'or' after '('");
  const children: KsqlNode[] = [];
  let i = at + 2;
  while (i < tokens.length && tokens[i]?.type !== 'close') {
    const child = parseExpression(tokens, i, end);
    if (!child.ok) return child;
    children.push(child.value.node);
    i = child.value.next;
  }
  const close = tokens[i];
  if (close === undefined) return syntaxError(end, `unclosed '(${kind}'`);
  if (children.length === 0) return syntaxError(close.position, `empty '(${kind})'`);
  return ok({ node: { kind, children }, next: i + 1 });
}

function parseExpression(tokens: readonly KsqlToken[], at: number, end: number): Parsed<KsqlNode> {
  const token = tokens[at];
  if (token === undefined) return syntaxError(end, 'unexpected end of filter');
  if (token.type === 'open') return parseGroup(tokens, at, end);
  if (token.type === 'word') return parseCompare(tokens, at, end);
  return syntaxError(token.position, `unexpected ${token.type === 'close' ? "')'" : token.type}`);
}

/**
 * Parses a KSQL filter (brief §5.2) into a tree: one expression, either a group or a single
 * comparison. Too long → `too-long`; anything malformed → `syntax` (vendor 4004).
 */
export function parseKsql(text: string): Result<KsqlNode, KsqlError> {
  if (text.length > ksqlMaxLength) return err({ kind: 'too-long', length: text.length, maxLength: ksqlMaxLength });
  const tokens = tokenizeKsql(text);
  if (!tokens.ok) return tokens;
  const parsed = parseExpression(tokens.value, 0, text.length);
  if (!parsed.ok) return parsed;
  const extra = tokens.value[parsed.value.next];
  if (extra !== undefined) return syntaxError(extra.position, 'text after the end of the filter');
  return ok(parsed.value.node);
}
