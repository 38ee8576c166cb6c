import { Agent, type AgentOptions } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * A keep-alive agent that knows how many sockets it holds open (busy or idle), so a test or a
 * health check can prove aborted requests leave no socket behind (style.md "Traps").
 */
export class CountingAgent extends Agent {
  private open = 0;

  constructor(options: AgentOptions) {
    super(options);
  }

  /** Sockets created by this agent and not yet closed. */
  openSockets(): number {
    return this.open;
  }

  override createConnection(...args: Parameters<Agent['createConnection']>): Duplex | null | undefined {
    const socket = super.createConnection(...args);
    if (socket !== null && socket !== undefined) {
      this.open++;
      socket.once('close', () => {
        this.open--;
      });
    }
    return socket;
  }
}
