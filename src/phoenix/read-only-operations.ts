import type { SubRequest } from './multirequest';

/** Actions that only read: safe to run alongside each other inside one multirequest. */
const readOnlyActions = new Set(['get', 'list', 'getplaybackcontext']);

/**
 * True when an operation (`service.action`, any case) only reads. getPlaybackContext counts as a
 * read: its one side effect (marking the device as playing) is what the same device's next read
 * would cause anyway.
 */
export function isReadOnlyOperation(operationId: string): boolean {
  return readOnlyActions.has(operationId.slice(operationId.lastIndexOf('.') + 1).toLowerCase());
}

/** True when a sub-request only reads. */
export function isReadOnlySubRequest(sub: SubRequest): boolean {
  return typeof sub.action === 'string' && readOnlyActions.has(sub.action.toLowerCase());
}
