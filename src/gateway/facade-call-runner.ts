/**
 * One (sub-)call through the facade: find the translator, verify the KS (format and expiry from
 * the token, revocation from the shared store), check access, run the translation. Never throws:
 * a bug or a platform outage becomes a vendor error in the envelope, never a stack trace.
 */
import type { CallerSession } from '../core/caller-session';
import type { Clock } from '../core/clock';
import { epochSeconds } from '../core/clock';
import type { IdMapper } from '../core/id-mapper';
import { err } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import type { PlatformPort } from '../translate/platform-port';
import type { SessionPort, TranslatorTable } from '../translate/translator';
import type { KsDecoder } from '../phoenix/ks-decoder';
import { toCallerSessionAt } from '../phoenix/ks-session';
import { checkOperationAccess, findOperationIn, readCallKs } from '../phoenix/operation-dispatch';
import { vendorError } from '../phoenix/vendor-error-builder';

/** Answers whether a verified session was logged out or revoked (shared by every instance). */
export interface RevocationCheck {
  isRevoked(session: CallerSession): Promise<boolean>;
}

export interface FacadeCallEnvironment {
  readonly translators: TranslatorTable;
  /** Decodes and verifies KS signatures (cached per KS string). */
  readonly decodeKs: KsDecoder;
  readonly partnerId: number;
  readonly clock: Clock;
  readonly revocations: RevocationCheck;
  /** The platform acting as the given caller (null = anonymous, no KS), for one operation (metrics label). */
  readonly platformFor: (session: CallerSession | null, operationId: string) => PlatformPort;
  readonly ids: IdMapper;
  readonly sessions: SessionPort;
  /** The vendor server version the facade reports (`system.getVersion`). */
  readonly serverVersion?: string;
  /** Told about bugs and outages so they can be logged and counted. */
  readonly onFailure?: (error: unknown, operationId: string) => void;
}

export interface FacadeCall {
  readonly service?: string;
  readonly action?: string;
  readonly params: Readonly<Record<string, unknown>>;
}

async function verifySession(ks: string, env: FacadeCallEnvironment, nowSec: number): Promise<VendorOutcome<CallerSession>> {
  const decoded = toCallerSessionAt(ks, env.decodeKs(ks), nowSec);
  if (!decoded.ok) return decoded;
  if (await env.revocations.isRevoked(decoded.value)) return err(vendorError('ExpiredKS'));
  return decoded;
}

/** A translated call's outcome, and whether it failed by a bug or a platform outage (not a vendor error). */
export interface TranslatedOutcome {
  readonly outcome: VendorOutcome;
  readonly failed: boolean;
}

/** Runs one call through its translator; never throws. */
export async function runTranslatedCall(call: FacadeCall, apiBaseUrl: string, env: FacadeCallEnvironment): Promise<TranslatedOutcome> {
  const found = findOperationIn(env.translators, call.service, call.action);
  if (!('spec' in found)) return { outcome: err(found), failed: false };
  const nowSec = epochSeconds(env.clock);
  try {
    const ks = readCallKs(call.params);
    let session: CallerSession | null = null;
    if (ks !== undefined) {
      const verified = await verifySession(ks, env, nowSec);
      if (!verified.ok) return { outcome: verified, failed: false };
      session = verified.value;
    }
    const denied = checkOperationAccess(found.spec.access, session);
    if (denied !== null) return { outcome: err(denied), failed: false };
    const outcome = await found.spec.run({
      params: call.params,
      session,
      nowSec,
      apiBaseUrl,
      partnerId: env.partnerId,
      platform: env.platformFor(session, found.operationId),
      ids: env.ids,
      sessions: env.sessions,
      ...(env.serverVersion === undefined ? {} : { serverVersion: env.serverVersion }),
    });
    return { outcome, failed: false };
  } catch (error) {
    env.onFailure?.(error, found.operationId);
    return { outcome: err(vendorError('Error')), failed: true };
  }
}
