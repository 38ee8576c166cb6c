import { addRecording, cancelRecording, deleteRecording, getRecording, householdBook, listRecordings, protectRecording, usedSeconds, type AddRefusal, type ChangeRefusal } from '../../cdvr/cdvr-book';
import { cdvrSettings } from '../../cdvr/cdvr-lab-rules';
import type { RouteSpec } from '../http/router';
import { ok, problem, type Reply } from '../http/reply';
import { isUuid, readObjectBody, readPaging } from '../http/params';
import { requireMember } from '../identity/caller-household';
import type { PlatformRequest } from '../platform-request';
import type { ProblemCode } from '../http/problems';
import { toRecordingView } from './cdvr-views';

const addProblems = {
  not_a_programme: 'invalid_recording_target',
  not_recordable: 'not_recordable',
  catch_up_not_enabled: 'catch_up_not_enabled',
  catch_up_window_passed: 'catch_up_window_passed',
  quota_exceeded: 'quota_exceeded',
  part_of_series: 'recorded_by_series',
} as const satisfies Record<AddRefusal, ProblemCode>;

const changeProblems = {
  not_found: 'not_found',
  invalid_status: 'invalid_recording_status',
  protection_quota_exceeded: 'protection_quota_exceeded',
} as const satisfies Record<ChangeRefusal, ProblemCode>;

/** `cdvr.createRecording`: the household records a programme; the same programme again answers its recording (200). */
function createRecording(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const body = readObjectBody(req.body);
  if (!body.ok) return body.reply;
  const { itemId } = body.value;
  if (!isUuid(itemId)) return problem('validation_failed', 'itemId must be a UUID');
  const asset = req.state.index.assetByPlatformId.get(itemId.toLowerCase());
  if (asset === undefined) return problem('not_found', `no item ${itemId}`);
  const added = addRecording(req.state.index, req.state.cdvr, member.householdId, asset.vendorId, req.nowSec);
  if (!added.ok) return problem(addProblems[added.error], `cannot record ${itemId}`);
  const view = toRecordingView(added.value.view);
  if (added.value.created) appendRecording(req, member, 'add', view);
  return ok(view, added.value.created ? 201 : 200);
}

/** `cdvr.listRecordings`: every recording of the household by number, paged. */
function listAll(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const paging = readPaging(req.query);
  if (!paging.ok) return paging.reply;
  const all = listRecordings(req.state.index, req.state.cdvr, member.householdId, req.nowSec);
  const { offset, limit } = paging.value;
  return ok({ items: all.slice(offset, offset + limit).map(toRecordingView), total: all.length, offset, limit });
}

function readNumber(req: PlatformRequest): number | undefined {
  const text = req.params.number ?? '';
  return /^\d{1,15}$/.test(text) ? Number(text) : undefined;
}

function getOne(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const number = readNumber(req);
  const view = number === undefined ? undefined : getRecording(req.state.index, req.state.cdvr, member.householdId, number, req.nowSec);
  return view === undefined ? problem('not_found', `no recording ${req.params.number ?? ''}`) : ok(toRecordingView(view));
}

/** cancel / protect / delete: answered with the recording as it is afterwards. */
/** A recording write on the change feed: household and programme, and the action (docs/sync.md "Entities"). */
function appendRecording(req: PlatformRequest, member: { householdId: string; userId: string }, action: 'add' | 'cancel' | 'protect' | 'delete', view: Record<string, unknown>): void {
  const key = `${member.householdId}:${String(view.itemId)}`;
  req.state.changes.append({ entity: 'recording', op: action === 'delete' ? 'delete' : 'upsert', key, householdId: member.householdId, userId: member.userId, data: { ...view, action } }, req.origin, req.nowSec);
}

function changeOne(change: typeof cancelRecording, action: 'cancel' | 'protect' | 'delete'): (req: PlatformRequest) => Reply {
  return (req) => {
    const member = requireMember(req);
    if ('reply' in member) return member.reply;
    const number = readNumber(req);
    if (number === undefined) return problem('not_found', `no recording ${req.params.number ?? ''}`);
    const changed = change(req.state.index, req.state.cdvr, member.householdId, number, req.nowSec);
    if (!changed.ok) return problem(changeProblems[changed.error], `recording ${number}`);
    const view = toRecordingView(changed.value);
    appendRecording(req, member, action, view);
    return ok(view);
  };
}

/** `cdvr.getQuota`: seconds of programme time, total and used. */
function getQuota(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const used = usedSeconds(req.state.index, householdBook(req.state.cdvr, member.householdId));
  return ok({ totalSeconds: cdvrSettings.quotaSeconds, usedSeconds: used, availableSeconds: Math.max(0, cdvrSettings.quotaSeconds - used) });
}

export const recordingRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'GET', path: '/cdvr/v1/quota', operationId: 'cdvr.getQuota', auth: 'bearer', handle: getQuota },
  { method: 'GET', path: '/cdvr/v1/recordings', operationId: 'cdvr.listRecordings', auth: 'bearer', handle: listAll },
  { method: 'POST', path: '/cdvr/v1/recordings', operationId: 'cdvr.createRecording', auth: 'bearer', body: true, handle: createRecording },
  { method: 'GET', path: '/cdvr/v1/recordings/:number', operationId: 'cdvr.getRecording', auth: 'bearer', handle: getOne },
  { method: 'DELETE', path: '/cdvr/v1/recordings/:number', operationId: 'cdvr.deleteRecording', auth: 'bearer', handle: changeOne(deleteRecording, 'delete') },
  { method: 'POST', path: '/cdvr/v1/recordings/:number/cancel', operationId: 'cdvr.cancelRecording', auth: 'bearer', handle: changeOne(cancelRecording, 'cancel') },
  { method: 'POST', path: '/cdvr/v1/recordings/:number/protect', operationId: 'cdvr.protectRecording', auth: 'bearer', handle: changeOne(protectRecording, 'protect') },
];
