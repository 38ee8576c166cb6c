/** Device pairing codes: shown by a new device, claimed by a household member, then a login. */
import { issuePairingCode, lookUpPairingCode } from '../../pairing/pairing-codes';
import { toIso } from '../http/iso-time';
import type { RouteSpec } from '../http/router';
import { ok, problem, type Reply } from '../http/reply';
import { readIntField, readObjectBody, readStringField } from '../http/params';
import { requireMember } from '../identity/caller-household';
import { addDevice, familyOfBrand } from '../identity/device-state';
import { toDeviceView } from '../identity/identity-views';
import type { PlatformRequest } from '../platform-request';
import { authenticatedUser } from './code-login';

/** `identity.createPairingCode`: any caller; a new code replaces the device's earlier one. */
function createPairingCode(req: PlatformRequest): Reply {
  const body = readObjectBody(req.body ?? {});
  if (!body.ok) return body.reply;
  const udid = readStringField(body.value, 'udid', true, 128);
  if (!udid.ok) return udid.reply;
  const brandId = readIntField(body.value, 'brandId', 0);
  if (!brandId.ok) return brandId.reply;
  const value = { udid: udid.value ?? '', brandId: brandId.value };
  const issued = issuePairingCode(req.state.pairing.pairingCodes, value, req.nowSec, (old) => old.udid === value.udid);
  return ok({ code: issued.code, udid: value.udid, expiresAt: toIso(issued.expiresAt) }, 201);
}

/** `identity.claimPairingCode`: the device joins the caller's household (rules of identity.addDevice). */
function claimPairingCode(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const body = readObjectBody(req.body ?? {});
  if (!body.ok) return body.reply;
  const name = readStringField(body.value, 'name', false, 128);
  if (!name.ok) return name.reply;
  const found = lookUpPairingCode(req.state.pairing.pairingCodes, req.params.code ?? '', req.nowSec);
  if (found.kind !== 'live') return problem('not_found', 'no live pairing code');
  const household = req.state.index.householdByPlatformId.get(member.householdId);
  if (household === undefined) return problem('forbidden', 'no household');
  if (household.state === 'suspended') return problem('household_suspended', 'household suspended');
  const { udid, brandId } = found.entry.value;
  const input = { udid, householdId: household.platformId, name: name.value ?? '', brandId, deviceFamilyId: familyOfBrand(req.state.devices, brandId), activatedAt: req.nowSec, externalRef: '' };
  const outcome = addDevice(req.state.devices, input, household.devicesLimit);
  if (!outcome.ok) return problem(outcome.code, `udid ${udid}`);
  found.entry.value.householdId = household.platformId;
  const view = toDeviceView(outcome.device);
  req.state.changes.append({ entity: 'device', op: 'upsert', key: `${household.platformId}:${udid}`, householdId: household.platformId, data: view }, req.origin, req.nowSec);
  return ok(view, 201);
}

/** `identity.authenticatePairingCode`: the paired device signs in as its household's default user; the code is used up. */
function authenticatePairingCode(req: PlatformRequest): Reply {
  const body = readObjectBody(req.body ?? {});
  if (!body.ok) return body.reply;
  const udid = readStringField(body.value, 'udid', false, 128);
  if (!udid.ok) return udid.reply;
  const store = req.state.pairing.pairingCodes;
  const found = lookUpPairingCode(store, req.params.code ?? '', req.nowSec);
  if (found.kind === 'unknown') return problem('not_found', 'no such pairing code');
  if (found.kind === 'expired') return problem('code_expired', 'pairing code expired');
  const value = found.entry.value;
  if (udid.value !== undefined && udid.value !== '' && udid.value !== value.udid) return problem('not_found', 'no such pairing code for this device');
  if (value.householdId === undefined) return problem('device_not_paired', 'no household has claimed this code');
  const household = req.state.index.householdByPlatformId.get(value.householdId);
  const user = (req.state.index.usersByHousehold.get(household?.vendorId ?? 0) ?? []).find((u) => u.isHouseholdDefault);
  if (user === undefined) return problem('unknown_user', 'the household has no default user');
  const answer = authenticatedUser(req, user);
  if (answer.status === 200) store.codes.delete(found.entry.code);
  return answer.status === 200 ? ok({ user: answer.body, udid: value.udid }) : answer;
}

export const pairingRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'POST', path: '/identity/v1/pairing-codes', operationId: 'identity.createPairingCode', auth: 'bearer', body: true, handle: createPairingCode },
  { method: 'POST', path: '/identity/v1/pairing-codes/:code/claim', operationId: 'identity.claimPairingCode', auth: 'bearer', body: true, handle: claimPairingCode },
  { method: 'POST', path: '/identity/v1/pairing-codes/:code/authenticate', operationId: 'identity.authenticatePairingCode', auth: 'client', body: true, handle: authenticatePairingCode },
];
