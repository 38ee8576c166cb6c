import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contractsDir } from './contracts-dir';

/** The two OpenAPI contracts understudy speaks (docs/architecture.md §3). */
export type ContractName = 'phoenix' | 'platform';

/** A JSON Schema node as found in a contract (plain data). */
export type JsonSchema = Record<string, unknown>;

/** The parts of an OpenAPI 3.1 document this module reads. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, JsonSchema>> };
}

const documents = new Map<ContractName, OpenApiDocument>();

/** Absolute path of a contract's `openapi.yaml`. */
export function contractPath(name: ContractName): string {
  return join(contractsDir(), name, 'openapi.yaml');
}

/** Whether the contract file exists (the platform contract may not exist yet). */
export function contractExists(name: ContractName): boolean {
  return existsSync(contractPath(name));
}

/** Reads and parses a contract once; later calls return the same frozen-by-convention object. */
export function loadContract(name: ContractName): OpenApiDocument {
  const cached = documents.get(name);
  if (cached) return cached;
  const parsed = parse(readFileSync(contractPath(name), 'utf8')) as OpenApiDocument;
  if (typeof parsed?.openapi !== 'string' || typeof parsed.paths !== 'object') {
    throw new Error(`${contractPath(name)} is not an OpenAPI document`);
  }
  documents.set(name, parsed);
  return parsed;
}

/** Reads a JSON data file from the contracts directory, e.g. `vendor/errors.json`. */
export function loadContractJson(relativePath: string): unknown {
  return JSON.parse(readFileSync(join(contractsDir(), relativePath), 'utf8')) as unknown;
}
