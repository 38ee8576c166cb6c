/**
 * Composition root: the only place that picks implementations (docs/architecture.md §3). Loads the catalogue
 * export into the id map, opens the store, starts lab sims for unconfigured upstreams, and serves
 * the vendor API through the facade pipeline.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UnderstudyConfig } from './config/config-types';
import { storeConnectionOf } from './config/store-connection';
import type { CallerSession } from './core/caller-session';
import type { OffsetClock, Clock } from './core/clock';
import type { IdMapper } from './core/id-mapper';
import { createCachedKsDecoder } from './phoenix/ks-decoder';
import type { FacadeCallEnvironment } from './gateway/facade-call-runner';
import { createFacadeSessions } from './gateway/facade-sessions';
import { composeRouting, type RoutingParts } from './compose-routing';
import { createEdgeServer, createPublicBaseUrl } from './compose/compose-edge';
import { withAdmission } from './compose/compose-admission';
import { composeShadow, type ShadowParts } from './compose/compose-shadow';
import { composeCoverage } from './compose/compose-coverage';
import { SqlCoverageDayStore } from './store/coverage-day-store';
import type { AdminFeatureRoutes } from './http/admin-app';
import { createAdminApp } from './http/admin-app';
import { createFacadeListener } from './http/facade-listener';
import { createLogger, logChange, type FacadeLogger } from './metrics/logger';
import { createShutdown } from './compose/compose-drain';
import { composeRecording } from './compose/compose-record';
import { readPackageVersion, registerBuildInfo } from './metrics/build-info-metrics';
import { resolveClock } from './compose/compose-clock';
import { createAccessLog } from './compose/compose-access-log';
import { listOperations } from './contract/operation-index';
import { mayPrintGeneratedToken, warnAboutLabLeftovers } from './compose/compose-safety';
import { startUpstreams, type Upstreams } from './lab';
import { loadIdMap } from './sim/catalog/load-catalog';
import { CachedIdMap, CachedRevocationStore, openStore, SqlPolicyVersionStore, type Store } from './store';
import { readRestoredPolicy } from './compose/compose-policy-store';
import { startSharedState } from './compose/compose-shared-state';
import type { PlatformSubject } from './translate/platform-port';
import { vendorTranslators } from './translate/vendor-translators';
import { createPlatformHttpClient } from './upstream/platform-http-client';
import type { GuardedPlatformClient } from './upstream/guarded-platform-client';
import { createPlatformPort } from './upstream/platform-port-adapter';
import { PlatformTokenCache } from './upstream/platform-token-cache';
import { composeSessionEnds } from './compose/compose-session-ends';
import { composeSync, type SyncParts } from './compose/compose-sync';
import { createAdminSyncRoutes } from './http/admin-sync-routes';
import { syncHomeRoutes } from './compose/compose-sync-home';
import { facadeWriteOrigin } from './sync/sync-types';
import { composeTracing } from './compose/compose-tracing';
import { composeMedia, type MediaParts } from './compose/compose-media';
import { observeUpstream } from './compose/compose-upstream-metrics';

/** A running understudy: where it listens, what to tell the operator, how to stop it. */
export interface RunningUnderstudy {
  readonly url: string;
  readonly adminUrl: string;
  readonly adminToken: string;
  readonly routing: RoutingParts;
  readonly upstreams: Upstreams;
  readonly clock: OffsetClock;
  readonly store: Store;
  /** The two-way sync (absent when `sync.mode` is off). */
  readonly sync?: SyncParts;
  readonly shadow: ShadowParts;
  /** The media library (absent when media is off). */
  readonly media?: MediaParts;
  readonly banner: readonly string[];
  /** Stops at once (no announcement delay): listeners, then everything behind them. */
  close(): Promise<void>;
  /** The SIGTERM sequence: `/readyz` 503 while serving for `server.drainDelayMs`, then close. */
  shutdown(): Promise<void>;
}

