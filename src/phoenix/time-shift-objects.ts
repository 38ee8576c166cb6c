/**
 * KalturaTimeShiftedTvPartnerSettings (generated TypeScript client, every field of the class;
 * enums KalturaQuotaOveragePolicy `FIFOAutoDelete` | `StopAtQuota`, KalturaProtectionPolicy
 * `ExtendingRecordingLifetime` | `LimitedByRecordingLifetime`) from settings in platform
 * vocabulary. docs/vendor-decisions.md "Time-shifted TV settings".
 */

/** The platform's time-shift settings (`playback.getTimeShiftSettings`). */
export interface PlatformTimeShiftSettings {
  readonly catchUpEnabled: boolean;
  readonly cdvrEnabled: boolean;
  readonly startOverEnabled: boolean;
  readonly trickPlayEnabled: boolean;
  readonly recordingScheduleWindowEnabled: boolean;
  readonly protectionEnabled: boolean;
  readonly catchUpBufferMinutes: number;
  readonly trickPlayBufferMinutes: number;
  readonly recordingScheduleWindowMinutes: number;
  readonly paddingBeforeSeconds: number;
  readonly paddingAfterSeconds: number;
  readonly protectionPeriodDays: number;
  readonly protectionQuotaPercent: number;
  readonly recordingLifetimeDays: number;
  readonly cleanupNoticeDays: number;
  readonly seriesRecordingEnabled: boolean;
  readonly nonEntitledChannelPlaybackEnabled: boolean;
  readonly nonExistingChannelPlaybackEnabled: boolean;
  readonly quotaOveragePolicy: string;
  readonly protectionPolicy: string;
  readonly recoveryGraceDays: number;
  readonly privateCopyEnabled: boolean;
  readonly defaultQuotaMinutes: number;
  readonly personalizedRecording: boolean;
  readonly maxRecordingConcurrency: number;
  readonly maxConcurrencyMargin: number;
}

/** The vendor object. */
export function toTimeShiftedTvPartnerSettings(s: PlatformTimeShiftSettings): Record<string, unknown> {
  return {
    objectType: 'KalturaTimeShiftedTvPartnerSettings',
    catchUpEnabled: s.catchUpEnabled,
    cdvrEnabled: s.cdvrEnabled,
    startOverEnabled: s.startOverEnabled,
    trickPlayEnabled: s.trickPlayEnabled,
    recordingScheduleWindowEnabled: s.recordingScheduleWindowEnabled,
    protectionEnabled: s.protectionEnabled,
    catchUpBufferLength: s.catchUpBufferMinutes,
    trickPlayBufferLength: s.trickPlayBufferMinutes,
    recordingScheduleWindow: s.recordingScheduleWindowMinutes,
    paddingBeforeProgramStarts: s.paddingBeforeSeconds,
    paddingAfterProgramEnds: s.paddingAfterSeconds,
    protectionPeriod: s.protectionPeriodDays,
    protectionQuotaPercentage: s.protectionQuotaPercent,
    recordingLifetimePeriod: s.recordingLifetimeDays,
    cleanupNoticePeriod: s.cleanupNoticeDays,
    seriesRecordingEnabled: s.seriesRecordingEnabled,
    nonEntitledChannelPlaybackEnabled: s.nonEntitledChannelPlaybackEnabled,
    nonExistingChannelPlaybackEnabled: s.nonExistingChannelPlaybackEnabled,
    quotaOveragePolicy: s.quotaOveragePolicy === 'stop_at_quota' ? 'StopAtQuota' : 'FIFOAutoDelete',
    protectionPolicy: s.protectionPolicy === 'limited_by_lifetime' ? 'LimitedByRecordingLifetime' : 'ExtendingRecordingLifetime',
    recoveryGracePeriod: s.recoveryGraceDays,
    privateCopyEnabled: s.privateCopyEnabled,
    defaultQuota: s.defaultQuotaMinutes,
    personalizedRecording: s.personalizedRecording,
    maxRecordingConcurrency: s.maxRecordingConcurrency,
    maxConcurrencyMargin: s.maxConcurrencyMargin,
  };
}
