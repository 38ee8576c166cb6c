/**
 * CI renders both site overlays with `kubectl kustomize` and validates every object against the
 * Kubernetes schemas (and the Prometheus Operator CRD schemas); then checks what makes the two
 * sites two sites, and the hardening the issue asks for. When kubectl's kustomize cannot run here:
 * skipped with the reason in the test name, and in CI (which installs kubectl) a failure.
 */
import { kustomizeUnavailableReason, renderKustomization, siteOverlays, type RenderedObject, registerKustomizeUnavailable } from '../support/deploy-tools';
import { validateKubernetesObject } from '../support/kubernetes-validators';

const unavailable = kustomizeUnavailableReason();
const describeRendered = unavailable === undefined ? describe : describe.skip;

function only(objects: RenderedObject[], kind: string): RenderedObject {
  const found = objects.filter((o) => o.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0]!;
}

function settingsOf(objects: RenderedObject[]): Record<string, string> {
  return objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('understudy-settings-'))?.data ?? {};
}

function storeSecretOf(objects: RenderedObject[]): string {
  const container = only(objects, 'Deployment').spec.template.spec.containers[0];
  return container.env.find((e: { name: string }) => e.name === 'UNDERSTUDY_STORE_URL').valueFrom.secretKeyRef.name;
}

if (unavailable !== undefined) registerKustomizeUnavailable('kubernetes manifests', unavailable);

describeRendered('deploy/kubernetes rendered by kubectl kustomize', () => {
  // Rendered in beforeAll, not while jest collects the tests: a skipped describe still collects.
  const rendered = {} as Record<(typeof siteOverlays)[number], RenderedObject[]>;
  beforeAll(() => {
    for (const site of siteOverlays) rendered[site] = renderKustomization(`overlays/${site}`);
  });

  it.each(siteOverlays)('%s: every object validates against its schema', (site) => {
    const objects = rendered[site];
    expect(objects.map((o) => o.kind).sort()).toEqual(
      ['ConfigMap', 'ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'Namespace', 'PodDisruptionBudget', 'PrometheusRule', 'Service', 'Service', 'ServiceMonitor'],
    );
    expect(objects.flatMap(validateKubernetesObject)).toEqual([]);
  });

  it('the validator rejects a broken object, so a pass above means something', () => {
    const deployment = structuredClone(only(rendered['site-a'], 'Deployment'));
    deployment.spec.template.spec.containers[0].ports[0].containerPort = 'eight thousand';
    delete deployment.spec.selector;
    expect(validateKubernetesObject(deployment).join()).toMatch(/containerPort must be integer|must have required property 'selector'/);
    expect(validateKubernetesObject({ ...deployment, kind: 'CronJob', apiVersion: 'batch/v1' })[0]).toMatch(/no schema validator/);
  });

  it('each site has its own site id, public base URL, platform and PostgreSQL Secret', () => {
    const [a, b] = siteOverlays.map((site) => rendered[site]);
    expect(settingsOf(a!).UNDERSTUDY_SITE_ID).toBe('site-a');
    expect(settingsOf(b!).UNDERSTUDY_SITE_ID).toBe('site-b');
    for (const key of ['UNDERSTUDY_PUBLIC_BASE_URL', 'UNDERSTUDY_PLATFORM_URL']) {
      expect(settingsOf(a!)[key]).toMatch(/^https:\/\//);
      expect(settingsOf(a!)[key]).not.toBe(settingsOf(b!)[key]);
    }
    expect(storeSecretOf(a!)).toBe('understudy-store-site-a');
    expect(storeSecretOf(b!)).toBe('understudy-store-site-b');
  });

  it.each(siteOverlays)('%s: the pod is hardened (non-root, read-only root, no token, writable paths declared)', (site) => {
    const pod = only(rendered[site], 'Deployment').spec.template.spec;
    const container = pod.containers[0];
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    const emptyDirs = new Set(pod.volumes.filter((v: any) => v.emptyDir !== undefined).map((v: any) => v.name));
    const writable = container.volumeMounts.filter((m: any) => m.readOnly !== true);
    expect(writable.length).toBeGreaterThan(0);
    for (const mount of writable) expect(emptyDirs.has(mount.name)).toBe(true);
    expect(container.resources.requests).toEqual(expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }));
    expect(container.resources.limits).toEqual(expect.objectContaining({ memory: expect.any(String) }));
  });

  it.each(siteOverlays)('%s: PDB, HPA and topology spread select the Deployment\'s pods; spread is across zones', (site) => {
    const objects = rendered[site];
    const deployment = only(objects, 'Deployment');
    const podLabels = deployment.spec.template.metadata.labels;
    const selects = (selector: Record<string, string>): boolean => Object.entries(selector).every(([k, v]) => podLabels[k] === v);
    expect(selects(only(objects, 'PodDisruptionBudget').spec.selector.matchLabels)).toBe(true);
    for (const service of objects.filter((o) => o.kind === 'Service')) expect(selects(service.spec.selector)).toBe(true);
    expect(only(objects, 'HorizontalPodAutoscaler').spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name });
    const spread = deployment.spec.template.spec.topologySpreadConstraints;
    expect(spread.map((c: any) => c.topologyKey)).toContain('topology.kubernetes.io/zone');
    for (const constraint of spread) expect(selects(constraint.labelSelector.matchLabels)).toBe(true);
  });

  it.each(siteOverlays)('%s: every ConfigMap and Secret the pod refers to is rendered or created by the operator', (site) => {
    const objects = rendered[site];
    const pod = only(objects, 'Deployment').spec.template.spec;
    const configMaps = new Set(objects.filter((o) => o.kind === 'ConfigMap').map((o) => o.metadata.name));
    const referenced = [...pod.containers[0].envFrom.map((e: any) => e.configMapRef.name), ...pod.volumes.filter((v: any) => v.configMap).map((v: any) => v.configMap.name)];
    for (const name of referenced) expect(configMaps.has(name)).toBe(true);
    const secrets = pod.containers[0].env.filter((e: any) => e.valueFrom?.secretKeyRef).map((e: any) => e.valueFrom.secretKeyRef.name).sort();
    expect(secrets).toEqual(['understudy-admin', 'understudy-platform', `understudy-store-${site}`, 'understudy-vendor']);
  });
});
