import type { TokenSubject } from './identity/token-service';
import type { PlatformSimState } from './platform-state';

/** Everything a route handler sees: plain data, no `req`/`res`. */
export interface PlatformRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The parsed JSON body (undefined when none was sent). */
  readonly body: unknown;
  /** The verified token subject on Bearer routes; `{}` elsewhere. */
  readonly caller: TokenSubject;
  /** `X-Change-Origin` of the request (default `platform`), stamped on the changes it causes. */
  readonly origin: string;
  readonly nowSec: number;
  readonly state: PlatformSimState;
}
