/** timeShiftedTvPartnerSettings.get: the lab account's settings; docs/vendor-decisions.md "Time-shifted TV settings". */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { toTimeShiftedTvPartnerSettings } from '../../../phoenix/time-shift-objects';
import { labTimeShiftSettings } from '../../catalog/time-shift-settings';
import type { SimOperationTable } from '../sim-operation';

function getSettings(): VendorOutcome {
  return ok(toTimeShiftedTvPartnerSettings(labTimeShiftSettings));
}

export const timeShiftOperations: SimOperationTable = {
  'timeshiftedtvpartnersettings.get': { access: 'session', run: getSettings },
};
