import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { err, ok, type Result } from '../core/result';
import type { UnderstudyConfig } from './config-types';
import { configSchema } from './config-schema';
import { checkConfigSemantics } from './check-config-semantics';
import { deepFreeze } from './deep-freeze';
import { findLabLeftovers } from './find-lab-leftovers';
import { describeConfigErrors, type ConfigLayers } from './describe-config-errors';
import { configLayerFromEnv } from './env-layer';
import { mergeConfigLayers } from './merge-config';
import { labDefaults, labPolicyFile } from './lab-defaults';

export interface LoadConfigOptions {
  /** Environment to read (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A JSON or YAML configuration file (default: $UNDERSTUDY_CONFIG when set). */
  readonly file?: string;
  /** Highest-priority layer, e.g. command-line flags. */
  readonly overrides?: unknown;
  /** The flag that set each overridden dotted path (`server.port` → `--port`), to name it in errors. */
  readonly flagNames?: Readonly<Record<string, string>>;
}

const validate = new Ajv({ allErrors: true, useDefaults: false, discriminator: true }).compile(configSchema);

function readConfigFile(file: string): Result<unknown, string> {
  try {
    const text = readFileSync(resolve(file), 'utf8');
    return ok(file.endsWith('.json') ? (JSON.parse(text) as unknown) : (parseYaml(text) as unknown));
  } catch (e) {
    return err(`cannot read config file ${file}: ${(e as Error).message}`);
  }
}

function fillDerivedDefaults(merged: Record<string, unknown>): void {
  const server = merged.server as { port: unknown; adminPort?: unknown };
  if (server.adminPort === undefined && typeof server.port === 'number') server.adminPort = server.port === 0 ? 0 : server.port + 1;
  const store = merged.store as { driver?: unknown; poolSize?: unknown };
  if (store.driver === 'postgres' && store.poolSize === undefined) store.poolSize = 10;
  const vendor = merged.vendor as { url?: unknown };
  const platform = merged.platform as { url?: unknown };
  if (merged.clock === undefined) merged.clock = vendor.url !== undefined && platform.url !== undefined ? 'auto' : 'lab';
  // The lab demo routes every operation to the platform; fronting a real vendor starts all-vendor.
  const policy = (merged.policy ?? {}) as { file?: unknown };
  merged.policy = policy.file === undefined && vendor.url === undefined ? { file: labPolicyFile((merged.lab as { catalogDir: string }).catalogDir) } : policy;
  merged.admin = merged.admin ?? {};
}

/** adminPort is derived from port: when port is invalid its absence is not a second error. */
function isDerivedMissing(params: unknown, merged: Record<string, unknown>): boolean {
  const port = (merged.server as { port?: unknown } | undefined)?.port;
  return (params as { missingProperty?: unknown }).missingProperty === 'adminPort' && typeof port !== 'number';
}

/**
 * Loads the configuration once: defaults ← file ← environment ← overrides, validated against the
 * schema with every error listed, then deep-frozen. The only place that reads process.env.
 */
export function loadConfig(options: LoadConfigOptions = {}): Result<UnderstudyConfig, string[]> {
  const env = options.env ?? process.env;
  const file = options.file ?? env.UNDERSTUDY_CONFIG;
  let fileLayer: unknown = {};
  if (file !== undefined && file !== '') {
    const read = readConfigFile(file);
    if (!read.ok) return err([read.error]);
    fileLayer = read.value;
  }
  const envLayer = configLayerFromEnv(env);
  const merged = mergeConfigLayers(labDefaults(env.UNDERSTUDY_CATALOG_DIR), fileLayer, envLayer, options.overrides);
  fillDerivedDefaults(merged);
  const layers: ConfigLayers = { env: envLayer, flags: options.overrides, ...(options.flagNames === undefined ? {} : { flagNames: options.flagNames }), ...(file === undefined || file === '' ? {} : { file: { name: file, values: fileLayer } }) };
  const schemaErrors = validate(merged) ? [] : (validate.errors ?? []).filter((e) => !isDerivedMissing(e.params, merged));
  const errors = [...describeConfigErrors(schemaErrors, layers, merged), ...checkConfigSemantics(merged, layers)];
  if (errors.length > 0) return err(errors);
  const config = deepFreeze(merged as unknown as UnderstudyConfig);
  if (config.environment === 'production' && config.safety.labInProduction === 'refuse') {
    const leftovers = findLabLeftovers(config);
    if (leftovers.length > 0) return err([...leftovers.map((f) => `${f} (from NODE_ENV=production)`), 'to start anyway, with a warning per finding: UNDERSTUDY_LAB_IN_PRODUCTION=warn']);
  }
  return ok(config);
}
