import { catalogRoutes } from './catalog/catalog-routes';
import { changeRoutes } from './changes/change-routes';
import { commerceRoutes } from './commerce/commerce-routes';
import type { RouteSpec } from './http/router';
import { deviceConfigRoutes } from './device-config/device-config-routes';
import { pinRoutes } from './settings/pin-routes';
import { loginCodeRoutes } from './pairing/code-login';
import { pairingRoutes } from './pairing/pairing-routes';
import { parentalRoutes } from './settings/parental-routes';
import { lineupRoutes } from './catalog/lineup-routes';
import { historyRoutes } from './user-data/history-routes';
import { personalListRoutes } from './lists/personal-list-routes';
import { reminderRoutes } from './lists/reminder-routes';
import { recordingRoutes } from './cdvr/recording-routes';
import { seriesRecordingRoutes } from './cdvr/series-recording-routes';
import { productRoutes } from './commerce/product-routes';
import { renewalRoutes } from './commerce/renewal-routes';
import { passwordResetRoutes } from './identity/password-reset-routes';
import { userWriteRoutes } from './identity/user-write-routes';
import { timeShiftRoutes } from './playback/time-shift-routes';
import { productSetRoutes } from './commerce/product-set-routes';
import { paymentRoutes } from './commerce/payment-routes';
import { deviceRoutes } from './identity/device-routes';
import { identityRoutes } from './identity/identity-routes';
import { playbackRoutes } from './playback/playback-routes';
import type { PlatformRequest } from './platform-request';
import { favoriteRoutes } from './user-data/favorite-routes';
import { progressRoutes } from './user-data/progress-routes';

/** Every platform operation platform-sim serves; operationIds match contracts/platform/openapi.yaml. */
export const platformRoutes: readonly RouteSpec<PlatformRequest>[] = [
  ...identityRoutes,
  ...deviceRoutes,
  ...catalogRoutes,
  ...playbackRoutes,
  ...progressRoutes,
  ...favoriteRoutes,
  ...commerceRoutes,
  ...changeRoutes,
  ...deviceConfigRoutes,
  ...pinRoutes,
  ...pairingRoutes,
  ...loginCodeRoutes,
  ...parentalRoutes,
  ...lineupRoutes,
  ...historyRoutes,
  ...personalListRoutes,
  ...reminderRoutes,
  ...recordingRoutes,
  ...seriesRecordingRoutes,
  ...productRoutes,
  ...renewalRoutes,
  ...passwordResetRoutes,
  ...userWriteRoutes,
  ...timeShiftRoutes,
  ...productSetRoutes,
  ...paymentRoutes,
];
