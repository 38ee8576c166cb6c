import type { Clock } from '../core/clock';
import type { PlatformSubject } from '../translate/platform-port';
import type { PlatformHttpClient } from './platform-http-client';

export interface TokenExchangeOptions {
  readonly client: PlatformHttpClient;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly clock: Clock;
  /** Cached tokens kept at most (oldest dropped first). */
  readonly maxEntries?: number;
}

interface CachedToken {
  readonly token: string;
  readonly refreshAtMs: number;
}

/** Thrown when the platform refuses the facade's own credentials or answers nonsense: an outage, not a device error. */
export class TokenExchangeError extends Error {}

function subjectKey(subject: PlatformSubject): string {
  return `${subject.userId ?? ''}|${subject.householdId ?? ''}|${subject.deviceUdid ?? ''}|${subject.sessionKey}`;
}

/**
 * Exchanges a verified caller identity for a platform access token (docs/architecture.md §4 "Sessions") and
 * caches it until shortly before it expires; concurrent requests for one subject share one exchange.
 */
export class PlatformTokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly pending = new Map<string, Promise<string>>();
  readonly basicAuth: string;

  constructor(private readonly options: TokenExchangeOptions) {
    this.basicAuth = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`;
  }

  /** A valid token for the subject, from the cache or a fresh exchange. */
  tokenFor(subject: PlatformSubject): Promise<string> {
    const key = subjectKey(subject);
    const cached = this.tokens.get(key);
    if (cached !== undefined && cached.refreshAtMs > this.options.clock.nowMs()) return Promise.resolve(cached.token);
    let inFlight = this.pending.get(key);
    if (inFlight === undefined) {
      inFlight = this.exchange(key, subject).finally(() => this.pending.delete(key));
      this.pending.set(key, inFlight);
    }
    return inFlight;
  }

  /** Forgets a token the platform no longer accepts. */
  forget(subject: PlatformSubject): void {
    this.tokens.delete(subjectKey(subject));
  }

  private async exchange(key: string, subject: PlatformSubject): Promise<string> {
    const reply = await this.options.client.send({ method: 'POST', path: '/identity/v1/token', headers: { authorization: this.basicAuth }, body: subject });
    const body = reply.body as { accessToken?: unknown; expiresIn?: unknown } | undefined;
    if (reply.status !== 200 || typeof body?.accessToken !== 'string' || typeof body.expiresIn !== 'number') {
      throw new TokenExchangeError(`token exchange failed with HTTP ${reply.status}`);
    }
    // Refresh at 90% of the lifetime so a token never expires between the check and its use.
    this.remember(key, { token: body.accessToken, refreshAtMs: this.options.clock.nowMs() + body.expiresIn * 900 });
    return body.accessToken;
  }

  private remember(key: string, token: CachedToken): void {
    if (this.tokens.size >= (this.options.maxEntries ?? 100_000)) {
      const oldest = this.tokens.keys().next();
      if (oldest.done !== true) this.tokens.delete(oldest.value);
    }
    this.tokens.set(key, token);
  }
}
