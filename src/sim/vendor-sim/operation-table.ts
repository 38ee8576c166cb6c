import type { SimOperationTable } from './sim-operation';
import { identityOperations } from './identity/identity-operations';
import { catalogOperations } from './catalog/catalog-operations';
import { playbackOperations } from './playback/playback-operations';
import { viewingOperations } from './viewing/viewing-operations';
import { commerceOperations } from './commerce/commerce-operations';
import { systemOperations } from './system/system-operations';
import { pinOperations } from './settings/pin-operations';
import { devicePinOperations } from './pairing/device-pin-operations';
import { pinLoginOperations } from './pairing/pin-login-operations';
import { parentalOperations } from './parental/parental-operations';
import { channelOperations } from './rails/channel-operations';
import { historyOperations } from './viewing/history-operations';
import { personalListOperations } from './lists/personal-list-operations';
import { reminderOperations } from './lists/reminder-operations';
import { recordingOperations } from './cdvr/recording-operations';
import { seriesRecordingOperations } from './cdvr/series-recording-operations';
import { productOperations } from './commerce/product-operations';
import { cancelRenewalOperations } from './commerce/cancel-renewal';
import { passwordResetOperations } from './identity/password-reset-operations';
import { purchaseSettingsOperations } from './settings/purchase-settings-operations';
import { transactionHistoryOperations } from './commerce/transaction-history';
import { householdUserOperations } from './identity/household-user-operations';
import { userWriteOperations } from './identity/user-write-operations';
import { timeShiftOperations } from './system/time-shift-operations';
import { subscriptionSetOperations } from './commerce/subscription-set-operations';
import { paymentOperations } from './commerce/payment-operations';

/** Every operation vendor-sim serves, keyed by lower-cased `service.action`. */
export const vendorSimOperations: SimOperationTable = {
  ...identityOperations,
  ...catalogOperations,
  ...playbackOperations,
  ...viewingOperations,
  ...commerceOperations,
  ...systemOperations,
  ...pinOperations,
  ...devicePinOperations,
  ...pinLoginOperations,
  ...parentalOperations,
  ...channelOperations,
  ...historyOperations,
  ...personalListOperations,
  ...reminderOperations,
  ...recordingOperations,
  ...seriesRecordingOperations,
  ...productOperations,
  ...cancelRenewalOperations,
  ...passwordResetOperations,
  ...purchaseSettingsOperations,
  ...transactionHistoryOperations,
  ...householdUserOperations,
  ...userWriteOperations,
  ...timeShiftOperations,
  ...subscriptionSetOperations,
  ...paymentOperations,
};
