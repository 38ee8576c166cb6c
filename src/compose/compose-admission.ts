/** Wiring of the gateway's admission step (issue 9): KS verified and rate budgets charged before any upstream call. */
import type { UnderstudyConfig } from '../config/config-types';
import { listOperations } from '../contract/operation-index';
import type { FacadeCallEnvironment } from '../gateway/facade-call-runner';
import type { FacadeGateway } from '../gateway/facade-request-handler';
import { createRequestAdmission } from '../gateway/request-admission';

/** The gateway with admission in front of routing. */
export function withAdmission(gateway: FacadeGateway, config: UnderstudyConfig, facade: FacadeCallEnvironment): FacadeGateway {
  const known = new Set(listOperations().map((op) => op.operationId.toLowerCase()));
  const admit = createRequestAdmission({
    decodeKs: facade.decodeKs,
    knowsOperation: (operationId) => known.has(operationId),
    rateLimits: config.edge.rateLimits,
    // Rate budgets run on real elapsed time, whatever the lab clock says.
    nowMs: () => performance.now(),
  });
  return { ...gateway, admit };
}
