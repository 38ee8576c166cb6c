/**
 * The shared-state checks of design.md §7, run between two facades (two instances of one site, two
 * workers, or two sites): a change made through one is timed until it is in force on the other.
 * Each returns the milliseconds from the writer's answer to the first poll that saw it on the reader
 * (polled every 20 ms, given up after `giveUpMs`, then Infinity).
 */
import { adminRequest } from './admin-http';
import { loginAs, postVendorJson } from './vendor-http';

/** Where a facade answers devices and operators. */
export interface FacadeEnds {
  readonly url: string;
  readonly adminUrl: string;
}

/** Polls `check` every 20 ms; the elapsed ms when it first holds, or Infinity after `giveUpMs`. */
export async function timeUntil(check: () => Promise<boolean>, giveUpMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) return performance.now() - started;
    if (performance.now() - started > giveUpMs) return Infinity;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const explainReason = async (facade: FacadeEnds, operation: string): Promise<string> =>
  String((await adminRequest(facade.adminUrl, 'GET', `/admin/explain?operation=${operation}&household=4001`)).json?.reason);

/** Switches `operation`'s kill switch on (or off) at `writer`; ms until `reader` routes it accordingly. */
export async function timeKillSwitch(writer: FacadeEnds, reader: FacadeEnds, operation: string, on: boolean, giveUpMs: number): Promise<number> {
  const answer = await adminRequest(writer.adminUrl, 'POST', '/admin/kill-switch', { body: { on, operation } });
  if (answer.status !== 200) throw new Error(`kill switch refused: ${answer.status} ${answer.text}`);
  return timeUntil(async () => ((await explainReason(reader, operation)) === 'kill-switch-operation') === on, giveUpMs);
}

/** Replaces the policy at `writer` with a new salt; ms until `reader`'s active policy has that salt. */
export async function timePolicyReplace(writer: FacadeEnds, reader: FacadeEnds, salt: string, giveUpMs: number): Promise<number> {
  const current = await adminRequest(writer.adminUrl, 'GET', '/admin/policy');
  const document = { ...current.json.document, salt };
  const answer = await adminRequest(writer.adminUrl, 'PUT', '/admin/policy', { body: document });
  if (answer.status !== 200) throw new Error(`policy replace refused: ${answer.status} ${answer.text}`);
  return timeUntil(async () => (await adminRequest(reader.adminUrl, 'GET', '/admin/policy')).json?.document?.salt === salt, giveUpMs);
}

/** The vendor error code `ottuser.get` answers at `facade` for `ks`, or 'ok' for a user. */
export async function userGetOutcome(facade: Pick<FacadeEnds, 'url'>, ks: string): Promise<string> {
  const answer = await postVendorJson(facade.url, '/api_v3/service/ottuser/action/get', { ks });
  const result = answer.json?.result;
  if (result?.objectType === 'KalturaOTTUser') return 'ok';
  return String(result?.error?.code ?? answer.status);
}

/** Logs demo1 in at `writer`, checks `reader` accepts the KS, logs it out at `writer`; ms until `reader` refuses it with 500016. */
export async function timeLogout(writer: FacadeEnds, reader: FacadeEnds, giveUpMs: number): Promise<number> {
  const ks = await loginAs(writer.url, 'demo1');
  const before = await userGetOutcome(reader, ks);
  if (before !== 'ok') throw new Error(`the reader refused a fresh KS before logout: ${before}`);
  const logout = await postVendorJson(writer.url, '/api_v3/service/ottuser/action/logout', { ks });
  if (logout.json?.result !== true) throw new Error(`logout failed: ${logout.text}`);
  return timeUntil(async () => (await userGetOutcome(reader, ks)) === '500016', giveUpMs);
}
