/**
 * The manifests agree with the code. Everything compared is read from the code at test time:
 * environment variable names from `configEnvironmentVariables` (src/config/env-layer.ts), config
 * keys from `configSchema`, ports from the configuration the pod's own environment produces through
 * the real `loadConfig`, probe paths by asking the real listener which path answers as liveness and
 * which as readiness, the drain delay and grace from the pod's settings through the real config loader, the policy through the real policy compiler.
 * So renaming `UNDERSTUDY_SITE_ID` in env-layer.ts makes "every variable is read" fail, and moving
 * `/readyz` in src/http makes the probe test fail; the last test shows the checks catching both.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { configSchema } from '../../src/config/config-schema';
import { configEnvironmentVariables } from '../../src/config/env-layer';
import { loadConfig } from '../../src/config/load-config';
import type { FacadeGateway } from '../../src/gateway/facade-request-handler';
import { createFacadeListener } from '../../src/http/facade-listener';
import { createFacadeMetrics } from '../../src/metrics/facade-metrics';
import { compilePolicy } from '../../src/policy';
import { parsePolicyText } from '../../src/policy/policy-file';
import type { VendorPassthrough } from '../../src/upstream/passthrough-types';
import { kustomizeUnavailableReason, renderKustomization, siteOverlays, type RenderedObject, registerKustomizeUnavailable } from '../support/deploy-tools';
import { containerPortNamed, deploymentContainer, podEnvironment, schemaHasPath, unknownEnvironmentNames } from '../support/manifest-code-check';
import { metricsEndpoint } from '../support/metrics-scrape-target';

/**
 * Variables the overlays already set for settings being added in parallel work (the listener
 * hardening adds `server.publicBaseUrl`). Allowed only while the code does not read them yet; once
 * it does, the ordinary check applies to them. Until then understudy ignores them.
 */
const awaitedVariables: Record<string, string> = {};

/** Values for the variables filled from Secrets, shaped to pass the schema. */
const secretStandIns: Record<string, string> = {
  UNDERSTUDY_PARTNER_SECRET: 'partner-secret-stand-in',
  UNDERSTUDY_PLATFORM_CLIENT_SECRET: 'platform-secret-stand-in',
  UNDERSTUDY_ADMIN_TOKEN: 'admin-token-stand-in-0123456789',
  UNDERSTUDY_STORE_URL: 'postgres://understudy@postgres.site.example:5432/understudy',
};

const unavailable = kustomizeUnavailableReason();
const describeRendered = unavailable === undefined ? describe : describe.skip;
if (unavailable !== undefined) registerKustomizeUnavailable('manifest ↔ code cross-check', unavailable);

