/** seriesRecording.add / list / delete → platform cdvr series recordings (docs/vendor-decisions.md "Cloud DVR"). */
import type { components } from '../../../contracts/generated/platform';
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readInt } from '../../phoenix/param-readers';
import { answerSeriesRecordingList, readSeriesRecordingInput, toKalturaSeriesRecording, type SeriesRecordingFields } from '../../phoenix/series-recording-objects';
import { vendorFailure, type VendorErrorName } from '../../phoenix/vendor-error-builder';
import { epochOf, expectOk, problemCode, unexpectedReply } from '../platform-reply';
import type { TranslateContext, TranslatorTable } from '../translator';

type PlatformSeriesRecording = components['schemas']['SeriesRecording'];

function toSeriesFields(ctx: TranslateContext, s: PlatformSeriesRecording): SeriesRecordingFields {
  const season = s.seasonNumber === undefined ? {} : { seasonNumber: s.seasonNumber };
  return {
    id: s.number,
    epgId: Number(ctx.ids.toVendor('asset', s.itemId) ?? 0),
    channelId: s.epgChannelId,
    seriesId: s.seriesId,
    ...season,
    type: s.scope === 'season' ? 'SEASON' : 'SERIES',
    createDate: epochOf(s.createdAt),
    updateDate: epochOf(s.updatedAt),
  };
}

const addErrors: Readonly<Record<string, VendorErrorName>> = {
  not_found: 'InvalidAssetId',
  invalid_recording_target: 'InvalidAssetId',
  not_recordable: 'ProgramCdvrNotEnabled',
  series_already_recorded: 'AlreadyRecordedAsSeriesOrSeason',
  recording_limit_exceeded: 'ExceededLimit',
};

async function addSeries(ctx: TranslateContext): Promise<VendorOutcome> {
  const input = readSeriesRecordingInput(ctx.params);
  if (!input.ok) return input;
  const { epgId, type, seasonNumber } = input.value;
  const itemId = ctx.ids.toPlatform('asset', epgId);
  if (itemId === undefined) return vendorFailure('InvalidAssetId');
  const body = { itemId, scope: type === 'SEASON' ? 'season' : 'series', ...(seasonNumber === undefined ? {} : { seasonNumber }) };
  const reply = await ctx.platform.call({ method: 'POST', path: '/cdvr/v1/series-recordings', body });
  if (reply.status === 201) return ok(toKalturaSeriesRecording(toSeriesFields(ctx, reply.body as PlatformSeriesRecording)));
  const error = addErrors[problemCode(reply) ?? ''];
  if (error !== undefined) return vendorFailure(error);
  throw unexpectedReply('cdvr.createSeriesRecording', reply);
}

async function listSeries(ctx: TranslateContext): Promise<VendorOutcome> {
  const page = expectOk<{ items: PlatformSeriesRecording[] }>('cdvr.listSeriesRecordings', await ctx.platform.call({ method: 'GET', path: '/cdvr/v1/series-recordings' }));
  return answerSeriesRecordingList(page.items.map((s) => toSeriesFields(ctx, s)), ctx.params);
}

async function deleteSeries(ctx: TranslateContext): Promise<VendorOutcome> {
  const id = readInt(ctx.params, 'id', { required: true });
  if (!id.ok) return id;
  if (id.value < 0) return vendorFailure('SeriesRecordingNotFound');
  const reply = await ctx.platform.call({ method: 'DELETE', path: `/cdvr/v1/series-recordings/${id.value}` });
  if (reply.status === 404) return vendorFailure('SeriesRecordingNotFound');
  return ok(toKalturaSeriesRecording(toSeriesFields(ctx, expectOk<PlatformSeriesRecording>('cdvr.deleteSeriesRecording', reply))));
}

export const seriesRecordingTranslators: TranslatorTable = {
  'seriesrecording.add': { access: 'user', run: addSeries },
  'seriesrecording.list': { access: 'user', run: listSeries },
  'seriesrecording.delete': { access: 'user', run: deleteSeries },
};