function toIdMapper(idMap: CachedIdMap): IdMapper {
  return {
    toPlatform: (kind, vendorId) => idMap.lookupPlatform(kind, String(vendorId)),
    toVendor: (kind, platformId) => idMap.lookupVendor(kind, platformId),
    allocateVendorId: (kind, platformId) => idMap.allocateVendorId(kind, platformId),
  };
}

/** The platform token subject for a caller: platform ids resolved from the KS's vendor ids. */
function subjectFor(session: CallerSession | null, ids: IdMapper): PlatformSubject {
  if (session === null) return { sessionKey: 'anonymous' };
  const user = session.type === 'user' ? ids.toPlatform('user', session.userId) : undefined;
  const household = session.householdId > 0 ? ids.toPlatform('household', session.householdId) : undefined;
  return {
    ...(user === undefined ? {} : { userId: user }),
    ...(household === undefined ? {} : { householdId: household }),
    ...(session.udid === '' ? {} : { deviceUdid: session.udid }),
    sessionKey: session.sessionId,
  };
}

async function openIdMap(store: Store, catalogDir: string | undefined): Promise<CachedIdMap> {
  await store.idMap.load(loadIdMap(catalogDir));
  const idMap = new CachedIdMap(store.idMap);
  await idMap.warm();
  return idMap;
}

/** A bound address as a URL host: IPv6 in brackets. */
function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

function buildEnvironment(config: UnderstudyConfig, clock: Clock, revocations: CachedRevocationStore, ids: IdMapper, platform: GuardedPlatformClient, logger: FacadeLogger): FacadeCallEnvironment {
  const tokens = new PlatformTokenCache({ client: platform.forOperation('token'), clientId: config.platform.clientId, clientSecret: config.platform.clientSecret, clock });
  return {
    translators: vendorTranslators,
    partnerId: config.vendor.partnerId,
    decodeKs: createCachedKsDecoder((pid) => (pid === config.vendor.partnerId ? config.vendor.partnerSecret : undefined)),
    clock,
    revocations: { isRevoked: (s) => revocations.isRevoked({ sessionId: s.sessionId, partnerId: s.partnerId, userId: s.userId, createdAt: s.createDate }) },
    platformFor: (session, operationId) => createPlatformPort(platform.forOperation(operationId), tokens, subjectFor(session, ids), facadeWriteOrigin),
    ids,
    sessions: createFacadeSessions({ partnerId: config.vendor.partnerId, partnerSecret: config.vendor.partnerSecret, revocations }),
    ...(config.vendor.serverVersion === undefined ? {} : { serverVersion: config.vendor.serverVersion }),
    onFailure: (error, operationId) => logger.warn({ event: 'translation_failed', operationId, error: error instanceof Error ? error.message : String(error) }, 'translated call failed'),
  };
}

export interface StartOptions {
  /** Replaces the configured clock (tests freeze time to compare answers to the second). */
  readonly clock?: OffsetClock;
  /** Where log lines go (tests read them); stdout when absent. */
  readonly logDestination?: { write(line: string): void };
}

function startAdmin(config: UnderstudyConfig, routing: RoutingParts, logger: FacadeLogger, isDraining: () => boolean, features: readonly AdminFeatureRoutes[], shadow: ShadowParts): { server: Server; token: string } {
  const token = config.admin.token ?? randomBytes(24).toString('base64url');
  const app = createAdminApp({
    token,
    features,
    policy: routing.policy,
    metrics: () => routing.metrics.render(),
    status: () => ({
      pid: process.pid,
      policyVersion: routing.policy.current().version,
      draining: isDraining(),
      breakers: { vendor: routing.breakers.vendor.state(), platform: routing.breakers.platform.state() },
      openUpstreamSockets: routing.passthrough.openUpstreamSockets(),
    }),
    onChange: (change) => {
      if (change.errors === undefined) routing.metrics.recordPolicyReload({ result: 'applied', source: 'admin' });
      else routing.metrics.recordPolicyReload({ result: 'rejected', source: 'admin' });
      logChange(logger, { who: change.who, what: change.what, before: { version: change.previousVersion }, after: { version: change.version, changes: change.changes, errors: change.errors } });
    },
  });
  return { server: createServer(shadow.publicAdminPages(app)), token };
}

