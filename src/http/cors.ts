import type { IncomingHttpHeaders } from 'node:http';

/**
 * Permissive CORS as web and smart-TV players need it (brief §1.3, [U] values chosen in
 * docs/vendor-decisions.md): the Origin is echoed (or `*`), preflights are answered 204.
 */
export function corsHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const origin = typeof headers.origin === 'string' && headers.origin !== '' ? headers.origin : '*';
  const out: Record<string, string> = { 'access-control-allow-origin': origin };
  if (origin !== '*') out.vary = 'Origin';
  return out;
}

/** Headers of a preflight answer. */
export function preflightHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const requested = headers['access-control-request-headers'];
  return {
    ...corsHeaders(headers),
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': typeof requested === 'string' && requested !== '' ? requested : 'Content-Type, Accept',
    'access-control-max-age': '86400',
  };
}
