import { Agent as HttpAgent, type AgentOptions } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/**
 * A keep-alive agent (http or https) that knows how many sockets it holds open (busy or idle), so a
 * test or a health check can prove aborted requests leave no socket behind (style.md "Traps").
 */
export type CountingAgent = HttpAgent & { openSockets(): number };

/** Creates a counting agent for the upstream's protocol; `ca` trusts a private CA (PEM) for https. */
export function createCountingAgent(protocol: 'http:' | 'https:', options: AgentOptions & { readonly ca?: string }): CountingAgent {
  const agent: HttpAgent = protocol === 'https:' ? new HttpsAgent(options) : new HttpAgent(options);
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
