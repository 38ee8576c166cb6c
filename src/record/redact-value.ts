/**
 * Redaction of one exchange before it is written (issue 12; docs/recording.md "Redaction"): values
 * under secret keys (KS, passwords, refresh tokens, emails, udids, secrets) and under configured
 * path patterns become stable pseudonyms; every string is then scanned for KS and email shapes and
 * for the exact secrets found in the same exchange (a udid echoed in free text, say).
 */
import { compilePathPattern, type PathMatcher } from '../shadow/json-pointer';
import { isPseudonym, type Pseudonymizer, type SecretKind } from './pseudonymizer';

const keyKinds: Readonly<Record<string, SecretKind>> = {
  ks: 'ks',
  password: 'password',
  newpassword: 'password',
  oldpassword: 'password',
  currentpassword: 'password',
  refreshtoken: 'token',
  token: 'token',
  accesstoken: 'token',
  authorization: 'token',
  email: 'email',
  udid: 'udid',
  secret: 'secret',
  partnersecret: 'secret',
  adminsecret: 'secret',
};
// base64url (brief §4.1): no "/", so a KS inside a URL path does not swallow the segments after it.
const ksShape = /djJ8[A-Za-z0-9+_=-]{8,}/g;
const emailShape = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** Shorter exact secrets are not hunted in free text (they would clobber ordinary words). */
const minFreeTextSecret = 6;
const maxDepth = 32;

/** A redactor for one recording: the pseudonymizer plus the configured extra paths. */
export interface Redactor {
  /** Redacts the given JSON values of one exchange together (secrets found in one are hunted in all). */
  redact(values: readonly unknown[]): unknown[];
  /** Redacts a free-text string (a Location header, a non-JSON body) with the shapes and `known` secrets. */
  redactText(text: string, known?: ReadonlyMap<string, string>): string;
}

interface Walk {
  readonly paths: readonly PathMatcher[];
  readonly pseudo: Pseudonymizer;
  readonly known: Map<string, string>;
}

function kindAt(key: string | number, signature: readonly string[], walk: Walk): SecretKind | undefined {
  if (typeof key === 'string') {
    const kind = keyKinds[key.toLowerCase()];
    if (kind !== undefined) return kind;
  }
  return walk.paths.some((matches) => matches(signature)) ? 'secret' : undefined;
}

/** First pass: the secrets under secret keys and configured paths, with their pseudonyms. */
function collect(value: unknown, signature: string[], walk: Walk, depth: number): void {
  if (value === null || typeof value !== 'object' || depth >= maxDepth) return;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
  for (const [key, item] of entries) {
    signature.push(typeof key === 'number' ? '*' : key);
    const kind = kindAt(key, signature, walk);
    if (kind !== undefined && typeof item === 'string' && item !== '' && !isPseudonym(item)) walk.known.set(item, walk.pseudo.pseudonym(kind, item));
    else if (kind !== undefined && item !== null && typeof item === 'object') walk.known.set(JSON.stringify(item), walk.pseudo.pseudonym(kind, JSON.stringify(item)));
    collect(item, signature, walk, depth + 1);
    signature.pop();
  }
}

function replaceKnown(text: string, known: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [secret, pseudonym] of known) if (secret.length >= minFreeTextSecret && out.includes(secret)) out = out.split(secret).join(pseudonym);
  return out;
}

function scanText(text: string, pseudo: Pseudonymizer, known: ReadonlyMap<string, string>): string {
  const exact = known.get(text);
  if (exact !== undefined) return exact;
  return replaceKnown(text, known)
    .replace(ksShape, (ks) => pseudo.pseudonym('ks', ks))
    .replace(emailShape, (email) => (isPseudonym(email) ? email : pseudo.pseudonym('email', email)));
}

/** Second pass: a copy with secrets replaced. */
function rewrite(value: unknown, signature: string[], walk: Walk, depth: number): unknown {
  if (typeof value === 'string') return scanText(value, walk.pseudo, walk.known);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= maxDepth) return '[deep]';
  if (Array.isArray(value)) return value.map((item, i) => rewriteEntry(i, item, signature, walk, depth));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = rewriteEntry(key, item, signature, walk, depth);
  return copy;
}

function rewriteEntry(key: string | number, item: unknown, signature: string[], walk: Walk, depth: number): unknown {
  signature.push(typeof key === 'number' ? '*' : key);
  const kind = kindAt(key, signature, walk);
  let out: unknown;
  if (kind !== undefined && typeof item === 'string' && item !== '') out = isPseudonym(item) ? item : walk.pseudo.pseudonym(kind, item);
  else if (kind !== undefined && item !== null && typeof item === 'object') out = walk.pseudo.pseudonym(kind, JSON.stringify(item));
  else out = rewrite(item, signature, walk, depth + 1);
  signature.pop();
  return out;
}

/** Builds the redactor of one recording; `paths` are pointer patterns with `*` and `**` (e.g. `/**` + `/pin`). */
export function createRedactor(pseudo: Pseudonymizer, paths: readonly string[] = []): Redactor {
  const matchers = paths.map((p) => compilePathPattern(p));
  return {
    redact(values) {
      const walk: Walk = { paths: matchers, pseudo, known: new Map() };
      for (const value of values) collect(value, [], walk, 0);
      return values.map((value) => rewrite(value, [], walk, 0));
    },
    redactText(text, known = new Map()) {
      return scanText(text, pseudo, known);
    },
  };
}
