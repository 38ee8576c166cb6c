/**
 * The one error style for configuration, policy and admin bodies (docs/operations.md "Errors"):
 * the JSON path of the key, the problem, what is allowed, and (for configuration) the layer the
 * value came from. Every checker lists every error at once.
 */

/** `/server/colour is not a known key; allowed: host, port`. */
export function unknownKeyError(parentPath: string, key: string, allowed: readonly string[]): string {
  const path = `${parentPath === '/' ? '' : parentPath}/${key}`;
  return `${path} is not a known key${allowed.length === 0 ? '' : `; allowed: ${allowed.join(', ')}`}`;
}

/** `/clock "banana" is not allowed; allowed: "lab", "system"`. */
export function notAllowedError(path: string, value: unknown, allowed: readonly unknown[]): string {
  return `${path} ${JSON.stringify(value) ?? 'undefined'} is not allowed; allowed: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
}

/** `/ must have property "salt"`. */
export function missingKeyError(path: string, key: string): string {
  return `${path} must have property "${key}"`;
}
