import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { readInt } from '../../../phoenix/param-readers';
import { answerSeriesRecordingList, readSeriesRecordingInput, toKalturaSeriesRecording, type SeriesRecordingFields } from '../../../phoenix/series-recording-objects';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import type { BookSeriesRecording } from '../../cdvr/cdvr-book';
import { addSeriesRecording, deleteSeriesRecording, listSeriesRecordings, type SeriesRefusal } from '../../cdvr/series-book';
import type { SimCallContext, SimOperationTable } from '../sim-operation';

function toSeriesFields(s: BookSeriesRecording): SeriesRecordingFields {
  const season = s.seasonNumber === undefined ? {} : { seasonNumber: s.seasonNumber };
  return { id: s.id, epgId: s.programId, channelId: s.epgChannelId, seriesId: s.seriesId, ...season, type: s.type, createDate: s.createDate, updateDate: s.updateDate };
}

const addErrors = {
  not_a_programme: 'InvalidAssetId',
  not_recordable: 'ProgramCdvrNotEnabled',
  already_recorded: 'AlreadyRecordedAsSeriesOrSeason',
  limit_reached: 'ExceededLimit',
} as const satisfies Record<SeriesRefusal, string>;

function householdOf(ctx: SimCallContext): string {
  return String(ctx.session?.householdId ?? 0);
}

function addSeries(ctx: SimCallContext): VendorOutcome {
  const input = readSeriesRecordingInput(ctx.params);
  if (!input.ok) return input;
  const { epgId, type, seasonNumber } = input.value;
  const request = { programId: epgId, type, ...(seasonNumber === undefined ? {} : { seasonNumber }) };
  const added = addSeriesRecording(ctx.state.index, ctx.state.cdvr, householdOf(ctx), request, ctx.nowSec);
  return added.ok ? ok(toKalturaSeriesRecording(toSeriesFields(added.value))) : vendorFailure(addErrors[added.error]);
}

function deleteSeries(ctx: SimCallContext): VendorOutcome {
  const id = readInt(ctx.params, 'id', { required: true });
  if (!id.ok) return id;
  const removed = deleteSeriesRecording(ctx.state.cdvr, householdOf(ctx), id.value);
  return removed === undefined ? vendorFailure('SeriesRecordingNotFound') : ok(toKalturaSeriesRecording(toSeriesFields(removed)));
}

function listSeries(ctx: SimCallContext): VendorOutcome {
  return answerSeriesRecordingList(listSeriesRecordings(ctx.state.cdvr, householdOf(ctx)).map(toSeriesFields), ctx.params);
}

/** Series and season recordings of vendor-sim (docs/lab-rules.md "Cloud DVR"). */
export const seriesRecordingOperations: SimOperationTable = {
  'seriesrecording.add': { access: 'user', run: addSeries },
  'seriesrecording.list': { access: 'user', run: listSeries },
  'seriesrecording.delete': { access: 'user', run: deleteSeries },
};
