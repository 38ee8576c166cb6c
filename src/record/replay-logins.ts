/**
 * Logins during replay (issue 12, docs/recording.md "Replay"). A recording holds password
 * pseudonyms only, so a pre-scan finds which (username, pseudonym) pairs logged in successfully:
 * only those get the operator's password, and a recorded wrong password stays wrong (the target
 * counts it in `failedLoginCount` as the original did). Where the operator holds the partner secret
 * instead of passwords, a successful login is not sent: a KS for the recorded user, household and
 * device is minted (brief §4.1), as any holder of the secret can.
 */
import { mintKs, ksPrivilegeKeys } from '../phoenix/ks-codec';
import type { RecordedExchange } from './recording-format';

const loginOperation = 'ottuser.login';
const sessionShape = /^ks_[A-Za-z0-9_-]{16}$/;
/** A minted KS lives as long as a vendor KS (brief §4.2: 7 days). */
const ksLifetimeSeconds = 604800;

/** The partner a replay mints KS for (`--partner-secret`). */
export interface PartnerSecret {
  readonly partnerId: number;
  readonly secret: string;
}

/** What a minted session needs from a recorded login. */
export interface MintPlan {
  /** Pseudonym of the KS the recorded login answered. */
  readonly recordedKs: string;
  readonly userId: string;
  readonly householdId: string;
  readonly udid: string;
  /** Epoch seconds the recorded KS expired at. */
  readonly recordedExpiry: number;
}

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);

/** The login calls of an exchange with their recorded answers (top level, or multirequest slots). */
function loginsOf(exchange: RecordedExchange): { params: Json; answer: Json | undefined }[] {
  const params = exchange.request.params ?? {};
  const result = asObject(exchange.response.body)?.result;
  if (exchange.operation === loginOperation) return [{ params, answer: asObject(result) }];
  if (exchange.operation !== 'multirequest') return [];
  const slots = Array.isArray(result) ? (result as unknown[]) : [];
  return (exchange.subCalls ?? []).filter((s) => s.operation === loginOperation).flatMap((s) => {
    const call = asObject((params as Json)[String(s.index)]);
    return call === undefined ? [] : [{ params: call, answer: asObject(slots[s.index - 1]) }];
  });
}

const loginKey = (username: string, password: string): string => `${username.trim().toLowerCase()}\u0000${password}`;

/** The (username, password pseudonym) pairs whose recorded login succeeded. */
export function successfulLogins(exchanges: readonly RecordedExchange[]): Set<string> {
  const good = new Set<string>();
  for (const exchange of exchanges) {
    for (const { params, answer } of loginsOf(exchange)) {
      if (answer?.objectType === 'KalturaLoginResponse' && typeof params.username === 'string' && typeof params.password === 'string') good.add(loginKey(params.username, params.password));
    }
  }
  return good;
}

/** Whether `password` (a pseudonym) is one `username` logged in with in the recording. */
export function isSuccessfulLogin(good: ReadonlySet<string>, username: string, password: string): boolean {
  return good.has(loginKey(username, password));
}

/** A top-level successful login of a user without credentials, as a plan to mint its KS; else null. */
export function mintPlanOf(exchange: RecordedExchange, credentials: Readonly<Record<string, string>>): MintPlan | null {
  if (exchange.operation !== loginOperation) return null;
  const params = exchange.request.params ?? {};
  const result = asObject(asObject(exchange.response.body)?.result);
  const user = asObject(result?.user);
  const session = asObject(result?.loginSession);
  if (typeof params.username !== 'string' || credentials[params.username] !== undefined || user === undefined || session === undefined) return null;
  const scalar = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
  const userId = scalar(user.id);
  if (typeof session.ks !== 'string' || !sessionShape.test(session.ks) || userId === undefined) return null;
  const udid = typeof params.udid === 'string' ? params.udid : '';
  return { recordedKs: session.ks, userId, householdId: scalar(user.householdId) ?? '0', udid, recordedExpiry: Number(session.expiry) || 0 };
}

/** A KS for the plan's user, valid from the recorded login until at least a day after `nowSec`. */
export function mintPlannedKs(plan: MintPlan, partner: PartnerSecret, nowSec: number, sessionId: string): string {
  const expiry = Math.max(plan.recordedExpiry, nowSec + 86_400);
  const createDate = plan.recordedExpiry > 0 ? plan.recordedExpiry - ksLifetimeSeconds : nowSec;
  const privileges = { [ksPrivilegeKeys.udid]: plan.udid, [ksPrivilegeKeys.householdId]: plan.householdId, [ksPrivilegeKeys.sessionId]: sessionId };
  return mintKs({ partnerId: partner.partnerId, secret: partner.secret, userId: plan.userId, type: 'user', expiry, createDate, privileges });
}