/** The token as the banner shows it: printed only when generated for the lab (docs/operations.md "Admin token"). */
function describeAdminToken(config: UnderstudyConfig, token: string): string {
  if (config.admin.token !== undefined) return '<configured token>';
  return mayPrintGeneratedToken(config) ? token : '<generated, not shown: set UNDERSTUDY_ADMIN_TOKEN>';
}

/** Starts understudy with the given configuration. */
export async function startUnderstudy(config: UnderstudyConfig, options: StartOptions = {}): Promise<RunningUnderstudy> {
  const logger = createLogger({ level: config.log.level, ...(options.logDestination === undefined ? {} : { destination: options.logDestination }) });
  warnAboutLabLeftovers(config, logger);
  const resolved = options.clock === undefined ? await resolveClock(config, logger) : { clock: options.clock, mode: config.clock === 'system' ? 'system' : 'lab' };
  // One clock for the facade and the in-process sims, so KS expiry and the seed's dates agree.
  const clock = resolved.clock;
  const tracing = composeTracing(config, readPackageVersion());
  const upstreams = await startUpstreams(config, clock, tracing.forSim);
  tracing.watchUpstreams(upstreams.vendorUrl, upstreams.platformUrl);
  const store = await openStore(storeConnectionOf(config), { clock, site: config.site.id });
  const ids = toIdMapper(await openIdMap(store, config.lab.catalogDir));
  const platform = createPlatformHttpClient({ baseUrl: upstreams.platformUrl, timeoutMs: config.platform.timeoutMs });
  const policyVersions = new SqlPolicyVersionStore(store.sql);
  const routing = composeRouting(config, upstreams.vendorUrl, clock, logger, { versions: policyVersions, restored: await readRestoredPolicy(policyVersions) });
  const revocations = new CachedRevocationStore(store.revocations, { ttlMs: 1000, clock });
  const env = buildEnvironment(config, clock, revocations, ids, routing.guardPlatform(platform), logger);
  const sharedState = await startSharedState({ connection: config.store, versions: policyVersions, holder: routing.policy, revocations, logger });
  registerBuildInfo(routing.metrics.registry, { site: config.site.id, version: readPackageVersion() });
  const sync = await composeSync({ config, clock, store, ids, decodeKs: env.decodeKs, vendorUrl: upstreams.vendorUrl, platformUrl: upstreams.platformUrl, registry: routing.metrics.registry, logger });
  const coverage = composeCoverage({ clock, config, days: new SqlCoverageDayStore(store.sql), onFlushError: (error) => logger.warn({ event: 'coverage_flush_failed', error: String(error) }, 'coverage flush failed') });
  const shadow = await composeShadow({ config, vendorUrl: upstreams.vendorUrl, env, policy: routing.policy, registry: routing.metrics.registry, store, logger, retirementBlockers: coverage.retirementBlockers, ...(sync === undefined ? {} : { syncApplied: sync.onApplied }) });
  let ready = true;
  const publicBaseUrl = createPublicBaseUrl(config);
  const recording = composeRecording(config);
  const media = await composeMedia({ config, store, upstreams, policy: routing.policy, decodeKs: env.decodeKs, registry: routing.metrics.registry, publicBaseUrl: publicBaseUrl.get, logger, vendor: { breaker: routing.breakers.vendor, observer: observeUpstream(routing.metrics, 'vendor') } });
  const sessionEnds = composeSessionEnds({ config, vendorUrl: upstreams.vendorUrl, clock, decodeKs: env.decodeKs, sessions: env.sessions, logger, ...(sync === undefined ? {} : { sync }) });
  const app = createFacadeListener({
    publicBaseUrl: publicBaseUrl.get,
    gateway: shadow.withGateway({ ...coverage.withCoverage(withAdmission(routing.gatewayFor(env), config, env)), capture: sessionEnds.gateway(sync?.hooks.gateway), ...(tracing.gateway === undefined ? {} : { trace: tracing.gateway }) }),
    capturePassthrough: sessionEnds.passthrough,
    passthrough: tracing.wrapPassthrough(routing.passthrough),
    metrics: routing.metrics,
    shadow: shadow.tap,
    bodyLimitBytes: config.server.bodyLimitBytes,
    isReady: () => ready,
    ...(config.log.access === false ? {} : { onServed: createAccessLog(logger, [...listOperations().map((op) => op.operationId.toLowerCase()), 'invalid']) }),
    ...(recording.tap === undefined ? {} : { tap: recording.tap }),
    ...(media === undefined ? {} : { media: media.hook }),
  });
  const server = createEdgeServer(config, tracing.wrapEdge(app));
  const address = await listen(server, config.server.host, config.server.port);
  publicBaseUrl.listeningOn(address);
  const url = `http://${hostForUrl(config.server.host)}:${address.port}`;
  const admin = startAdmin(config, routing, logger, () => !ready, [shadow.adminRoutes, coverage.adminRoutes, recording.adminRoutes, ...(sync === undefined ? [] : [createAdminSyncRoutes(sync)]), ...syncHomeRoutes(sync), ...(media === undefined ? [] : [media.adminRoutes])], shadow);
  const adminAddress = await listen(admin.server, config.server.adminHost, config.server.adminPort);
  const adminUrl = `http://${hostForUrl(config.server.adminHost)}:${adminAddress.port}`;
  const shutdown = createShutdown({
    logger,
    delayMs: config.server.drainDelayMs,
    graceMs: config.server.drainGraceMs,
    markDraining: () => {
      ready = false;
      routing.metrics.setDraining(true);
    },
    facade: server,
    admin: admin.server,
    closeResources: async () => {
      await sync?.close();
      await sessionEnds.close();
      await shadow.close();
      await coverage.close();
      await recording.close();
      await media?.close();
      await sharedState.close();
      await routing.close();
      await platform.close();
      await store.close();
      await upstreams.close();
      await tracing.close();
    },
  });
  return {
    url,
    adminUrl,
    adminToken: admin.token,
    routing,
    upstreams,
    clock,
    store,
    ...(sync === undefined ? {} : { sync }),
    ...(media === undefined ? {} : { media }),
    shadow,
    banner: [
      `understudy facade listening on ${url} — point devices at ${url}/api_v3 (any version prefix works, e.g. ${url}/v4_6/api_v3)`,
      `vendor:   ${upstreams.vendorUrl}${upstreams.vendorIsSim ? ' (vendor-sim, in-process)' : ''}`,
      `platform: ${upstreams.platformUrl}${upstreams.platformIsSim ? ' (platform-sim, in-process)' : ''}`,
      `store:    ${config.store.driver === 'pglite' ? 'embedded PGlite' + (config.store.dataDir ? ` (${config.store.dataDir})` : ' (in memory)') : 'PostgreSQL'}; clock: ${resolved.mode}`,
      `admin:    ${adminUrl}/admin/status (Authorization: Bearer ${describeAdminToken(config, admin.token)}); policy v${routing.policy.current().version}${config.policy.file === undefined ? ' (built-in: every call to the vendor)' : ` from ${config.policy.file}`}`,
      ...(media?.banner ?? (upstreams.vendorCdn === undefined ? [] : [`vendor CDN: https://${upstreams.vendorCdn.catalogHost} → ${upstreams.vendorCdn.url} (lab origin; media off: set media.enabled)`])),
      `sync:     ${sync === undefined ? 'off' : `on (site ${config.site.id}, ${config.sync.workers} workers) — ${adminUrl}/admin/sync`}`,
      `try:      curl -s -X POST ${url}/api_v3/service/ottuser/action/anonymousLogin -H 'content-type: application/json' -d '{"partnerId":${config.vendor.partnerId}}'`,
    ],
    close: () => shutdown({ withDelay: false }),
    shutdown: () => shutdown({ withDelay: true }),
  };
}
