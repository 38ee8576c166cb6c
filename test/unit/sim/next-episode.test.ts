import type { CatalogVodAsset } from '../../../src/core/catalog';
import { pickNextEpisode, type EpisodeProgress, type NotWatchedStrategy, type WatchedAllStrategy } from '../../../src/sim/catalog/next-episode';

const episodes = [1, 2, 3].map((vendorId) => ({ vendorId }) as CatalogVodAsset);
const defaults: { notWatched: NotWatchedStrategy; watchedAll: WatchedAllStrategy } = { notWatched: 'RETURN_FIRST_EPISODE', watchedAll: 'RETURN_NO_NEXT_EPISODE' };
const pick = (progress: Record<number, EpisodeProgress>, strategies = defaults) => pickNextEpisode(episodes, (e) => progress[e.vendorId], strategies)?.vendorId;

describe('pickNextEpisode (docs/lab-rules.md "Next episode")', () => {
  it('starts at the first episode, or nowhere, when nothing was watched', () => {
    expect(pick({})).toBe(1);
    expect(pick({}, { ...defaults, notWatched: 'RETURN_NO_NEXT_EPISODE' })).toBeUndefined();
  });
  it('resumes the last watched episode when it is not finished', () => {
    expect(pick({ 1: { positionSeconds: 10, finished: true, updatedAt: 100 }, 2: { positionSeconds: 5, finished: false, updatedAt: 200 } })).toBe(2);
  });
  it('goes to the episode after the last watched one when that one is finished, whatever came before', () => {
    expect(pick({ 3: { positionSeconds: 0, finished: false, updatedAt: 100 }, 1: { positionSeconds: 0, finished: true, updatedAt: 300 } })).toBe(2);
  });
  it('applies the watched-all strategy after the last episode', () => {
    const done = { 3: { positionSeconds: 0, finished: true, updatedAt: 1 } };
    expect(pick(done)).toBeUndefined();
    expect(pick(done, { ...defaults, watchedAll: 'RETURN_FIRST_EPISODE' })).toBe(1);
    expect(pick(done, { ...defaults, watchedAll: 'RETURN_LAST_EPISODE' })).toBe(3);
  });
});
