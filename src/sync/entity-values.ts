/** Small readers the entity files share (values as captured calls and feed entries carry them). */
import type { CapturedCall } from './capture-rules';
import type { SyncChange } from './sync-types';

/** An object, or an empty one. */
export function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** An integer from a number or a decimal string. */
export function integerOf(value: unknown): number | undefined {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d{1,15}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(parsed) ? parsed : undefined;
}

/** The household, user, source side and device of a captured call. */
export function callBase(call: CapturedCall): Pick<SyncChange, 'householdId' | 'userId' | 'source'> & { udid?: string } {
  return { householdId: String(call.caller.householdId), userId: call.caller.userId, source: call.side, ...(call.caller.udid === '' ? {} : { udid: call.caller.udid }) };
}

/** `user` or `household` (the vendor's KalturaEntityReferenceBy, the platform's scope), else undefined. */
export function scopeOf(value: unknown): 'user' | 'household' | undefined {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return text === 'user' || text === 'household' ? text : undefined;
}
