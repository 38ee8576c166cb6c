import type { TokenSubject } from '../identity/token-service';
import { checkClientCredentials } from '../identity/token-service';
import type { PlatformRequest } from '../platform-request';
import type { PlatformSimState } from '../platform-state';
import { problem, type Reply } from './reply';
import type { RouteSpec, Router } from './router';

/**
 * The platform request pipeline on plain data: route → credentials → origin → JSON body → handler.
 * Every failure is a problem reply; a thrown bug becomes `internal_error` without details.
 */
export interface IncomingCall {
  readonly method: string;
  readonly url: string;
  readonly authorization?: string;
  readonly changeOrigin?: string;
  readonly bodyText: string;
}

export interface DispatchDeps {
  readonly state: PlatformSimState;
  readonly router: Router<PlatformRequest>;
  readonly onBug: (error: unknown, operationId: string) => void;
}

const originPattern = /^[A-Za-z0-9._:-]{1,64}$/;
const emptySubject: TokenSubject = Object.freeze({});

function authenticateCall(spec: RouteSpec<PlatformRequest>, call: IncomingCall, state: PlatformSimState, nowSec: number): TokenSubject | Reply {
  if (spec.auth === 'none') return emptySubject;
  if (spec.auth === 'client') {
    return checkClientCredentials(call.authorization, state.clientSecret) ? emptySubject : withChallenge(problem('invalid_client', 'Basic credentials of the platform client are required'), 'Basic');
  }
  const header = call.authorization ?? '';
  const subject = header.startsWith('Bearer ') ? state.tokens.verify(header.slice(7).trim(), nowSec) : null;
  return subject ?? withChallenge(problem('invalid_token', 'a valid Bearer access token is required'), 'Bearer');
}

function withChallenge(reply: Reply, scheme: string): Reply {
  return { ...reply, headers: { 'www-authenticate': `${scheme} realm="understudy-platform"` } };
}

function parseBody(text: string): { value: unknown } | Reply {
  if (text.trim() === '') return { value: undefined };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return problem('invalid_json', 'the body is not valid JSON');
  }
}

function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && typeof (value as Reply).status === 'number';
}

/** Runs one call through the pipeline. */
export function dispatchPlatformCall(call: IncomingCall, deps: DispatchDeps): Reply {
  const queryAt = call.url.indexOf('?');
  const path = queryAt < 0 ? call.url : call.url.slice(0, queryAt);
  const match = deps.router.match(call.method, path);
  if (match.kind === 'none') return problem('not_found', `no route ${call.method} ${path}`);
  if (match.kind === 'wrong_method') return { ...problem('method_not_allowed', `${call.method} is not allowed here`), headers: { allow: match.allowed.join(', ') } };
  const nowSec = Math.floor(deps.state.clock.nowMs() / 1000);
  const caller = authenticateCall(match.spec, call, deps.state, nowSec);
  if (isReply(caller)) return caller;
  const origin = call.changeOrigin ?? 'platform';
  if (!originPattern.test(origin)) return problem('validation_failed', 'X-Change-Origin must be 1–64 characters of [A-Za-z0-9._:-]');
  const body = match.spec.body ? parseBody(call.bodyText) : { value: undefined };
  if (isReply(body)) return body;
  const query = new URLSearchParams(queryAt < 0 ? '' : call.url.slice(queryAt + 1));
  try {
    return match.spec.handle({ params: match.params, query, body: body.value, caller, origin, nowSec, state: deps.state });
  } catch (error) {
    deps.onBug(error, match.spec.operationId);
    return problem('internal_error', 'the platform failed to answer; see its log');
  }
}
