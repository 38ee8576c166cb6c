import type { BookSeriesRecording, RecordingView } from '../../cdvr/cdvr-book';
import type { CatalogIndex } from '../../catalog/catalog-index';
import { toIso } from '../http/iso-time';

/** A recording in platform vocabulary (contracts/platform/openapi.yaml `Recording`). */
export function toRecordingView(view: RecordingView): Record<string, unknown> {
  const { recording, program } = view;
  const series = recording.seriesRecordingId === undefined ? {} : { seriesRecordingNumber: recording.seriesRecordingId };
  return {
    number: recording.id,
    itemId: program.platformId,
    title: program.name,
    epgChannelId: program.epgChannelId,
    startsAt: toIso(program.startDate),
    endsAt: toIso(program.endDate),
    status: view.status.toLowerCase(),
    origin: recording.origin.toLowerCase(),
    ...series,
    protected: view.isProtected,
    viewableUntil: toIso(view.viewableUntilDate),
    createdAt: toIso(recording.createDate),
    updatedAt: toIso(recording.updateDate),
  };
}

/** A series recording in platform vocabulary (`SeriesRecording`). */
export function toSeriesRecordingView(index: CatalogIndex, s: BookSeriesRecording): Record<string, unknown> {
  const season = s.seasonNumber === undefined ? {} : { seasonNumber: s.seasonNumber };
  return {
    number: s.id,
    itemId: index.assetByVendorId.get(s.programId)?.platformId ?? '',
    seriesId: s.seriesId,
    epgChannelId: s.epgChannelId,
    scope: s.type.toLowerCase(),
    ...season,
    createdAt: toIso(s.createDate),
    updatedAt: toIso(s.updateDate),
  };
}
