/**
 * Pure checks of rendered manifests against understudy's code: which environment variables the pod
 * gets, whether the code reads each of them, and whether each lands on a key of the config schema.
 * The names come from src/config/env-layer.ts and the schema from src/config/config-schema.ts at
 * test time, never from a copy, so renaming a variable or a key in the code fails the check.
 */
import type { RenderedObject } from './deploy-tools';

/** The only container of the Deployment in a rendering. */
export function deploymentContainer(objects: readonly RenderedObject[]): any {
  const deployment = objects.find((o) => o.kind === 'Deployment');
  if (deployment === undefined) throw new Error('no Deployment rendered');
  return deployment.spec.template.spec.containers[0];
}

/**
 * The pod's environment: literal values from `env` and the ConfigMaps of `envFrom`, and the names
 * of the variables filled from Secrets (values unknown here).
 */
export function podEnvironment(objects: readonly RenderedObject[]): { values: Record<string, string>; fromSecrets: string[] } {
  const container = deploymentContainer(objects);
  const values: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === source.configMapRef?.name);
    if (configMap === undefined) throw new Error(`envFrom names ConfigMap ${source.configMapRef?.name}, which is not rendered`);
    Object.assign(values, configMap.data);
  }
  const fromSecrets: string[] = [];
  for (const entry of container.env ?? []) {
    if (entry.valueFrom?.secretKeyRef !== undefined) fromSecrets.push(entry.name);
    else if (typeof entry.value === 'string') values[entry.name] = entry.value;
    else throw new Error(`env ${entry.name}: only literal values and Secret references are used`);
  }
  return { values, fromSecrets };
}

/** Names the manifests set that the code does not read (and that are not awaited from parallel work). */
export function unknownEnvironmentNames(names: readonly string[], codeVariables: Readonly<Record<string, string>>, awaited: Readonly<Record<string, string>>): string[] {
  return names.filter((name) => !(name in codeVariables) && !(name in awaited));
}

/** True when `path` (dot-separated) names a property of the JSON schema, through `oneOf` branches. */
export function schemaHasPath(schema: unknown, path: string): boolean {
  let nodes: unknown[] = [schema];
  for (const key of path.split('.')) {
    nodes = nodes.flatMap((node) => {
      const n = node as { properties?: Record<string, unknown>; oneOf?: unknown[] };
      const branches = n.oneOf ?? [n];
      return branches.map((b) => (b as { properties?: Record<string, unknown> }).properties?.[key]).filter((p) => p !== undefined);
    });
    if (nodes.length === 0) return false;
  }
  return true;
}

/** The containerPort named `name`. */
export function containerPortNamed(objects: readonly RenderedObject[], name: string): number {
  const port = (deploymentContainer(objects).ports as { name: string; containerPort: number }[]).find((p) => p.name === name);
  if (port === undefined) throw new Error(`no container port named ${name}`);
  return port.containerPort;
}
