/** Reading `householdDevice.add`'s `device` argument into the platform's DeviceInput (brief §5.1). */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readInt, readObject, readString, type ParamSource } from '../../phoenix/param-readers';

/** Vendor field → platform field of the optional text inputs after `brandId`. */
const textFields = [
  ['externalId', 'externalRef'],
  ['macAddress', 'macAddress'],
  ['model', 'model'],
  ['manufacturer', 'manufacturer'],
] as const;

/**
 * `device.udid` required (missing → 500053, empty → 50027), the rest optional; validated in the
 * vendor's order. The family is left to the platform (that of a registered device of the brand).
 */
export function readDeviceInput(params: ParamSource): VendorOutcome<Record<string, unknown>> {
  const input = readObject(params, 'device', { required: true });
  if (!input.ok) return input;
  const device = input.value;
  const udid = readString(device, 'udid', { required: true, nonEmpty: true, label: 'device.udid' });
  if (!udid.ok) return udid;
  const out: Record<string, unknown> = { udid: udid.value };
  const name = readString(device, 'name', { label: 'device.name' });
  if (!name.ok) return name;
  if (name.value !== undefined) out.name = name.value;
  const brandId = readInt(device, 'brandId', { label: 'device.brandId' });
  if (!brandId.ok) return brandId;
  if (brandId.value !== undefined) out.brandId = brandId.value;
  for (const [vendorField, platformField] of textFields) {
    const value = readString(device, vendorField, { label: `device.${vendorField}` });
    if (!value.ok) return value;
    if (value.value !== undefined) out[platformField] = value.value;
  }
  return ok(out);
}
