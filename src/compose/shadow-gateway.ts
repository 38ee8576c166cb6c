/**
 * What shadow mode adds to the gateway (docs/shadow.md): every call's operation is counted, so the
 * parity answer can give the compared share (samples ÷ calls), and the shadowed slots of requests
 * the facade executes itself are handed to the executor (shadow-executed-slots.ts).
 */
import type { ExecutedShadowHook } from '../gateway/executed-shadow';
import type { FacadeGateway } from '../gateway/facade-request-handler';
import type { ShadowExecutor } from '../shadow/shadow-executor';

export interface ShadowGatewayParts {
  readonly executor: ShadowExecutor;
  readonly executed: ExecutedShadowHook;
  /** Operations of the vendor contract: only they are counted (a request names any operation it likes). */
  readonly known: (operationId: string) => boolean;
}

/** The gateway with shadow mode's call counting and executed-request hook. */
export function withShadowGateway(gateway: FacadeGateway, parts: ShadowGatewayParts): FacadeGateway {
  const base = gateway.metrics;
  const { parity } = parts.executor;
  return {
    ...gateway,
    shadow: parts.executed,
    metrics: {
      recordDecision: (record) => {
        base?.recordDecision(record);
        if (parts.known(record.operation)) parity.countCall(record.operation);
      },
    },
  };
}
