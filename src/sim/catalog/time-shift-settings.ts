/**
 * The lab account's time-shifted TV settings (catch-up, start-over, trick-play, cloud recording),
 * fixed like the product definitions: vendor-sim answers `timeShiftedTvPartnerSettings.get` from
 * them and platform-sim serves them as `playback.getTimeShiftSettings` (docs/vendor-decisions.md
 * "Time-shifted TV settings"). Buffers in minutes, paddings in seconds, periods in days, as the
 * vendor documents the KalturaTimeShiftedTvPartnerSettings fields.
 */
export const labTimeShiftSettings = {
  catchUpEnabled: true,
  cdvrEnabled: true,
  startOverEnabled: true,
  trickPlayEnabled: true,
  recordingScheduleWindowEnabled: false,
  protectionEnabled: true,
  catchUpBufferMinutes: 10080,
  trickPlayBufferMinutes: 120,
  recordingScheduleWindowMinutes: 0,
  paddingBeforeSeconds: 120,
  paddingAfterSeconds: 300,
  protectionPeriodDays: 90,
  protectionQuotaPercent: 25,
  recordingLifetimeDays: 182,
  cleanupNoticeDays: 7,
  seriesRecordingEnabled: true,
  nonEntitledChannelPlaybackEnabled: false,
  nonExistingChannelPlaybackEnabled: false,
  quotaOveragePolicy: 'fifo_auto_delete',
  protectionPolicy: 'extend_lifetime',
  recoveryGraceDays: 7,
  privateCopyEnabled: false,
  defaultQuotaMinutes: 6000,
  personalizedRecording: false,
  maxRecordingConcurrency: 0,
  maxConcurrencyMargin: 0,
} as const;