/** How the real facade listener answers `path` when ready and when draining. */
async function probeAnswers(path: string): Promise<{ ready: number; draining: number; body: any }> {
  let ready = true;
  const listener = createFacadeListener({
    publicBaseUrl: () => 'http://127.0.0.1',
    gateway: {} as FacadeGateway,
    passthrough: {} as VendorPassthrough,
    metrics: createFacadeMetrics(),
    bodyLimitBytes: 1024 * 1024,
    isReady: () => ready,
  });
  const server: Server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
    const whenReady = await fetch(url);
    const body = await whenReady.json().catch(() => undefined);
    ready = false;
    const whenDraining = await fetch(url);
    await whenDraining.arrayBuffer();
    return { ready: whenReady.status, draining: whenDraining.status, body };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** An operational JSON answer of understudy's own, not a vendor envelope (which every other path gets). */
function isHealthAnswer(body: any): boolean {
  return typeof body?.status === 'string' && body.executionTime === undefined && body.result === undefined;
}

/** How long the code keeps a pod after SIGTERM: drain delay + drain grace, as the pod's settings configure them, in seconds. */
function readDrainSeconds(env: { values: Record<string, string> }): number {
  const loaded = loadConfig({ env: { ...env.values, ...secretStandIns } });
  if (!loaded.ok) throw new Error(loaded.error.join('; '));
  return (loaded.value.server.drainDelayMs + loaded.value.server.drainGraceMs) / 1000;
}

describeRendered('deploy/kubernetes against the code', () => {
  // Rendered in beforeAll, not while jest collects the tests: a skipped describe still collects.
  const rendered: Record<string, RenderedObject[]> = {};
  beforeAll(() => {
    for (const site of siteOverlays) rendered[site] = renderKustomization(`overlays/${site}`);
  });

  describe.each(siteOverlays)('%s', (site) => {
    let objects: RenderedObject[] = [];
    let env: ReturnType<typeof podEnvironment> = { values: {}, fromSecrets: [] };
    let names: string[] = [];
    beforeAll(() => {
      objects = rendered[site]!;
      env = podEnvironment(objects);
      names = [...Object.keys(env.values), ...env.fromSecrets];
    });

    it('sets only environment variables the code reads, each landing on a key of the config schema', () => {
      expect(unknownEnvironmentNames(names, configEnvironmentVariables, awaitedVariables)).toEqual([]);
      const read = names.filter((name) => name in configEnvironmentVariables);
      for (const name of read) expect([name, schemaHasPath(configSchema, configEnvironmentVariables[name as keyof typeof configEnvironmentVariables])]).toEqual([name, true]);
      for (const name of Object.keys(awaitedVariables).filter((n) => !(n in configEnvironmentVariables))) expect(names).toContain(name);
    });

    it('the pod environment is a valid configuration: ports, site, store and policy file as deployed', () => {
      const loaded = loadConfig({ env: { ...env.values, ...secretStandIns } });
      if (!loaded.ok) throw new Error(loaded.error.join('; '));
      const config = loaded.value;
      expect(config.server.port).toBe(containerPortNamed(objects, 'device'));
      expect(config.server.adminPort).toBe(containerPortNamed(objects, 'admin'));
      expect(config.server.host).toBe('0.0.0.0');
      expect(config.site.id).toBe(site);
      expect(config.store.driver).toBe('postgres');
      expect(config.clock).toBe('system');
      const mount = deploymentContainer(objects).volumeMounts.find((m: any) => config.policy.file?.startsWith(`${m.mountPath}/`));
      expect(mount).toBeDefined();
      const policyMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === objects.find((x) => x.kind === 'Deployment')!.spec.template.spec.volumes.find((v: any) => v.name === mount.name).configMap.name)!;
      const text = policyMap.data[config.policy.file!.slice(mount.mountPath.length + 1)];
      const parsed = parsePolicyText(config.policy.file!, text);
      const compiled = parsed.ok ? compilePolicy(parsed.value, 1) : parsed;
      expect(compiled.ok ? [] : compiled.error).toEqual([]);
    });

    it('probes name the paths the listener serves as readiness and liveness, on the device port', async () => {
      const container = deploymentContainer(objects);
      const readiness = await probeAnswers(container.readinessProbe.httpGet.path);
      expect([readiness.ready, readiness.draining, isHealthAnswer(readiness.body)]).toEqual([200, 503, true]);
      for (const probe of [container.livenessProbe, container.startupProbe]) {
        const liveness = await probeAnswers(probe.httpGet.path);
        expect([liveness.ready, liveness.draining, isHealthAnswer(liveness.body)]).toEqual([200, 200, true]);
      }
      for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe]) expect(probe.httpGet.port).toBe('device');
    });

    it('terminationGracePeriodSeconds covers the preStop delay, the drain delay and the drain grace', () => {
      const pod = objects.find((o) => o.kind === 'Deployment')!.spec.template.spec;
      const command: string[] = pod.containers[0].lifecycle.preStop.exec.command;
      expect(command[0]).toBe('sleep');
      const preStopSeconds = Number(command[1]);
      expect(preStopSeconds).toBeGreaterThanOrEqual(3);
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(preStopSeconds + readDrainSeconds(env) + 5);
      expect(pod.terminationGracePeriodSeconds).toBeLessThanOrEqual(preStopSeconds + readDrainSeconds(env) + 15);
    });

    it('the ServiceMonitor scrapes where test/support/metrics-scrape-target.ts says the metrics are', () => {
      const monitor = objects.find((o) => o.kind === 'ServiceMonitor')!;
      const endpoint = monitor.spec.endpoints[0];
      const service = objects.find((o) => o.kind === 'Service' && Object.entries(monitor.spec.selector.matchLabels).every(([k, v]) => o.metadata.labels?.[k] === v))!;
      const servicePort = service.spec.ports.find((p: any) => p.name === endpoint.port);
      expect(servicePort.targetPort).toBe(metricsEndpoint.portRole);
      expect(endpoint.path).toBe(metricsEndpoint.path);
      expect(endpoint.authorization !== undefined || endpoint.bearerTokenSecret !== undefined).toBe(metricsEndpoint.bearer);
    });
  });

  it('catches a renamed variable, a renamed config key and a moved probe path', async () => {
    const env = podEnvironment(rendered['site-a']!);
    const names = [...Object.keys(env.values), ...env.fromSecrets];
    const { UNDERSTUDY_SITE_ID: siteKey, ...renamed } = { ...configEnvironmentVariables, UNDERSTUDY_SITE: 'site.id' };
    expect(siteKey).toBe('site.id');
    expect(unknownEnvironmentNames(names, renamed, awaitedVariables)).toEqual(['UNDERSTUDY_SITE_ID']);
    expect(schemaHasPath(configSchema, 'site.ident')).toBe(false);
    expect(schemaHasPath(configSchema, 'store.url')).toBe(true);
    const moved = await probeAnswers('/ready');
    expect(isHealthAnswer(moved.body) && moved.draining === 503).toBe(false);
  });
});
