import type { CatalogLiveChannel, CatalogProgram } from '../../core/catalog';
import { err, ok, type Result } from '../../core/result';
import type { CatalogIndex } from '../catalog/catalog-index';
import { cdvrSettings, judgeRecordable, phaseAt, programSeconds, type RecordRefusal, type RecordingStatus } from './cdvr-lab-rules';

/**
 * The lab's cloud-DVR book, one per sim: recordings and series recordings per household, keyed by
 * the sim's own household id, programmes by their catalogue number. Both sims keep one so they
 * answer by the same lab rules (docs/lab-rules.md "Cloud DVR"), each in its own vocabulary.
 */
export type RecordingOrigin = 'SINGLE' | 'SEASON' | 'SERIES';

export interface BookRecording {
  readonly id: number;
  readonly programId: number;
  readonly origin: RecordingOrigin;
  readonly seriesRecordingId?: number;
  readonly createDate: number;
  updateDate: number;
  /** When it was protected; undefined while unprotected. */
  protectedAt?: number;
}

export interface BookSeriesRecording {
  readonly id: number;
  readonly programId: number;
  readonly epgChannelId: number;
  readonly seriesId: string;
  readonly seasonNumber?: number;
  readonly type: 'SERIES' | 'SEASON';
  readonly createDate: number;
  readonly updateDate: number;
}

export interface HouseholdBook {
  readonly recordings: BookRecording[];
  readonly series: BookSeriesRecording[];
  /**
   * Ids count per household (a household only ever sees its own), so the same calls give the
   * same ids on both sims whatever the interleaving of other households' calls: a replay that
   * keeps per-household order then compares equal (docs/lab-rules.md "Cloud DVR").
   */
  nextRecordingId: number;
  nextSeriesId: number;
}

export interface CdvrBook {
  readonly households: Map<string, HouseholdBook>;
}

/** An empty book; each household's ids count from 1 (reset starts over). */
export function createCdvrBook(): CdvrBook {
  return { households: new Map() };
}

/** A household's page of the book, created empty on first use. */
export function householdBook(book: CdvrBook, householdId: string): HouseholdBook {
  let page = book.households.get(householdId);
  if (page === undefined) book.households.set(householdId, (page = { recordings: [], series: [], nextRecordingId: 1, nextSeriesId: 1 }));
  return page;
}

/** A recording as a device sees it: its programme and the status the lab clock gives it. */
export interface RecordingView {
  readonly recording: BookRecording;
  readonly program: CatalogProgram;
  readonly status: RecordingStatus;
  readonly isProtected: boolean;
  readonly viewableUntilDate: number;
}

/** The programme and its status at `nowSec`; the programme always exists (the catalogue is fixed). */
export function viewRecording(index: CatalogIndex, recording: BookRecording, nowSec: number, status?: RecordingStatus): RecordingView {
  const program = index.assetByVendorId.get(recording.programId) as CatalogProgram;
  const isProtected = recording.protectedAt !== undefined;
  const viewableUntilDate = isProtected ? (recording.protectedAt ?? 0) + cdvrSettings.protectionSeconds : program.endDate + cdvrSettings.lifetimeSeconds;
  return { recording, program, status: status ?? phaseAt(program, nowSec), isProtected, viewableUntilDate };
}

/** Seconds of quota the household's recordings use. */
export function usedSeconds(index: CatalogIndex, page: HouseholdBook): number {
  return page.recordings.reduce((sum, r) => sum + programSeconds(index.assetByVendorId.get(r.programId) as CatalogProgram), 0);
}

export type AddRefusal = RecordRefusal | 'not_a_programme' | 'quota_exceeded' | 'part_of_series';

/** The programme with that catalogue number and its channel, or undefined when it is no programme. */
export function findProgram(index: CatalogIndex, programId: number): { program: CatalogProgram; channel: CatalogLiveChannel | undefined } | undefined {
  const asset = index.assetByVendorId.get(programId);
  if (asset?.kind !== 'program') return undefined;
  const channel = index.assetByVendorId.get(asset.channelVendorId);
  return { program: asset, channel: channel?.kind === 'live' ? channel : undefined };
}

