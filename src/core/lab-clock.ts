import { OffsetClock, systemClock, type Clock } from './clock';

/** A clock whose time starts at `baseTimeSec` now and then runs with the wall clock (the lab's time). */
export function createLabClock(baseTimeSec: number, base: Clock = systemClock): OffsetClock {
  const clock = new OffsetClock(base);
  clock.setOffsetSeconds(baseTimeSec - Math.floor(base.nowMs() / 1000));
  return clock;
}
