/**
 * Mixed device traffic with planted secret canaries (issue 12 "Done when"): each round logs a demo
 * account in with a fresh canary udid, tries a canary wrong password, and sends reads, writes and
 * multirequests carrying the KS in JSON bodies, form bodies, query strings and paths, a canary
 * email in a KSQL filter, a canary PIN under a configured redaction path, and a malformed body.
 * Every secret a round plants or receives goes into `secrets`.
 */
import { randomBytes } from 'node:crypto';
import { labDemo, postVendorJson, sendVendorRequest } from './vendor-http';

/** Requests one round sends. */
export const requestsPerRound = 11;

const canary = (tag: string): string => `${tag}${randomBytes(9).toString('hex')}`;
const favouriteAssets = [480003, 480071, 480269];

/** One device's round against `url`; returns the number of requests sent. */
export async function sendCanaryRound(url: string, device: number, round: number, secrets: string[]): Promise<number> {
  const demo = labDemo();
  const account = demo.accounts[device % demo.accounts.length]!;
  const udid = canary('udid');
  const wrongPassword = canary('pw');
  const email = `${canary('mail')}@${canary('dom')}.example`;
  const pin = canary('pin');
  secrets.push(udid, wrongPassword, email, pin);
  const login = await postVendorJson(url, '/api_v3/service/ottuser/action/login', { partnerId: demo.partnerId, username: account.username, password: account.password, udid });
  const ks = String(login.json?.result?.loginSession?.ks);
  secrets.push(ks, String(login.json?.result?.loginSession?.refreshToken));
  await postVendorJson(url, '/api_v3/service/ottuser/action/login', { partnerId: demo.partnerId, username: account.username, password: wrongPassword, udid });
  await sendVendorRequest(url, `/api_v3/service/asset/action/get?ks=${encodeURIComponent(ks)}&id=480001&assetReferenceType=media`, { method: 'GET' });
  await sendVendorRequest(url, '/api_v3/service/asset/action/list', { method: 'POST', contentType: 'application/x-www-form-urlencoded', body: `ks=${encodeURIComponent(ks)}&filter[objectType]=KalturaSearchAssetFilter&filter[kSql]=${encodeURIComponent(`name~'${email}'`)}&pager[pageSize]=2` });
  await postVendorJson(url, '/api_v3/service/household/action/get', { ks, pin });
  await postVendorJson(url, '/api_v3/service/multirequest', { ks, 1: { service: 'asset', action: 'get', id: '480001', assetReferenceType: 'media' }, 2: { service: 'householddevice', action: 'list', udid } });
  await postVendorJson(url, '/api_v3/service/favorite/action/add', { ks, favorite: { objectType: 'KalturaFavorite', assetId: favouriteAssets[(device + round) % favouriteAssets.length] } });
  await postVendorJson(url, `/api_v3/service/favorite/action/list/ks/${encodeURIComponent(ks)}`, {});
  await postVendorJson(url, '/api_v3/service/ottuser/action/get', { ks });
  await postVendorJson(url, '/api_v3/service/ottuser/action/logout', { ks });
  await sendVendorRequest(url, '/api_v3/service/asset/action/get', { method: 'POST', body: `{"ks":"${ks}","id":`, contentType: 'application/json' });
  return requestsPerRound;
}
