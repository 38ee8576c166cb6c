/**
 * JSON pointers (RFC 6901) and field signatures: the pointer with every array position replaced by
 * `*`, so `/result/objects/3/name` and `/result/objects/7/name` count as one field.
 */

/** Escapes one reference token (`~` → `~0`, `/` → `~1`). */
export function escapePointerToken(token: string): string {
  return token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token;
}

/** Builds a pointer from path segments (numbers are array positions). */
export function toPointer(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) out += '/' + (typeof segment === 'number' ? String(segment) : escapePointerToken(segment));
  return out;
}

/** Builds the field signature from path segments: array positions become `*`. */
export function toSignature(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) out += '/' + (typeof segment === 'number' ? '*' : escapePointerToken(segment));
  return out;
}

/** Splits a pointer into unescaped tokens (`''` → `[]`). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Reads the value at a pointer, or undefined when the path does not exist. */
export function readPointer(document: unknown, pointer: string): unknown {
  let at: unknown = document;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(at)) at = at[Number(token)];
    else if (typeof at === 'object' && at !== null) at = (at as Record<string, unknown>)[token];
    else return undefined;
  }
  return at;
}

/**
 * A compiled path pattern: tokens of a signature where a `*` token matches one token and a `**`
 * token any number of tokens (zero included), so the pattern "/ ** /ks" (without spaces) matches
 * `ks` at any depth.
 */
export type PathMatcher = (signatureTokens: readonly string[]) => boolean;

function matchFrom(pattern: readonly string[], p: number, tokens: readonly string[], t: number): boolean {
  if (p === pattern.length) return t === tokens.length;
  const want = pattern[p]!;
  if (want === '**') {
    for (let skip = t; skip <= tokens.length; skip++) if (matchFrom(pattern, p + 1, tokens, skip)) return true;
    return false;
  }
  if (t === tokens.length) return false;
  return (want === '*' || want === tokens[t]) && matchFrom(pattern, p + 1, tokens, t + 1);
}

/** Compiles a path pattern (pointer syntax plus the `*` and `**` tokens, see PathMatcher). */
export function compilePathPattern(pattern: string): PathMatcher {
  const tokens = parsePointer(pattern);
  return (signatureTokens) => matchFrom(tokens, 0, signatureTokens, 0);
}
