/**
 * Configuration errors in the one style understudy uses for config and policy alike (docs/operations.md
 * "Errors"): the JSON path of the key, the problem, the allowed keys or values, and the layer the
 * value came from (`--flag`, `$ENV_VAR`, `file <name>`, or the default) — so an operator fixes the
 * right place the first time.
 */
import type { ErrorObject } from 'ajv';
import { missingKeyError, notAllowedError, unknownKeyError } from '../core/setting-errors';
import { configSchema } from './config-schema';
import { configEnvironmentVariables } from './env-layer';

/** Where each layer's values came from, to name them in errors. */
export interface ConfigLayers {
  readonly file?: { readonly name: string; readonly values: unknown };
  readonly env: unknown;
  readonly flags: unknown;
  /** Flag names by dotted path, e.g. `server.port` → `--port`. */
  readonly flagNames?: Readonly<Record<string, string>>;
}

type SchemaNode = { properties?: Record<string, SchemaNode>; oneOf?: SchemaNode[]; const?: unknown };

function has(layer: unknown, keys: readonly string[]): boolean {
  let node = layer;
  for (const key of keys) {
    if (typeof node !== 'object' || node === null || !(key in node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== undefined;
}

const envNameByPath = new Map<string, string>(Object.entries(configEnvironmentVariables).map(([name, path]) => [path, name]));
envNameByPath.set('store.driver', 'UNDERSTUDY_STORE_URL');
envNameByPath.set('environment', 'NODE_ENV');

/** The layer that set `keys` last (flags win over env over file over defaults). */
export function layerOf(layers: ConfigLayers, keys: readonly string[]): string {
  const dotted = keys.join('.');
  if (has(layers.flags, keys)) return layers.flagNames?.[dotted] ?? 'the command line';
  if (has(layers.env, keys)) return `$${envNameByPath.get(dotted) ?? dotted}`;
  if (layers.file !== undefined && has(layers.file.values, keys)) return `file ${layers.file.name}`;
  return 'the default';
}

function valueAt(root: unknown, keys: readonly string[]): unknown {
  let node = root;
  for (const key of keys) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/** The schema node for an object at `keys`, choosing the `oneOf` branch its `driver` selects. */
function schemaAt(keys: readonly string[], merged: unknown): SchemaNode | undefined {
  let node: SchemaNode | undefined = configSchema as unknown as SchemaNode;
  keys.forEach((key, i) => {
    node = node?.properties?.[key];
    if (node?.oneOf !== undefined) {
      const driver = valueAt(merged, [...keys.slice(0, i + 1), 'driver']);
      node = node.oneOf.find((branch) => branch.properties?.driver?.const === driver) ?? node;
    }
  });
  return node;
}

/** The names the schema allows as keys of the object at `keys`. */
function allowedKeys(keys: readonly string[], merged: unknown): string[] {
  const node = schemaAt(keys, merged);
  return Object.keys(node?.properties ?? {});
}

function keysOf(instancePath: string): string[] {
  return instancePath.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** One schema error in the common style, with the layer its value came from. */
export function describeConfigError(error: ErrorObject, layers: ConfigLayers, merged: unknown): string {
  const keys = keysOf(error.instancePath);
  const params = error.params as { additionalProperty?: string; allowedValues?: unknown[]; missingProperty?: string; tag?: string; tagValue?: unknown };
  const path = error.instancePath || '/';
  if (params.additionalProperty !== undefined) {
    const at = [...keys, params.additionalProperty];
    return `${unknownKeyError(path, params.additionalProperty, allowedKeys(keys, merged))} (from ${layerOf(layers, at)})`;
  }
  if (params.missingProperty !== undefined) return missingKeyError(path, params.missingProperty);
  if (error.keyword === 'discriminator' && params.tag !== undefined) {
    const branches = keys.reduce<SchemaNode | undefined>((node, key) => node?.properties?.[key], configSchema as unknown as SchemaNode)?.oneOf ?? [];
    const drivers = branches.map((branch) => branch.properties?.[params.tag!]?.const);
    return `${notAllowedError(`${path}/${params.tag}`, params.tagValue, drivers)} (from ${layerOf(layers, [...keys, params.tag])})`;
  }
  if (params.allowedValues !== undefined) return `${notAllowedError(path, valueAt(merged, keys), params.allowedValues)} (from ${layerOf(layers, keys)})`;
  return `${path} ${error.message ?? 'is invalid'} (from ${layerOf(layers, keys)})`;
}

/** Every schema error, deduplicated (a `oneOf` can report one problem per branch). */
export function describeConfigErrors(errors: readonly ErrorObject[], layers: ConfigLayers, merged: unknown): string[] {
  return [...new Set(errors.filter((e) => e.keyword !== 'oneOf').map((e) => describeConfigError(e, layers, merged)))];
}
