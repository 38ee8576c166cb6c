/** recording.* and householdQuota.get → platform cdvr (docs/vendor-decisions.md "Cloud DVR"). */
import type { components } from '../../../contracts/generated/platform';
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readInt } from '../../phoenix/param-readers';
import { answerRecordingList, readRecordingAssetId, toKalturaHouseholdQuota, toKalturaRecording, type RecordingFields, type VendorRecordingStatus } from '../../phoenix/recording-objects';
import { vendorFailure, type VendorErrorName } from '../../phoenix/vendor-error-builder';
import { epochOf, expectOk, problemCode, unexpectedReply } from '../platform-reply';
import type { TranslateContext, TranslatorTable } from '../translator';

type PlatformRecording = components['schemas']['Recording'];
type PlatformQuota = components['schemas']['RecordingQuota'];

/** The vendor view of a platform recording; ids are the platform's numbers (like reminders). */
export function toRecordingFields(ctx: TranslateContext, r: PlatformRecording): RecordingFields {
  return {
    id: r.number,
    status: r.status.toUpperCase() as VendorRecordingStatus,
    assetId: Number(ctx.ids.toVendor('asset', r.itemId) ?? 0),
    type: r.origin.toUpperCase() as RecordingFields['type'],
    viewableUntilDate: epochOf(r.viewableUntil),
    isProtected: r.protected,
    createDate: epochOf(r.createdAt),
    updateDate: epochOf(r.updatedAt),
    programName: r.title,
    epgChannelId: r.epgChannelId,
    startDate: epochOf(r.startsAt),
    endDate: epochOf(r.endsAt),
  };
}

const addErrors: Readonly<Record<string, VendorErrorName>> = {
  not_found: 'InvalidAssetId',
  invalid_recording_target: 'InvalidAssetId',
  not_recordable: 'ProgramCdvrNotEnabled',
  catch_up_not_enabled: 'ProgramCatchUpNotEnabled',
  catch_up_window_passed: 'CatchUpBufferLimitation',
  quota_exceeded: 'ExceededQuota',
  recorded_by_series: 'AlreadyRecordedAsSeriesOrSeason',
};

async function addOne(ctx: TranslateContext): Promise<VendorOutcome> {
  const assetId = readRecordingAssetId(ctx.params);
  if (!assetId.ok) return assetId;
  const itemId = ctx.ids.toPlatform('asset', assetId.value);
  if (itemId === undefined) return vendorFailure('InvalidAssetId');
  const reply = await ctx.platform.call({ method: 'POST', path: '/cdvr/v1/recordings', body: { itemId } });
  if (reply.status === 200 || reply.status === 201) return ok(toKalturaRecording(toRecordingFields(ctx, reply.body as PlatformRecording)));
  const error = addErrors[problemCode(reply) ?? ''];
  if (error !== undefined) return vendorFailure(error);
  throw unexpectedReply('cdvr.createRecording', reply);
}

async function getOne(ctx: TranslateContext): Promise<VendorOutcome> {
  const id = readInt(ctx.params, 'id', { required: true });
  if (!id.ok) return id;
  if (id.value < 0) return vendorFailure('RecordingNotFound');
  const reply = await ctx.platform.call({ method: 'GET', path: `/cdvr/v1/recordings/${id.value}` });
  if (reply.status === 404) return vendorFailure('RecordingNotFound');
  return ok(toKalturaRecording(toRecordingFields(ctx, expectOk<PlatformRecording>('cdvr.getRecording', reply))));
}

const changeErrors: Readonly<Record<string, VendorErrorName>> = {
  not_found: 'RecordingNotFound',
  invalid_recording_status: 'RecordingStatusNotValid',
  protection_quota_exceeded: 'ExceededProtectionQuota',
};

/** cancel / delete / protect: one platform call on the recording's number. */
function changeOne(operationId: string, method: 'POST' | 'DELETE', suffix: string): (ctx: TranslateContext) => Promise<VendorOutcome> {
  return async (ctx) => {
    const id = readInt(ctx.params, 'id', { required: true });
    if (!id.ok) return id;
    if (id.value < 0) return vendorFailure('RecordingNotFound');
    const reply = await ctx.platform.call({ method, path: `/cdvr/v1/recordings/${id.value}${suffix}` });
    if (reply.status === 200) return ok(toKalturaRecording(toRecordingFields(ctx, reply.body as PlatformRecording)));
    const error = changeErrors[problemCode(reply) ?? ''];
    if (error !== undefined) return vendorFailure(error);
    throw unexpectedReply(operationId, reply);
  };
}

/** The household holds at most 200 recordings (lab-rules "Cloud DVR"): one platform page, filtered and paged here. */
async function listAll(ctx: TranslateContext): Promise<VendorOutcome> {
  const reply = await ctx.platform.call({ method: 'GET', path: '/cdvr/v1/recordings', query: { limit: 500 } });
  const page = expectOk<{ items: PlatformRecording[] }>('cdvr.listRecordings', reply);
  return answerRecordingList(page.items.map((r) => toRecordingFields(ctx, r)), ctx.params);
}

async function getQuota(ctx: TranslateContext): Promise<VendorOutcome> {
  const quota = expectOk<PlatformQuota>('cdvr.getQuota', await ctx.platform.call({ method: 'GET', path: '/cdvr/v1/quota' }));
  return ok(toKalturaHouseholdQuota(ctx.session?.householdId ?? 0, quota.totalSeconds, quota.usedSeconds));
}

export const recordingTranslators: TranslatorTable = {
  'recording.add': { access: 'user', run: addOne },
  'recording.get': { access: 'user', run: getOne },
  'recording.list': { access: 'user', run: listAll },
  'recording.cancel': { access: 'user', run: changeOne('cdvr.cancelRecording', 'POST', '/cancel') },
  'recording.delete': { access: 'user', run: changeOne('cdvr.deleteRecording', 'DELETE', '') },
  'recording.protect': { access: 'user', run: changeOne('cdvr.protectRecording', 'POST', '/protect') },
  'householdquota.get': { access: 'user', run: getQuota },
};
