/**
 * Wiring of the strangler routing for the composition root: policy (file + admin), vendor
 * passthrough and per-call vendor client behind one circuit breaker each, metrics and logs.
 */
import type { UnderstudyConfig } from './config/config-types';
import type { Clock } from './core/clock';
import { listOperations } from './contract/operation-index';
import type { FacadeGateway } from './gateway/facade-request-handler';
import type { FacadeCallEnvironment } from './gateway/facade-call-runner';
import { corsHeaders } from './http/cors';
import { createFacadeMetrics, type FacadeMetrics } from './metrics/facade-metrics';
import type { FacadeLogger } from './metrics/logger';
import { PolicyHolder } from './policy/policy-holder';
import { watchPolicyFile, type PolicyFileWatch } from './policy/policy-file';
import { createCircuitBreaker, type CircuitBreaker } from './upstream/circuit-breaker';
import type { VendorPassthrough } from './upstream/passthrough-types';
import { observeUpstream } from './compose/compose-upstream-metrics';
import { isUnchangedFile, persistPolicyVersions, restorePolicy, type RestoredPolicy } from './compose/compose-policy-store';
import type { PolicyVersionStore } from './store';
import { guardPlatformClient, type GuardedPlatformClient } from './upstream/guarded-platform-client';
import { guardVendorCalls } from './upstream/guarded-vendor-calls';
import { measurePassthrough } from './upstream/measured-passthrough';
import type { PlatformHttpClient } from './upstream/platform-http-client';
import { createVendorCallClient, type VendorCallClient } from './upstream/vendor-call-client';
import { createVendorPassthrough } from './upstream/vendor-passthrough';
import { isReadOnlyOperation } from './phoenix/read-only-operations';

export interface RoutingParts {
  readonly metrics: FacadeMetrics;
  readonly policy: PolicyHolder;
  readonly policyWatch?: PolicyFileWatch;
  readonly passthrough: VendorPassthrough;
  readonly vendorCalls: VendorCallClient;
  readonly breakers: { readonly vendor: CircuitBreaker; readonly platform: CircuitBreaker };
  /** The platform client behind the platform breaker, measured. */
  guardPlatform(client: PlatformHttpClient): GuardedPlatformClient;
  gatewayFor(facade: FacadeCallEnvironment): FacadeGateway;
  close(): Promise<void>;
}

/** Operations the metrics may name: the contract's, lower-cased, plus the request-level ones. */
function metricOperations(): string[] {
  return [...listOperations().map((op) => op.operationId.toLowerCase()), 'invalid'];
}

/** The store's policy versions and what earlier runs left there. */
export interface PolicyPersistence {
  readonly versions: PolicyVersionStore;
  readonly restored: RestoredPolicy;
}

function startPolicy(config: UnderstudyConfig, clock: Clock, metrics: FacadeMetrics, logger: FacadeLogger, persistence?: PolicyPersistence): { holder: PolicyHolder; watch?: PolicyFileWatch } {
  const holder = new PolicyHolder({ clock, operations: listOperations().map((op) => op.operationId.toLowerCase()) });
  holder.onChange((active) => {
    metrics.setPolicyVersion(active.version);
    logger.info({ event: 'policy_active', version: active.version, author: active.author }, 'policy version active');
  });
  const restored = persistence !== undefined && restorePolicy(holder, persistence.restored, logger);
  if (persistence !== undefined) persistPolicyVersions(holder, persistence.versions, logger);
  if (config.policy.file === undefined) return { holder };
  const watch = watchPolicyFile(holder, config.policy.file, {
    onReload: () => metrics.recordPolicyReload({ result: 'applied', source: 'file' }),
    onError: (errors) => {
      metrics.recordPolicyReload({ result: 'rejected', source: 'file' });
      logger.error({ event: 'policy_rejected', file: config.policy.file, errors }, 'policy file rejected; the active version stays');
    },
    ...(restored ? { keepActiveIf: (parsed: unknown) => isUnchangedFile(persistence.restored, parsed) } : {}),
  });
  if (!watch.initial.ok) throw new Error(`policy file ${config.policy.file} is invalid:\n  ${watch.initial.error.join('\n  ')}`);
  return { holder, watch };
}

/** Builds the routing parts for a running facade. */
export function composeRouting(config: UnderstudyConfig, vendorUrl: string, clock: Clock, logger: FacadeLogger, persistence?: PolicyPersistence): RoutingParts {
  const metrics = createFacadeMetrics({ operations: metricOperations() });
  const breaker = (name: 'vendor' | 'platform'): CircuitBreaker =>
    createCircuitBreaker({ name, clock, onStateChange: (to) => metrics.setBreakerState({ upstream: name, state: to }) });
  const breakers = { vendor: breaker('vendor'), platform: breaker('platform') };
  const { holder, watch } = startPolicy(config, clock, metrics, logger, persistence);
  const vendorObserver = observeUpstream(metrics, 'vendor');
  const rawPassthrough = createVendorPassthrough({ vendorUrl, timeoutMs: config.vendor.timeoutMs, breaker: breakers.vendor, onUpstreamError: (kind) => vendorObserver.onError(kind), failureHeaders: (req) => corsHeaders(req) });
  const passthrough = measurePassthrough(rawPassthrough, vendorObserver);
  const vendorCalls = guardVendorCalls(createVendorCallClient({ vendorUrl, timeoutMs: config.vendor.timeoutMs }), breakers.vendor, vendorObserver);
  const translatable = new Set(metricOperations());
  return {
    metrics,
    policy: holder,
    ...(watch === undefined ? {} : { policyWatch: watch }),
    passthrough,
    vendorCalls,
    breakers,
    guardPlatform: (client) => guardPlatformClient(client, breakers.platform, observeUpstream(metrics, 'platform')),
    gatewayFor: (facade) => ({
      policy: () => holder.current().policy,
      translatable: (operationId) => operationId in facade.translators && translatable.has(operationId),
      metrics: { recordDecision: (record) => metrics.recordDecision(record) },
      routed: {
        facade,
        vendor: vendorCalls,
        isReadOnly: isReadOnlyOperation,
        onVendorFailure: (error, operationId) => logger.warn({ event: 'vendor_call_failed', operationId, error: error instanceof Error ? error.message : String(error) }, 'vendor call failed'),
      },
    }),
    close: async () => {
      watch?.close();
      await Promise.all([passthrough.close(), vendorCalls.close()]);
    },
  };
}
