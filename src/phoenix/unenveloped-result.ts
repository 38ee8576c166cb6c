/**
 * A successful answer sent as the bare JSON document, without `{executionTime, result}`:
 * `configurations.serveByDevice` returns the stored configuration text as a file (the public OTT
 * OpenAPI declares its result a plain string and the generated clients build it as a file request;
 * the native players parse the body's top-level `params`, brief §5.6). Errors keep the envelope.
 */
export interface UnenvelopedResult {
  readonly unenveloped: Readonly<Record<string, unknown>>;
}

/** True when an operation's value asks to be sent without the envelope. */
export function isUnenvelopedResult(value: unknown): value is UnenvelopedResult {
  if (typeof value !== 'object' || value === null) return false;
  const inner = (value as { unenveloped?: unknown }).unenveloped;
  return typeof inner === 'object' && inner !== null && !Array.isArray(inner) && Object.keys(value).length === 1;
}

/** The value a multirequest slot carries for it: the document itself. */
export function unwrapUnenveloped(value: unknown): unknown {
  return isUnenvelopedResult(value) ? value.unenveloped : value;
}
