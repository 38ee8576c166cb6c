import type { IncomingMessage } from 'node:http';

/**
 * Permissive CORS (brief §1.3: browsers and smart-TV web runtimes POST JSON cross-origin; the
 * vendor's exact values are [U]). The Origin is echoed when sent, `*` otherwise.
 */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return {
    'access-control-allow-origin': typeof origin === 'string' && origin !== '' ? origin : '*',
    ...(typeof origin === 'string' && origin !== '' ? { vary: 'Origin' } : {}),
  };
}

/** Headers of the 204 answer to an OPTIONS preflight. */
export function preflightHeaders(req: IncomingMessage): Record<string, string> {
  const requested = req.headers['access-control-request-headers'];
  return {
    ...corsHeaders(req),
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': typeof requested === 'string' && requested !== '' ? requested : 'Content-Type, Accept',
    'access-control-max-age': '86400',
    'content-length': '0',
  };
}
