import type { JsonSchema, OpenApiDocument } from './load-contract';

/** HTTP methods an OpenAPI path item may hold. */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

const httpMethods: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** One operation of a contract, located by JSON pointer so validators can `$ref` into the document. */
export interface ContractOperation {
  readonly operationId: string;
  readonly method: HttpMethod;
  readonly path: string;
  /** JSON pointer of the operation object, e.g. `/paths/~1api_v3~1service~1multirequest/post`. */
  readonly pointer: string;
  readonly operation: Readonly<Record<string, unknown>>;
}

/** Escapes one JSON-pointer segment (RFC 6901). */
export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every operation of a document that has an operationId, in document order. */
export function listContractOperations(doc: OpenApiDocument): ContractOperation[] {
  const found: ContractOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of httpMethods) {
      const operation = item[method] as Record<string, unknown> | undefined;
      if (!operation || typeof operation.operationId !== 'string') continue;
      const pointer = `/paths/${escapePointerSegment(path)}/${method}`;
      found.push({ operationId: operation.operationId, method, path, pointer, operation });
    }
  }
  return found;
}

/** Media types whose schemas describe JSON bodies, in the order they are preferred. */
const jsonMediaTypes = ['application/json', 'application/problem+json'];

/** The declared response key for a status: exact, then `4XX`-style range, then `default`. */
export function findResponseKey(op: ContractOperation, status: number | string): string | undefined {
  const responses = (op.operation.responses ?? {}) as Record<string, unknown>;
  const code = String(status);
  return [code, `${code.charAt(0)}XX`, `${code.charAt(0)}xx`, 'default'].find((k) => responses[k] !== undefined);
}

/** Pointer and schema of a response's JSON body for one status; undefined when it has none. */
export function findResponseSchema(
  op: ContractOperation,
  status: number | string,
): { pointer: string; schema: JsonSchema } | undefined {
  const key = findResponseKey(op, status);
  if (key === undefined) return undefined;
  const responses = op.operation.responses as Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
  const content = responses[key]?.content ?? {};
  const mediaType = jsonMediaTypes.find((m) => content[m]?.schema !== undefined);
  if (mediaType === undefined) return undefined;
  const pointer = `${op.pointer}/responses/${escapePointerSegment(key)}/content/${escapePointerSegment(mediaType)}/schema`;
  return { pointer, schema: content[mediaType]!.schema! };
}

/** The JSON request-body schema, or for body-less operations an object schema of the parameters. */
export function findRequestSchema(op: ContractOperation): JsonSchema | undefined {
  const body = op.operation.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined;
  const bodySchema = body?.content?.['application/json']?.schema;
  if (bodySchema) return bodySchema;
  const parameters = (op.operation.parameters ?? []) as { name: string; required?: boolean; schema?: JsonSchema }[];
  if (parameters.length === 0) return undefined;
  const properties: Record<string, JsonSchema> = {};
  for (const p of parameters) properties[p.name] = p.schema ?? {};
  const required = parameters.filter((p) => p.required === true).map((p) => p.name);
  return { type: 'object', properties, required };
}
