import { Agent as HttpAgent, type AgentOptions } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/**
 * A keep-alive agent (http or https) that knows how many sockets it holds open (busy or idle), so a
 * test or a health check can prove aborted requests leave no socket behind (style.md "Traps").
 */
export type CountingAgent = HttpAgent & { openSockets(): number };

/**
 * How long a pooled upstream socket may sit idle before the agent closes it (docs/upstream.md
 * "Idle sockets"). Node 24's agent can pool a socket it opened for a request that was aborted
 * while queued, never used; without an idle limit such a socket stays open for as long as the
 * vendor tolerates it. 4 s is below the 5 s keep-alive timeout of Node's own servers, so the
 * agent, not the vendor, closes an idle connection; a request in flight sets its own timeout.
 */
export const IDLE_UPSTREAM_SOCKET_MS = 4000;

/** Creates a counting agent for the upstream's protocol; `ca` trusts a private CA (PEM) for https. */
export function createCountingAgent(protocol: 'http:' | 'https:', options: AgentOptions & { readonly ca?: string }): CountingAgent {
  const withIdleLimit = { timeout: IDLE_UPSTREAM_SOCKET_MS, ...options };
  const agent: HttpAgent = protocol === 'https:' ? new HttpsAgent(withIdleLimit) : new HttpAgent(withIdleLimit);
  let open = 0;
  const createConnection = agent.createConnection.bind(agent);
  agent.createConnection = (...args: Parameters<HttpAgent['createConnection']>) => {
    const socket = createConnection(...args);
    if (socket !== null && socket !== undefined) {
      open++;
      socket.once('close', () => {
        open--;
      });
    }
    return socket;
  };
  return Object.assign(agent, { openSockets: () => open });
}
