/**
 * Finding and admitting one (sub-)call, shared by every server that speaks the vendor protocol:
 * unknown service → 500011, no action → 500033, unknown action → 500012 (names matched
 * case-insensitively, brief §1.2); missing or anonymous KS where a user is needed → 500004
 * (docs/vendor-decisions.md).
 */
import type { CallerSession, OperationAccess } from '../core/caller-session';
import type { VendorError } from '../core/vendor-error';
import { vendorError } from './vendor-error-builder';

/** Anything dispatchable: an operation table entry with its access level. */
export interface AccessControlled {
  readonly access: OperationAccess;
}

const serviceCache = new WeakMap<object, Set<string>>();

function knownServices(table: Readonly<Record<string, unknown>>): Set<string> {
  let services = serviceCache.get(table);
  if (services === undefined) {
    services = new Set(Object.keys(table).map((id) => id.slice(0, id.indexOf('.'))));
    serviceCache.set(table, services);
  }
  return services;
}

/** Looks an operation up in a table keyed by lower-cased `service.action`. */
export function findOperationIn<T>(table: Readonly<Record<string, T>>, service: string | undefined, action: string | undefined): { readonly spec: T; readonly operationId: string } | VendorError {
  if (service === undefined || service.trim() === '') return vendorError('InvalidService', { service: '' });
  if (!knownServices(table).has(service.toLowerCase())) return vendorError('InvalidService', { service });
  if (action === undefined || action.trim() === '') return vendorError('ActionNotSpecified');
  const operationId = `${service.toLowerCase()}.${action.toLowerCase()}`;
  const spec = table[operationId];
  return spec === undefined ? vendorError('InvalidAction', { service, action }) : { spec, operationId };
}

/** The KS a call carries (blank counts as none; a number is taken as text). */
export function readCallKs(params: Readonly<Record<string, unknown>>): string | undefined {
  const ks = params.ks;
  if (typeof ks === 'string') return ks.trim() === '' ? undefined : ks;
  return typeof ks === 'number' ? String(ks) : undefined;
}

/** Null when the session may run an operation of this access level, else 500004. */
export function checkOperationAccess(access: OperationAccess, session: CallerSession | null): VendorError | null {
  if (access === 'none') return null;
  if (session === null) return vendorError('ServiceForbidden');
  if (access === 'user' && session.type !== 'user') return vendorError('ServiceForbidden');
  return null;
}
