import type { TranslatorTable } from './translator';
import { identityTranslators } from './identity/identity-translators';
import { catalogTranslators } from './catalog/catalog-translators';
import { playbackTranslators } from './playback/playback-translators';
import { viewingTranslators } from './viewing/viewing-translators';
import { commerceTranslators } from './commerce/commerce-translators';
import { systemTranslators } from './system/system-translators';
import { pinTranslators } from './settings/pin-translators';
import { parentalTranslators } from './settings/parental-translators';
import { channelTranslators } from './rails/channel-translators';
import { historyTranslators } from './viewing/history-translators';
import { personalListTranslators } from './lists/personal-list-translators';
import { reminderTranslators } from './lists/reminder-translators';
import { recordingTranslators } from './cdvr/recording-translators';
import { seriesRecordingTranslators } from './cdvr/series-recording-translators';
import { productTranslators } from './commerce/product-translators';
import { cancelRenewalTranslators } from './commerce/cancel-renewal';
import { passwordResetTranslators } from './identity/password-reset-translators';
import { purchaseSettingsTranslators } from './settings/purchase-settings-translators';
import { transactionHistoryTranslators } from './commerce/transaction-history';
import { householdUserTranslators } from './identity/household-user-translators';
import { userWriteTranslators } from './identity/user-write-translators';
import { timeShiftTranslators } from './system/time-shift-translators';
import { subscriptionSetTranslators } from './commerce/subscription-set-translators';
import { paymentTranslators } from './commerce/payment-translators';

/** Every vendor operation the facade translates to the platform, keyed by lower-cased `service.action`. */
export const vendorTranslators: TranslatorTable = {
  ...identityTranslators,
  ...catalogTranslators,
  ...playbackTranslators,
  ...viewingTranslators,
  ...commerceTranslators,
  ...systemTranslators,
  ...pinTranslators,
  ...parentalTranslators,
  ...channelTranslators,
  ...historyTranslators,
  ...personalListTranslators,
  ...reminderTranslators,
  ...recordingTranslators,
  ...seriesRecordingTranslators,
  ...productTranslators,
  ...cancelRenewalTranslators,
  ...passwordResetTranslators,
  ...purchaseSettingsTranslators,
  ...transactionHistoryTranslators,
  ...householdUserTranslators,
  ...userWriteTranslators,
  ...timeShiftTranslators,
  ...subscriptionSetTranslators,
  ...paymentTranslators,
};
