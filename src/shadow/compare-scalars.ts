/**
 * Scalar comparison under a path rule: tolerances for numbers and times, tokens by shape,
 * ids through the id map, normalisers. Pure; returns true when the two values count as equal.
 */
import type { IdResolver, Normaliser, PathRule, TokenShape } from './path-rules';

/** A vendor KS is base64 of `v2|…` (brief §3): it always starts with `djJ8`. */
const ksShape = /^djJ8[A-Za-z0-9+/_=-]+$/;
/** A path segment that looks like a signature or token: long base64url / hex runs. */
const tokenSegment = /^[A-Za-z0-9_=+-]{24,}$/;

function isToken(shape: TokenShape, value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  return shape === 'ks' ? ksShape.test(value) : true;
}

/** A URL without its origin, query, fragment and token-like path segments. */
export function stripSignedUrl(url: string): string {
  let path = url;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
  if (scheme) path = path.slice(scheme[0].length);
  path = path.split(/[?#]/, 1)[0] ?? '';
  // A company CDN URL's path token and expiry (docs/media.md "Tokens") are noise: moving a file to
  // storage changes host and prefix only, never the object path.
  path = path.replace(/^\/t\/[A-Za-z0-9_-]{1,64}\/\d{1,12}(?=\/)/, '');
  return path
    .split('/')
    .map((segment) => (tokenSegment.test(segment) ? '*' : segment))
    .join('/');
}

function normalise(kind: Normaliser, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (kind === 'lowercase') return value.toLowerCase();
  if (kind === 'trim') return value.trim();
  return value.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
}

function toEpochSeconds(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value !== '') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms / 1000;
  }
  return undefined;
}

function numbersClose(a: unknown, b: unknown, absolute = 0, relative = 0): boolean {
  if (typeof a !== 'number' || typeof b !== 'number') return a === b;
  const delta = Math.abs(a - b);
  return delta <= absolute || delta <= relative * Math.max(Math.abs(a), Math.abs(b));
}

function idText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** True when `primary` and `candidate` are equal under `rule` (plain `===` without one). */
export function scalarsEqual(primary: unknown, candidate: unknown, rule: PathRule | undefined, ids?: IdResolver): boolean {
  if (rule === undefined) return primary === candidate;
  switch (rule.rule) {
    case 'number':
      return numbersClose(primary, candidate, rule.absolute, rule.relative);
    case 'time': {
      const a = toEpochSeconds(primary);
      const b = toEpochSeconds(candidate);
      return a === undefined || b === undefined ? primary === candidate : Math.abs(a - b) <= rule.toleranceSeconds;
    }
    case 'token':
      if (primary === candidate) return true;
      if (rule.token === 'signed-url') return typeof primary === 'string' && typeof candidate === 'string' && stripSignedUrl(primary) === stripSignedUrl(candidate);
      return isToken(rule.token, primary) && isToken(rule.token, candidate);
    case 'id': {
      if (primary === candidate) return true;
      const a = idText(primary);
      const b = idText(candidate);
      if (ids === undefined || a === undefined || b === undefined) return false;
      const canonical = ids(rule.idKind, a);
      return canonical !== undefined && canonical === ids(rule.idKind, b);
    }
    case 'normalise':
      return normalise(rule.normalise, primary) === normalise(rule.normalise, candidate);
    default:
      return primary === candidate;
  }
}
