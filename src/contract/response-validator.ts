import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { findResponseKey, findResponseSchema } from './contract-operations';
import { contractExists, loadContract, type ContractName } from './load-contract';
import { getOperation } from './operation-index';
import { findPlatformOperation } from './platform-index';

// One ajv instance holds both contracts as whole documents (keys "vendor" and "platform"), so
// every validator is a `$ref` into its document and `#/components/...` refs resolve natively.
// `discriminator` picks the `oneOf` branch by objectType (brief §2.4), which keeps errors short.
let ajv: Ajv2020 | undefined;
const registered = new Set<ContractName>();
const compiled = new Map<string, ValidateFunction>();

const ERROR_ENVELOPE_POINTER = '/components/schemas/ErrorEnvelope';

/** Creates the shared ajv instance with the formats contracts may use. */
function createAjv(): Ajv2020 {
  const instance = new Ajv2020({ strict: false, allErrors: true, discriminator: true, validateSchema: false });
  addFormats(instance);
  // OpenAPI numeric formats, unknown to ajv-formats.
  instance.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31 });
  instance.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  instance.addFormat('float', { type: 'number', validate: () => true });
  instance.addFormat('double', { type: 'number', validate: () => true });
  return instance;
}

/** The validator for the schema at `pointer` inside a contract, compiled once. */
function validatorAt(contract: ContractName, pointer: string): ValidateFunction {
  const key = `${contract}#${pointer}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  ajv ??= createAjv();
  if (!registered.has(contract)) {
    ajv.addSchema(loadContract(contract), contract);
    registered.add(contract);
  }
  // Each pointer segment is URI-encoded: platform paths hold `{id}`, media types hold `+`.
  const fragment = pointer.split('/').map((s) => encodeURIComponent(s)).join('/');
  const validate = ajv.compile({ $ref: `${contract}#${fragment}` });
  compiled.set(key, validate);
  return validate;
}

/** Turns ajv errors into short readable lines: `<json pointer> <message> [<detail>]`. */
function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath === '' ? '/' : e.instancePath;
    const params = e.params as Record<string, unknown>;
    const detail = params.allowedValue ?? params.allowedValues ?? params.tagValue;
    return detail === undefined ? `${where} ${e.message ?? e.keyword}` : `${where} ${e.message ?? e.keyword}: ${JSON.stringify(detail)}`;
  });
}

/** Runs one compiled validator; an empty list means valid. */
function runValidator(contract: ContractName, pointer: string, body: unknown): string[] {
  const validate = validatorAt(contract, pointer);
  return validate(body) ? [] : describeErrors(validate.errors);
}

/**
 * Loads the vendor contract into the validator and compiles what every operation shares (~200 ms
 * on the lab host); each operation's own schema then compiles on its first check in ~2–20 ms.
 * Done at startup by a facade that checks shadow answers against the contract, so the first
 * sample's check does not hold the device's event loop for the whole compile.
 */
export function warmVendorValidation(): void {
  validatorAt('phoenix', ERROR_ENVELOPE_POINTER);
}

/** True for `{result: {error: …}}`, the vendor error envelope shape (brief §2.2). */
function looksLikeErrorEnvelope(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const result = (body as { result?: unknown }).result;
  return typeof result === 'object' && result !== null && !Array.isArray(result) && 'error' in result;
}

/**
 * Validates a vendor JSON body (HTTP 200) for an operation: the error envelope when the body
 * carries `result.error`, otherwise the operation's success envelope. Empty list = valid.
 */
export function validateVendorResponse(operationId: string, body: unknown): string[] {
  const op = getOperation(operationId);
  if (!op) return [`unknown vendor operation "${operationId}"`];
  if (looksLikeErrorEnvelope(body)) return runValidator('phoenix', ERROR_ENVELOPE_POINTER, body);
  const pointer = op.successPointer ?? op.responsePointer;
  if (pointer === undefined) return [`vendor operation "${op.operationId}" declares no JSON response`];
  return runValidator('phoenix', pointer, body);
}

/** Validates a value against one vendor component schema, e.g. `KalturaMediaAsset`. */
export function validateVendorComponent(schemaName: string, value: unknown): string[] {
  const schemas = loadContract('phoenix').components?.schemas ?? {};
  if (schemas[schemaName] === undefined) return [`unknown vendor schema "${schemaName}"`];
  return runValidator('phoenix', `/components/schemas/${schemaName}`, value);
}

/**
 * Validates a platform response body against contracts/platform/openapi.yaml: the operation by
 * operationId, the response declared for `status` (exact, `4XX`, or default) and its
 * application/json or application/problem+json schema. Empty list = valid.
 */
export function validatePlatformResponse(operationId: string, status: number, body: unknown): string[] {
  if (!contractExists('platform')) return ['platform contract contracts/platform/openapi.yaml does not exist'];
  const op = findPlatformOperation(operationId);
  if (!op) return [`unknown platform operation "${operationId}"`];
  if (findResponseKey(op, status) === undefined) return [`status ${status} is not declared for "${operationId}"`];
  const response = findResponseSchema(op, status);
  if (!response) {
    const empty = body === undefined || body === null || body === '';
    return empty ? [] : [`status ${status} of "${operationId}" declares no JSON body`];
  }
  return runValidator('platform', response.pointer, body);
}
