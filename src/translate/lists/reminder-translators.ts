/** reminder.add / list / delete → platform userData reminders (docs/vendor-decisions.md "Personal lists and reminders"). */
import type { components } from '../../../contracts/generated/platform';
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { listResponse, readPager } from '../../phoenix/pager';
import { readReminderInput, readReminderQuery, readReminderTarget, toKalturaReminder, type ReminderInput } from '../../phoenix/reminder-objects';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import { expectOk, problemCode, unexpectedReply } from '../platform-reply';
import type { TranslateContext, TranslatorTable } from '../translator';

type PlatformReminder = components['schemas']['Reminder'];

function toVendorReminder(ctx: TranslateContext, r: PlatformReminder): Record<string, unknown> {
  if (r.kind === 'programme') {
    const assetId = Number(ctx.ids.toVendor('asset', r.itemId ?? '') ?? 0);
    return toKalturaReminder({ id: r.number, name: r.name, type: 'ASSET', assetId });
  }
  const season = r.seasonNumber === undefined ? {} : { seasonNumber: r.seasonNumber };
  return toKalturaReminder({ id: r.number, name: r.name, type: 'SERIES', seriesId: r.seriesId ?? '', ...season, epgChannelId: r.epgChannelId ?? 0 });
}

/** The platform body; undefined when the asset is one the platform cannot know (→ 4024). */
function toPlatformTarget(ctx: TranslateContext, input: ReminderInput): Record<string, unknown> | undefined {
  if (input.type === 'SERIES') return { kind: 'series', seriesId: input.seriesId, epgChannelId: input.epgChannelId, ...(input.seasonNumber === undefined ? {} : { seasonNumber: input.seasonNumber }) };
  const itemId = ctx.ids.toPlatform('asset', input.assetId);
  return itemId === undefined ? undefined : { kind: 'programme', itemId };
}

async function addReminder(ctx: TranslateContext): Promise<VendorOutcome> {
  const input = readReminderInput(ctx.params);
  if (!input.ok) return input;
  const body = toPlatformTarget(ctx, input.value);
  if (body === undefined) return vendorFailure('InvalidAssetId');
  const reply = await ctx.platform.call({ method: 'POST', path: '/user-data/v1/reminders', body });
  if (reply.status === 200 || reply.status === 201) return ok(toVendorReminder(ctx, reply.body as PlatformReminder));
  const code = problemCode(reply);
  if (code === 'invalid_reminder_target') return vendorFailure('InvalidAssetId');
  if (code === 'list_limit_exceeded') return vendorFailure('ExceededLimit');
  throw unexpectedReply('userData.createReminder', reply);
}

async function listReminders(ctx: TranslateContext): Promise<VendorOutcome> {
  const query = readReminderQuery(ctx.params);
  if (!query.ok) return query;
  const pager = readPager(ctx.params);
  if (!pager.ok) return pager;
  const q = query.value;
  const params: Record<string, string | number> = { kind: q.type === 'ASSET' ? 'programme' : 'series', limit: 500 };
  if (q.type === 'SERIES' && q.seriesIds.length > 0) params.seriesIds = q.seriesIds.join(',');
  if (q.type === 'SERIES' && q.epgChannelId !== undefined) params.epgChannelId = q.epgChannelId;
  const page = expectOk<{ items: PlatformReminder[] }>('userData.listReminders', await ctx.platform.call({ method: 'GET', path: '/user-data/v1/reminders', query: params }));
  return ok(listResponse('KalturaReminderListResponse', page.items.map((r) => toVendorReminder(ctx, r)), pager.value));
}

async function deleteReminder(ctx: TranslateContext): Promise<VendorOutcome> {
  const target = readReminderTarget(ctx.params);
  if (!target.ok) return target;
  const kind = target.value.type === 'ASSET' ? 'programme' : 'series';
  const reply = await ctx.platform.call({ method: 'DELETE', path: `/user-data/v1/reminders/${target.value.id}`, query: { kind } });
  if (reply.status === 204) return ok(true);
  if (reply.status === 404) return vendorFailure('ItemNotFound');
  throw unexpectedReply('userData.deleteReminder', reply);
}

export const reminderTranslators: TranslatorTable = {
  'reminder.add': { access: 'user', run: addReminder },
  'reminder.list': { access: 'user', run: listReminders },
  'reminder.delete': { access: 'user', run: deleteReminder },
};
