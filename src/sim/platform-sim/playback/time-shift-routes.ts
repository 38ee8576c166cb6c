/** `playback.getTimeShiftSettings`: the account's catch-up, start-over, trick-play and recording settings. */
import { labTimeShiftSettings } from '../../catalog/time-shift-settings';
import type { RouteSpec } from '../http/router';
import { ok, type Reply } from '../http/reply';
import type { PlatformRequest } from '../platform-request';

function getTimeShiftSettings(): Reply {
  return ok(labTimeShiftSettings);
}

export const timeShiftRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'GET', path: '/playback/v1/time-shift-settings', operationId: 'playback.getTimeShiftSettings', auth: 'bearer', handle: getTimeShiftSettings },
];
