/** reminder.add / list / delete (docs/lab-rules.md "Reminders"). */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { listResponse, readPager } from '../../../phoenix/pager';
import { maxRemindersPerUser, readReminderInput, readReminderQuery, readReminderTarget, toKalturaReminder, type ReminderInput } from '../../../phoenix/reminder-objects';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import type { SimCallContext, SimOperationTable } from '../sim-operation';
import { entriesOf, type StoredReminder } from './list-state';

function isSame(r: StoredReminder, input: ReminderInput): boolean {
  if (r.type === 'ASSET' || input.type === 'ASSET') return r.type === 'ASSET' && input.type === 'ASSET' && r.assetId === input.assetId;
  return r.seriesId === input.seriesId && r.seasonNumber === input.seasonNumber && r.epgChannelId === input.epgChannelId;
}

/** The reminder to store, or 4024 when its programme (or EPG channel) is unknown. */
function describe(ctx: SimCallContext, id: number, input: ReminderInput): VendorOutcome<StoredReminder> {
  if (input.type === 'ASSET') {
    const asset = ctx.state.index.assetByVendorId.get(input.assetId);
    if (asset?.kind !== 'program') return vendorFailure('InvalidAssetId');
    return ok({ id, name: asset.name, type: 'ASSET', assetId: input.assetId, startDate: asset.startDate });
  }
  if (!ctx.state.index.channelByEpgChannelId.has(input.epgChannelId)) return vendorFailure('InvalidAssetId');
  const season = input.seasonNumber === undefined ? {} : { seasonNumber: input.seasonNumber };
  return ok({ id, name: input.seriesId, type: 'SERIES', seriesId: input.seriesId, ...season, epgChannelId: input.epgChannelId, startDate: 0 });
}

/** Adding the same reminder again answers the stored one. */
function addReminder(ctx: SimCallContext): VendorOutcome {
  const input = readReminderInput(ctx.params);
  if (!input.ok) return input;
  const own = entriesOf(ctx.state.lists.reminders, ctx.session?.userId ?? '');
  const existing = own.find((r) => isSame(r, input.value));
  if (existing !== undefined) return ok(toKalturaReminder(existing));
  const described = describe(ctx, ctx.state.lists.nextReminderId, input.value);
  if (!described.ok) return described;
  if (own.length >= maxRemindersPerUser) return vendorFailure('ExceededLimit');
  ctx.state.lists.nextReminderId++;
  own.push(described.value);
  return ok(toKalturaReminder(described.value));
}

function listReminders(ctx: SimCallContext): VendorOutcome {
  const query = readReminderQuery(ctx.params);
  if (!query.ok) return query;
  const pager = readPager(ctx.params);
  if (!pager.ok) return pager;
  const q = query.value;
  const found = (ctx.state.lists.reminders.get(ctx.session?.userId ?? '') ?? [])
    .filter((r) => r.type === q.type)
    .filter((r) => q.type !== 'SERIES' || r.type !== 'SERIES' || ((q.seriesIds.length === 0 || q.seriesIds.includes(r.seriesId)) && (q.epgChannelId === undefined || q.epgChannelId === r.epgChannelId)))
    .sort((a, b) => a.startDate - b.startDate || a.id - b.id);
  return ok(listResponse('KalturaReminderListResponse', found.map(toKalturaReminder), pager.value));
}

function deleteReminder(ctx: SimCallContext): VendorOutcome {
  const target = readReminderTarget(ctx.params);
  if (!target.ok) return target;
  const own = ctx.state.lists.reminders.get(ctx.session?.userId ?? '') ?? [];
  const at = own.findIndex((r) => r.id === target.value.id && r.type === target.value.type);
  if (at < 0) return vendorFailure('ItemNotFound');
  own.splice(at, 1);
  return ok(true);
}

export const reminderOperations: SimOperationTable = {
  'reminder.add': { access: 'user', run: addReminder },
  'reminder.list': { access: 'user', run: listReminders },
  'reminder.delete': { access: 'user', run: deleteReminder },
};
