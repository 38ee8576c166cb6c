/**
 * Watch-progress rules (lab-rules "Bookmarks", "Concurrency activity"), pure: the stored position
 * is whole seconds; ≥ 95% of the duration finishes; FINISH finishes at position 0; STOP at 0 clears.
 */
export const progressActions = [
  'hit', 'play', 'stop', 'pause', 'first_play', 'swoosh', 'full_screen', 'send_to_friend', 'load', 'full_screen_exit', 'finish', 'error', 'bitrate_change', 'none',
] as const;
export type ProgressAction = (typeof progressActions)[number];

/** Actions that mark the caller's device as playing. */
export const activatingActions: ReadonlySet<ProgressAction> = new Set(['play', 'first_play', 'hit', 'load', 'bitrate_change']);
/** Actions that free the caller's device. */
export const releasingActions: ReadonlySet<ProgressAction> = new Set(['stop', 'finish']);

export interface ProgressOutcome {
  readonly positionSeconds: number;
  readonly finished: boolean;
}

/** The stored position and finished flag after one write (each write recomputes the flag). */
export function applyProgressWrite(positionSeconds: number, action: ProgressAction, durationSeconds: number): ProgressOutcome {
  if (action === 'finish') return { positionSeconds: 0, finished: true };
  const position = Math.floor(positionSeconds);
  if (action === 'stop' && position === 0) return { positionSeconds: 0, finished: false };
  return { positionSeconds: position, finished: durationSeconds > 0 && position >= 0.95 * durationSeconds };
}
