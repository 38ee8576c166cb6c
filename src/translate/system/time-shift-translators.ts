/** timeShiftedTvPartnerSettings.get → platform playback.getTimeShiftSettings; docs/vendor-decisions.md "Time-shifted TV settings". */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { toTimeShiftedTvPartnerSettings, type PlatformTimeShiftSettings } from '../../phoenix/time-shift-objects';
import { expectOk } from '../platform-reply';
import type { TranslateContext, TranslatorTable } from '../translator';

async function getSettings(ctx: TranslateContext): Promise<VendorOutcome> {
  const reply = await ctx.platform.call({ method: 'GET', path: '/playback/v1/time-shift-settings' });
  return ok(toTimeShiftedTvPartnerSettings(expectOk<PlatformTimeShiftSettings>('playback.getTimeShiftSettings', reply)));
}

export const timeShiftTranslators: TranslatorTable = {
  'timeshiftedtvpartnersettings.get': { access: 'session', run: getSettings },
};
