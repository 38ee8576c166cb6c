import type { CatalogLiveChannel, CatalogProgram } from '../../core/catalog';

/**
 * The lab's cloud-DVR account settings (docs/lab-rules.md "Cloud DVR"). Every household has cDVR;
 * quota and protection are counted in seconds of programme time.
 */
export const cdvrSettings = {
  /** Each household's recording quota: 4 hours. */
  quotaSeconds: 4 * 3600,
  /** Protected recordings may use at most this share of the quota. */
  protectionShare: 0.5,
  /** An unprotected recording stays viewable this long after its programme ends. */
  lifetimeSeconds: 90 * 86400,
  /** A protected recording stays viewable this long after it was protected. */
  protectionSeconds: 365 * 86400,
  /** Recordings (any status) kept per household, and series recordings per household. */
  maxRecordings: 200,
  maxSeriesRecordings: 50,
} as const;

/** The vendor's recording statuses (S2 `KalturaRecordingStatus`) the lab produces. */
export type RecordingStatus = 'SCHEDULED' | 'RECORDING' | 'RECORDED' | 'CANCELED' | 'DELETED';

/** A programme's recording phase by the lab clock: before, during or after its air time. */
export function phaseAt(program: CatalogProgram, nowSec: number): 'SCHEDULED' | 'RECORDING' | 'RECORDED' {
  if (nowSec < program.startDate) return 'SCHEDULED';
  return nowSec < program.endDate ? 'RECORDING' : 'RECORDED';
}

/** Seconds of quota one recording of the programme uses. */
export function programSeconds(program: CatalogProgram): number {
  return Math.max(0, program.endDate - program.startDate);
}

/** Why a programme cannot be recorded now. */
export type RecordRefusal = 'not_recordable' | 'catch_up_not_enabled' | 'catch_up_window_passed';

/**
 * A programme is recordable on a channel with cDVR; once it has ended it can still be recorded
 * from the channel's catch-up buffer (minutes), not before (docs/lab-rules.md "Cloud DVR").
 */
export function judgeRecordable(program: CatalogProgram, channel: CatalogLiveChannel | undefined, nowSec: number): RecordRefusal | undefined {
  if (channel?.enableCdvr !== true) return 'not_recordable';
  if (program.endDate > nowSec) return undefined;
  if (!channel.enableCatchUp) return 'catch_up_not_enabled';
  return program.endDate < nowSec - channel.catchUpBuffer * 60 ? 'catch_up_window_passed' : undefined;
}

/** The lab EPG has no series meta: a programme's series is its title on its channel. */
export function seriesIdOf(program: CatalogProgram): string {
  return program.name;
}
