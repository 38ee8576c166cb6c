import type { RouteSpec } from '../http/router';
import { noContent, ok, problem, type Reply } from '../http/reply';
import { readIntField, readObjectBody, readStringField } from '../http/params';
import type { PlatformRequest } from '../platform-request';
import { resolveCallerHousehold } from './caller-household';
import { addDevice, familyOfBrand, findDevice, listDevices, removeDevice } from './device-state';
import { toDeviceView } from './identity-views';

function listHouseholdDevices(req: PlatformRequest): Reply {
  const resolved = resolveCallerHousehold(req);
  if ('reply' in resolved) return resolved.reply;
  const items = listDevices(req.state.devices, resolved.household.platformId).map(toDeviceView);
  return ok({ items, total: items.length });
}

/** Adds a device (lab-rules "Devices": exists, in other household, limit — in that order). */
function addHouseholdDevice(req: PlatformRequest): Reply {
  const resolved = resolveCallerHousehold(req);
  if ('reply' in resolved) return resolved.reply;
  const body = readObjectBody(req.body);
  if (!body.ok) return body.reply;
  const udid = readStringField(body.value, 'udid', true, 128);
  if (!udid.ok) return udid.reply;
  const name = readStringField(body.value, 'name', false, 128);
  if (!name.ok) return name.reply;
  const externalRef = readStringField(body.value, 'externalRef', false, 128);
  if (!externalRef.ok) return externalRef.reply;
  const brandId = readIntField(body.value, 'brandId', 0);
  if (!brandId.ok) return brandId.reply;
  const deviceFamilyId = readIntField(body.value, 'deviceFamilyId', -1);
  if (!deviceFamilyId.ok) return deviceFamilyId.reply;
  const extras: { macAddress?: string; model?: string; manufacturer?: string } = {};
  for (const field of ['macAddress', 'model', 'manufacturer'] as const) {
    const value = readStringField(body.value, field, false, 128);
    if (!value.ok) return value.reply;
    if (value.value !== undefined) extras[field] = value.value;
  }
  const household = resolved.household;
  const outcome = addDevice(
    req.state.devices,
    {
      udid: udid.value ?? '',
      householdId: household.platformId,
      name: name.value ?? '',
      brandId: brandId.value,
      // Without a family the device takes the one of its brand (docs/vendor-decisions.md "Identity operations").
      deviceFamilyId: deviceFamilyId.value >= 0 ? deviceFamilyId.value : familyOfBrand(req.state.devices, brandId.value),
      activatedAt: req.nowSec,
      externalRef: externalRef.value ?? '',
      ...extras,
    },
    household.devicesLimit,
  );
  if (!outcome.ok) return problem(outcome.code, `udid ${udid.value ?? ''}`);
  const view = toDeviceView(outcome.device);
  req.state.changes.append({ entity: 'device', op: 'upsert', key: `${household.platformId}:${outcome.device.udid}`, householdId: household.platformId, data: view }, req.origin, req.nowSec);
  return ok(view, 201);
}

function getHouseholdDevice(req: PlatformRequest): Reply {
  const resolved = resolveCallerHousehold(req);
  if ('reply' in resolved) return resolved.reply;
  const found = findDevice(req.state.devices, resolved.household.platformId, req.params.udid ?? '');
  return found.ok ? ok(toDeviceView(found.device)) : problem(found.code, `udid ${req.params.udid ?? ''}`);
}

function deleteHouseholdDevice(req: PlatformRequest): Reply {
  const resolved = resolveCallerHousehold(req);
  if ('reply' in resolved) return resolved.reply;
  const householdId = resolved.household.platformId;
  const found = findDevice(req.state.devices, householdId, req.params.udid ?? '');
  if (!found.ok) return problem(found.code, `udid ${req.params.udid ?? ''}`);
  removeDevice(req.state.devices, found.device);
  const key = `${householdId}:${found.device.udid}`;
  req.state.changes.append({ entity: 'device', op: 'delete', key, householdId, data: { udid: found.device.udid, householdId } }, req.origin, req.nowSec);
  return noContent();
}

export const deviceRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'GET', path: '/identity/v1/households/:householdId/devices', operationId: 'identity.listDevices', auth: 'bearer', handle: listHouseholdDevices },
  { method: 'POST', path: '/identity/v1/households/:householdId/devices', operationId: 'identity.addDevice', auth: 'bearer', body: true, handle: addHouseholdDevice },
  { method: 'GET', path: '/identity/v1/households/:householdId/devices/:udid', operationId: 'identity.getDevice', auth: 'bearer', handle: getHouseholdDevice },
  { method: 'DELETE', path: '/identity/v1/households/:householdId/devices/:udid', operationId: 'identity.deleteDevice', auth: 'bearer', handle: deleteHouseholdDevice },
];
