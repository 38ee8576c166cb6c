/**
 * Masks secrets in free text — log messages, URLs, error messages — before they are written
 * (docs/architecture.md §4 "Observability and admin": pino JSON logs with redaction).
 */

/** What every masked secret is replaced with, in text and in structured fields alike. */
export const REDACTED = '[redacted]';

/** Parameter names whose values are secret or identify a device, wherever they appear. */
export const SECRET_PARAMETER_NAMES: readonly string[] = [
  'ks',
  'password',
  'refreshToken',
  'refresh_token',
  'token',
  'accessToken',
  'access_token',
  'udid',
];

const names = SECRET_PARAMETER_NAMES.join('|');

/** A vendor KS: base64(url) of `v2|…` always starts `djJ8`; the body is base64 or base64url. */
const ksPattern = /djJ8[A-Za-z0-9+/_=-]*/g;
/** A KS as a path segment of its own ends at the next `/`. */
const ksSegmentPattern = /\/djJ8[A-Za-z0-9+_=%-]*/g;
/** `ks=…`, `password=…` in a query string, form body or free text. */
const queryPairPattern = new RegExp(`(^|[^A-Za-z0-9_.-])(${names})=[^&;#\\s"']*`, 'gi');
/** `/ks/…` pairs of the vendor's trailing `/key/value` routing form (docs/architecture.md §4 "Vendor protocol"). */
const pathPairPattern = new RegExp(`/(${names})/[^/?#\\s"']+`, 'gi');
/** `"password":"…"` in a JSON text that ended up in a message. */
const jsonPairPattern = new RegExp(`("(?:${names})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');
/** `Authorization` credentials quoted in text. */
const credentialPattern = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;

/** Returns `text` with KS strings, secret parameters and bearer/basic credentials masked. */
export function redactText(text: string): string {
  // Path forms first: a KS in a path cannot hold `/`, so the KS pattern (which may, for standard
  // base64 in free text) must not run on into the next `/key/value` pair.
  return text
    .replace(pathPairPattern, `/$1/${REDACTED}`)
    .replace(ksSegmentPattern, `/${REDACTED}`)
    .replace(ksPattern, REDACTED)
    .replace(queryPairPattern, `$1$2=${REDACTED}`)
    .replace(jsonPairPattern, `$1"${REDACTED}"`)
    .replace(credentialPattern, `$1 ${REDACTED}`);
}