/** recording.add: the same programme again answers the household's recording of it (`created` false). */
export function addRecording(index: CatalogIndex, book: CdvrBook, householdId: string, programId: number, nowSec: number): Result<{ view: RecordingView; created: boolean }, AddRefusal> {
  const found = findProgram(index, programId);
  if (found === undefined) return err('not_a_programme');
  const page = householdBook(book, householdId);
  const existing = page.recordings.find((r) => r.programId === programId);
  if (existing !== undefined) return existing.origin === 'SINGLE' ? ok({ view: viewRecording(index, existing, nowSec), created: false }) : err('part_of_series');
  const refusal = judgeRecordable(found.program, found.channel, nowSec);
  if (refusal !== undefined) return err(refusal);
  const full = page.recordings.length >= cdvrSettings.maxRecordings;
  if (full || usedSeconds(index, page) + programSeconds(found.program) > cdvrSettings.quotaSeconds) return err('quota_exceeded');
  const recording: BookRecording = { id: page.nextRecordingId++, programId, origin: 'SINGLE', createDate: nowSec, updateDate: nowSec };
  page.recordings.push(recording);
  return ok({ view: viewRecording(index, recording, nowSec), created: true });
}

export type ChangeRefusal = 'not_found' | 'invalid_status' | 'protection_quota_exceeded';

function findRecording(book: CdvrBook, householdId: string, id: number): BookRecording | undefined {
  return book.households.get(householdId)?.recordings.find((r) => r.id === id);
}

function removeRecording(book: CdvrBook, householdId: string, id: number): void {
  const recordings = householdBook(book, householdId).recordings;
  recordings.splice(recordings.findIndex((r) => r.id === id), 1);
}

/** recording.get. */
export function getRecording(index: CatalogIndex, book: CdvrBook, householdId: string, id: number, nowSec: number): RecordingView | undefined {
  const recording = findRecording(book, householdId, id);
  return recording === undefined ? undefined : viewRecording(index, recording, nowSec);
}

/** recording.cancel: only before it is recorded; a cancelled recording leaves the book. */
export function cancelRecording(index: CatalogIndex, book: CdvrBook, householdId: string, id: number, nowSec: number): Result<RecordingView, ChangeRefusal> {
  const view = getRecording(index, book, householdId, id, nowSec);
  if (view === undefined) return err('not_found');
  if (view.status === 'RECORDED') return err('invalid_status');
  removeRecording(book, householdId, id);
  view.recording.updateDate = nowSec;
  return ok({ ...view, status: 'CANCELED' });
}

/** recording.delete: only once recorded; the answer carries status DELETED. */
export function deleteRecording(index: CatalogIndex, book: CdvrBook, householdId: string, id: number, nowSec: number): Result<RecordingView, ChangeRefusal> {
  const view = getRecording(index, book, householdId, id, nowSec);
  if (view === undefined) return err('not_found');
  if (view.status !== 'RECORDED') return err('invalid_status');
  removeRecording(book, householdId, id);
  view.recording.updateDate = nowSec;
  return ok({ ...view, status: 'DELETED' });
}

/** recording.protect: only once recorded, within the protection share of the quota; protecting twice changes nothing. */
export function protectRecording(index: CatalogIndex, book: CdvrBook, householdId: string, id: number, nowSec: number): Result<RecordingView, ChangeRefusal> {
  const view = getRecording(index, book, householdId, id, nowSec);
  if (view === undefined) return err('not_found');
  if (view.status !== 'RECORDED') return err('invalid_status');
  if (view.isProtected) return ok(view);
  const page = householdBook(book, householdId);
  const protectedSeconds = page.recordings.filter((r) => r.protectedAt !== undefined).reduce((sum, r) => sum + programSeconds(viewRecording(index, r, nowSec).program), 0);
  if (protectedSeconds + programSeconds(view.program) > cdvrSettings.quotaSeconds * cdvrSettings.protectionShare) return err('protection_quota_exceeded');
  view.recording.protectedAt = nowSec;
  view.recording.updateDate = nowSec;
  return ok(viewRecording(index, view.recording, nowSec));
}

/** Every recording of the household, in the book's order (by id). */
export function listRecordings(index: CatalogIndex, book: CdvrBook, householdId: string, nowSec: number): RecordingView[] {
  return (book.households.get(householdId)?.recordings ?? []).map((r) => viewRecording(index, r, nowSec));
}
