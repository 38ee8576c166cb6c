/**
 * Documented noise between two correct answers (issue "facade" parity): values that are random
 * or instance-specific by design. Everything else must be equal.
 * - `executionTime`: timing;
 * - `ks`, `refreshToken` and session `privileges`: random per minted session;
 * - ids and references of objects a call creates (transactions), allocated independently;
 *   likewise the id of a user registered during the run (a KalturaOTTUser without a household:
 *   every catalogue user has one; docs/vendor-decisions.md "Users that change");
 * - one-time codes each side draws at random (device pairing PINs, login PINs).
 */
const randomKeys = new Set(['ks', 'refreshToken', 'privileges', 'paymentGatewayReferenceId', 'paymentGatewayResponseId']);
const createdObjectTypes = new Set(['KalturaTransaction']);
/** Members that are random codes in objects of these types. */
const randomCodeMembers: Readonly<Record<string, string>> = { KalturaDevicePin: 'pin', KalturaUserLoginPin: 'pinCode' };

/** Objects whose id each side allocates on its own. */
function isCreatedObject(record: Record<string, unknown>): boolean {
  if (createdObjectTypes.has(String(record.objectType))) return true;
  return record.objectType === 'KalturaOTTUser' && record.householdId === 0;
}

/** Replaces noise with placeholders so two answers can be compared with deep equality. */
export function normaliseNoise(value: unknown, key = ''): unknown {
  if (key === 'executionTime' && typeof value === 'number') return '<time>';
  if (randomKeys.has(key) && typeof value === 'string') return `<${key}>`;
  if (Array.isArray(value)) return value.map((item) => normaliseNoise(item));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const randomCode = randomCodeMembers[String(record.objectType)];
  for (const [k, v] of Object.entries(record)) {
    if (k === randomCode) out[k] = '<code>';
    else out[k] = k === 'id' && isCreatedObject(record) ? '<created-id>' : normaliseNoise(v, k);
  }
  return out;
}
