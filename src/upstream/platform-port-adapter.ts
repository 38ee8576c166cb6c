import type { PlatformPort, PlatformReply, PlatformRequest, PlatformSubject } from '../translate/platform-port';
import type { PlatformHttpClient } from './platform-http-client';
import type { PlatformTokenCache } from './platform-token-cache';

function withQuery(request: PlatformRequest): string {
  if (request.query === undefined) return request.path;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query)) if (value !== undefined) search.set(name, String(value));
  const text = search.toString();
  return text === '' ? request.path : `${request.path}?${text}`;
}

/**
 * The PlatformPort translators use, bound to one caller: `call` sends the caller's exchanged token
 * (retrying once with a fresh token if the platform says it is no longer valid), `callAsClient`
 * sends understudy's own client credentials. With `changeOrigin`, writes carry it as `X-Change-Origin`.
 */
export function createPlatformPort(client: PlatformHttpClient, tokens: PlatformTokenCache, subject: PlatformSubject, changeOrigin?: string): PlatformPort {
  // The origin marker tells the sync's change-feed reader that the facade captured these writes already.
  const send = (request: PlatformRequest, authorization: string): Promise<PlatformReply> =>
    client.send({ method: request.method, path: withQuery(request), body: request.body, headers: changeOrigin === undefined || request.method === 'GET' ? { authorization } : { authorization, 'x-change-origin': changeOrigin } });
  return {
    async call(request) {
      const reply = await send(request, `Bearer ${await tokens.tokenFor(subject)}`);
      if (reply.status !== 401) return reply;
      tokens.forget(subject);
      return send(request, `Bearer ${await tokens.tokenFor(subject)}`);
    },
    callAsClient: (request) => send(request, tokens.basicAuth),
  };
}
