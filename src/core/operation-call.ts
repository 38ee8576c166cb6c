/**
 * One vendor API call in plain data, after routing and parameter merging, before any execution.
 * `operationId` is `service.action` with both names lower-cased (service and action names are
 * matched case-insensitively, brief §1.2).
 */
export interface OperationCall {
  readonly operationId: string;
  readonly service: string;
  readonly action: string;
  /** Every parameter: query string, `/key/value` path pairs and body merged (body wins). */
  readonly params: Readonly<Record<string, unknown>>;
  /** The KS that applies to this call (a sub-request's own `ks` wins over the top-level one). */
  readonly ks?: string;
}

/** Builds the canonical operation id from raw service and action names. */
export function toOperationId(service: string, action: string): string {
  return `${service.toLowerCase()}.${action.toLowerCase()}`;
}
