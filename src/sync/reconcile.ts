/**
 * Reconcile's judgement (docs/architecture.md §4 "Sync": writes that bypass the facade, e.g. straight to the
 * vendor, are found here). Pure: two snapshots of one household's entity plus the registers of the
 * keys seen → drift items, each with the change that repairs it through the normal sync path.
 *   missing:   one side lacks a key the other holds (and the register does not say it was removed);
 *   extra:     one side still holds a key the other removed since the last sync (register: present);
 *   different: both hold it with different values; the side that departed from the register wins,
 *              or, with no register, the later write (else the vendor, the system of record).
 * Entities a side can remove are judged `extra`: a bookmark cleaned, add/remove sets, a parental rule
 * switched off, a recording cancelled or deleted. PINs and profile fields are only ever set, so one-sided is `missing`.
 */
import { scalarText } from './sync-types';
import type { SyncRegister } from './conflict-policies';
import type { UnstampedChange } from './capture-rules';
import type { SideRecord, SideSnapshot } from './sync-ports';
import type { SyncEntity, SyncSide } from './sync-types';

export type DriftKind = 'missing' | 'extra' | 'different';

/** One divergence and its repair. */
export interface DriftItem {
  readonly entity: SyncEntity;
  readonly householdId: string;
  readonly key: string;
  readonly kind: DriftKind;
  /** The side that lacks (missing), still holds (extra) or is overwritten (different). */
  readonly side: SyncSide;
  readonly repair: UnstampedChange;
}

/** The comparable form of a value: what both sides store for the entity. */
export function comparableValue(entity: SyncEntity, value: Readonly<Record<string, unknown>>): string {
  switch (entity) {
    case 'bookmark':
      return value.action === 'FINISH' || value.finished === true && Number(value.position) === 0 ? '0|finished' : String(Number(value.position ?? 0));
    case 'favorite':
      return scalarText(value.extraData, '');
    case 'pin':
      return scalarText(value.pin, '');
    case 'profile':
      return scalarText(value.value, '');
    case 'recording':
      return value.action === 'protect' ? 'protected' : '';
    default:
      return '';
  }
}

/** Entities a side removes (a history entry cleaned, add/remove sets, a rule switched off, a recording cancelled or deleted). */
const removable: ReadonlySet<SyncEntity> = new Set<SyncEntity>(['bookmark', 'favorite', 'device', 'parental', 'recording', 'seriesRecording', 'personalList', 'reminder']);

/** True when the register says both sides held the key at the last sync (a cancelled recording is gone). */
function registerHolds(register: SyncRegister | undefined): boolean {
  if (register === undefined || register.tombstone) return false;
  return register.entity !== 'recording' || !['cancel', 'delete'].includes(scalarText(register.change.value.action));
}

function changeFrom(entity: SyncEntity, householdId: string, record: SideRecord, source: SyncSide, op: 'upsert' | 'delete'): UnstampedChange {
  const removal = op === 'delete' ? record.removeAs : undefined;
  return { entity, op: removal?.op ?? op, key: record.key, householdId, source, value: removal?.value ?? record.value, ...(record.userId === undefined ? {} : { userId: record.userId }) };
}

function judgeOneSided(entity: SyncEntity, householdId: string, record: SideRecord, holder: SyncSide, register: SyncRegister | undefined): DriftItem {
  const lacking: SyncSide = holder === 'vendor' ? 'platform' : 'vendor';
  if (removable.has(entity) && registerHolds(register)) {
    // Both sides held it at the last sync: the lacking side removed it since, so remove it here too.
    return { entity, householdId, key: record.key, kind: 'extra', side: holder, repair: changeFrom(entity, householdId, record, lacking, 'delete') };
  }
  return { entity, householdId, key: record.key, kind: 'missing', side: lacking, repair: changeFrom(entity, householdId, record, holder, 'upsert') };
}

function pickWinner(entity: SyncEntity, vendor: SideRecord, platform: SideRecord, register: SyncRegister | undefined): SyncSide {
  // Neither side can take protection off a recording: the protected side wins.
  if (entity === 'recording') return comparableValue(entity, vendor.value) === 'protected' ? 'vendor' : 'platform';
  if (register !== undefined && !register.tombstone) {
    const known = comparableValue(entity, register.change.value);
    if (comparableValue(entity, vendor.value) === known) return 'platform';
    if (comparableValue(entity, platform.value) === known) return 'vendor';
  }
  return (platform.atMs ?? 0) > (vendor.atMs ?? 0) ? 'platform' : 'vendor';
}

/** Drift between the two sides of one household's entity. */
export function classifyDrift(entity: SyncEntity, householdId: string, vendor: SideSnapshot, platform: SideSnapshot, registers: ReadonlyMap<string, SyncRegister>): DriftItem[] {
  const drift: DriftItem[] = [];
  const keys = new Set([...vendor.keys(), ...platform.keys()]);
  for (const key of [...keys].sort()) {
    const v = vendor.get(key);
    const p = platform.get(key);
    const register = registers.get(key);
    if (v !== undefined && p === undefined) drift.push(judgeOneSided(entity, householdId, v, 'vendor', register));
    else if (p !== undefined && v === undefined) drift.push(judgeOneSided(entity, householdId, p, 'platform', register));
    else if (v !== undefined && p !== undefined && comparableValue(entity, v.value) !== comparableValue(entity, p.value)) {
      const winner = pickWinner(entity, v, p, register);
      const record = winner === 'vendor' ? v : p;
      drift.push({ entity, householdId, key, kind: 'different', side: winner === 'vendor' ? 'platform' : 'vendor', repair: changeFrom(entity, householdId, record, winner, 'upsert') });
    }
  }
  return drift;
}
