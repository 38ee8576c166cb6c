import { findRequestSchema, findResponseSchema, listContractOperations, type HttpMethod } from './contract-operations';
import { loadContract, type JsonSchema } from './load-contract';

/** One vendor operation as plain data (docs/architecture.md §3: contract = data, operationId is the key). */
export interface VendorOperation {
  /** `service.action` as clients send it, e.g. `ottuser.anonymousLogin`; `multirequest` alone. */
  readonly operationId: string;
  readonly service: string;
  /** Empty for `multirequest`, which has no action (brief §1.2). */
  readonly action: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly requestSchema?: JsonSchema;
  /** Schema of the HTTP 200 JSON body: `oneOf` success envelope / error envelope. */
  readonly responseSchema?: JsonSchema;
  /** JSON pointer of `responseSchema` inside the vendor document (used to compile validators). */
  readonly responsePointer?: string;
  /** JSON pointer of the success-envelope branch, when the response is success-or-error. */
  readonly successPointer?: string;
  /** Vendor error codes the operation may return (`x-errors`), each in errors.json. */
  readonly errorCodes: readonly string[];
}

let byKey: ReadonlyMap<string, VendorOperation> | undefined;

/** Builds the index key: both names lower-cased, since matching is case-insensitive (brief §1.2). */
function indexKey(service: string, action: string): string {
  return action === '' ? service.toLowerCase() : `${service.toLowerCase()}.${action.toLowerCase()}`;
}

/** Finds the `oneOf` member that is not the error envelope. */
function findSuccessPointer(schema: JsonSchema, pointer: string): string | undefined {
  const members = schema.oneOf as JsonSchema[] | undefined;
  if (!Array.isArray(members)) return undefined;
  const index = members.findIndex((m) => m.$ref !== '#/components/schemas/ErrorEnvelope');
  return index < 0 ? undefined : `${pointer}/oneOf/${index}`;
}

/** Reads the vendor contract into VendorOperation records, keyed case-insensitively. */
function buildIndex(): ReadonlyMap<string, VendorOperation> {
  const map = new Map<string, VendorOperation>();
  for (const op of listContractOperations(loadContract('phoenix'))) {
    const dot = op.operationId.indexOf('.');
    const service = dot < 0 ? op.operationId : op.operationId.slice(0, dot);
    const action = dot < 0 ? '' : op.operationId.slice(dot + 1);
    const response = findResponseSchema(op, 200);
    const entry: VendorOperation = {
      operationId: op.operationId,
      service,
      action,
      method: op.method,
      path: op.path,
      requestSchema: findRequestSchema(op),
      responseSchema: response?.schema,
      responsePointer: response?.pointer,
      successPointer: response ? findSuccessPointer(response.schema, response.pointer) : undefined,
      errorCodes: ((op.operation['x-errors'] ?? []) as unknown[]).map(String),
    };
    map.set(indexKey(service, action), entry);
  }
  return map;
}

/** The index, built on first use. */
function index(): ReadonlyMap<string, VendorOperation> {
  byKey ??= buildIndex();
  return byKey;
}

/** Finds a vendor operation by service and action names, case-insensitively (brief §1.2). */
export function findOperation(service: string, action = ''): VendorOperation | undefined {
  return index().get(indexKey(service, action));
}

/** Finds a vendor operation by its operationId (case-insensitive, like routing). */
export function getOperation(operationId: string): VendorOperation | undefined {
  return index().get(operationId.toLowerCase());
}

/** Every vendor operation, in contract order. */
export function listOperations(): readonly VendorOperation[] {
  return [...index().values()];
}
