import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { readInt } from '../../../phoenix/param-readers';
import { answerRecordingList, readRecordingAssetId, toKalturaHouseholdQuota, toKalturaRecording, type RecordingFields } from '../../../phoenix/recording-objects';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import { addRecording, cancelRecording, deleteRecording, getRecording, householdBook, listRecordings, protectRecording, usedSeconds, type AddRefusal, type ChangeRefusal, type RecordingView } from '../../cdvr/cdvr-book';
import { cdvrSettings } from '../../cdvr/cdvr-lab-rules';
import type { SimCallContext, SimOperationTable } from '../sim-operation';

/** The vendor view of a book entry. */
export function toRecordingFields(view: RecordingView): RecordingFields {
  const { recording, program } = view;
  return {
    id: recording.id,
    status: view.status,
    assetId: recording.programId,
    type: recording.origin,
    viewableUntilDate: view.viewableUntilDate,
    isProtected: view.isProtected,
    createDate: recording.createDate,
    updateDate: recording.updateDate,
    programName: program.name,
    epgChannelId: program.epgChannelId,
    startDate: program.startDate,
    endDate: program.endDate,
  };
}

const addErrors = {
  not_a_programme: 'InvalidAssetId',
  not_recordable: 'ProgramCdvrNotEnabled',
  catch_up_not_enabled: 'ProgramCatchUpNotEnabled',
  catch_up_window_passed: 'CatchUpBufferLimitation',
  quota_exceeded: 'ExceededQuota',
  part_of_series: 'AlreadyRecordedAsSeriesOrSeason',
} as const satisfies Record<AddRefusal, string>;

const changeErrors = {
  not_found: 'RecordingNotFound',
  invalid_status: 'RecordingStatusNotValid',
  protection_quota_exceeded: 'ExceededProtectionQuota',
} as const satisfies Record<ChangeRefusal, string>;

function householdOf(ctx: SimCallContext): string {
  return String(ctx.session?.householdId ?? 0);
}

function addOne(ctx: SimCallContext): VendorOutcome {
  const assetId = readRecordingAssetId(ctx.params);
  if (!assetId.ok) return assetId;
  const added = addRecording(ctx.state.index, ctx.state.cdvr, householdOf(ctx), assetId.value, ctx.nowSec);
  return added.ok ? ok(toKalturaRecording(toRecordingFields(added.value.view))) : vendorFailure(addErrors[added.error]);
}

function getOne(ctx: SimCallContext): VendorOutcome {
  const id = readInt(ctx.params, 'id', { required: true });
  if (!id.ok) return id;
  const view = getRecording(ctx.state.index, ctx.state.cdvr, householdOf(ctx), id.value, ctx.nowSec);
  return view === undefined ? vendorFailure('RecordingNotFound') : ok(toKalturaRecording(toRecordingFields(view)));
}

type Change = typeof cancelRecording;

/** cancel / delete / protect: one recording by id, answered as it is afterwards. */
function changeOne(change: Change): (ctx: SimCallContext) => VendorOutcome {
  return (ctx) => {
    const id = readInt(ctx.params, 'id', { required: true });
    if (!id.ok) return id;
    const changed = change(ctx.state.index, ctx.state.cdvr, householdOf(ctx), id.value, ctx.nowSec);
    return changed.ok ? ok(toKalturaRecording(toRecordingFields(changed.value))) : vendorFailure(changeErrors[changed.error]);
  };
}

function listAll(ctx: SimCallContext): VendorOutcome {
  const views = listRecordings(ctx.state.index, ctx.state.cdvr, householdOf(ctx), ctx.nowSec);
  return answerRecordingList(views.map(toRecordingFields), ctx.params);
}

function getQuota(ctx: SimCallContext): VendorOutcome {
  const used = usedSeconds(ctx.state.index, householdBook(ctx.state.cdvr, householdOf(ctx)));
  return ok(toKalturaHouseholdQuota(ctx.session?.householdId ?? 0, cdvrSettings.quotaSeconds, used));
}

/** Cloud-DVR recordings of vendor-sim (docs/lab-rules.md "Cloud DVR"). */
export const recordingOperations: SimOperationTable = {
  'recording.add': { access: 'user', run: addOne },
  'recording.get': { access: 'user', run: getOne },
  'recording.list': { access: 'user', run: listAll },
  'recording.cancel': { access: 'user', run: changeOne(cancelRecording) },
  'recording.delete': { access: 'user', run: changeOne(deleteRecording) },
  'recording.protect': { access: 'user', run: changeOne(protectRecording) },
  'householdquota.get': { access: 'user', run: getQuota },
};
