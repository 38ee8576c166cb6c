import type { CatalogProgram } from '../../core/catalog';
import { err, ok, type Result } from '../../core/result';
import type { CatalogIndex } from '../catalog/catalog-index';
import { findProgram, householdBook, usedSeconds, type AddRefusal, type BookSeriesRecording, type CdvrBook } from './cdvr-book';
import { cdvrSettings, programSeconds, seriesIdOf } from './cdvr-lab-rules';

/** What seriesRecording.add asks for: the programme it starts from and series or season. */
export interface SeriesRequest {
  readonly programId: number;
  readonly type: 'SERIES' | 'SEASON';
  readonly seasonNumber?: number;
}

export type SeriesRefusal = Extract<AddRefusal, 'not_a_programme' | 'not_recordable'> | 'already_recorded' | 'limit_reached';

/** The series' programmes on the channel that have not ended, by start (the episodes to record). */
function upcomingEpisodes(index: CatalogIndex, start: CatalogProgram, nowSec: number): CatalogProgram[] {
  const seriesId = seriesIdOf(start);
  return (index.programsByChannelVendorId.get(start.channelVendorId) ?? [])
    .filter((p) => seriesIdOf(p) === seriesId && p.endDate > nowSec)
    .sort((a, b) => a.startDate - b.startDate || a.vendorId - b.vendorId);
}

/**
 * seriesRecording.add: records every episode of the programme's series on its channel that has
 * not ended and the household does not record yet, in air order while the quota lasts; the
 * episodes beyond the quota are left out (docs/lab-rules.md "Cloud DVR").
 */
export function addSeriesRecording(index: CatalogIndex, book: CdvrBook, householdId: string, request: SeriesRequest, nowSec: number): Result<BookSeriesRecording, SeriesRefusal> {
  const found = findProgram(index, request.programId);
  if (found === undefined) return err('not_a_programme');
  if (found.channel?.enableCdvr !== true) return err('not_recordable');
  const page = householdBook(book, householdId);
  const seriesId = seriesIdOf(found.program);
  if (page.series.some((s) => s.seriesId === seriesId && s.epgChannelId === found.program.epgChannelId)) return err('already_recorded');
  if (page.series.length >= cdvrSettings.maxSeriesRecordings) return err('limit_reached');
  const season = request.seasonNumber === undefined ? {} : { seasonNumber: request.seasonNumber };
  const series: BookSeriesRecording = { id: page.nextSeriesId++, programId: request.programId, epgChannelId: found.program.epgChannelId, seriesId, ...season, type: request.type, createDate: nowSec, updateDate: nowSec };
  page.series.push(series);
  let used = usedSeconds(index, page);
  for (const episode of upcomingEpisodes(index, found.program, nowSec)) {
    if (page.recordings.some((r) => r.programId === episode.vendorId)) continue;
    if (used + programSeconds(episode) > cdvrSettings.quotaSeconds || page.recordings.length >= cdvrSettings.maxRecordings) break;
    used += programSeconds(episode);
    page.recordings.push({ id: page.nextRecordingId++, programId: episode.vendorId, origin: series.type, seriesRecordingId: series.id, createDate: nowSec, updateDate: nowSec });
  }
  return ok(series);
}

/** seriesRecording.delete: the series recording and every recording it made leave the book. */
export function deleteSeriesRecording(book: CdvrBook, householdId: string, id: number): BookSeriesRecording | undefined {
  const page = book.households.get(householdId);
  const at = page?.series.findIndex((s) => s.id === id) ?? -1;
  if (page === undefined || at < 0) return undefined;
  const [removed] = page.series.splice(at, 1);
  const kept = page.recordings.filter((r) => r.seriesRecordingId !== id);
  page.recordings.splice(0, page.recordings.length, ...kept);
  return removed;
}

/** Every series recording of the household, by id. */
export function listSeriesRecordings(book: CdvrBook, householdId: string): readonly BookSeriesRecording[] {
  return book.households.get(householdId)?.series ?? [];
}
