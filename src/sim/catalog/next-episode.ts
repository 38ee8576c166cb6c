import type { Catalog, CatalogAsset, CatalogVodAsset } from '../../core/catalog';

/** What one user's progress on an episode says (either side's record, in epoch seconds). */
export interface EpisodeProgress {
  readonly positionSeconds: number;
  readonly finished: boolean;
  readonly updatedAt: number;
}

export type NotWatchedStrategy = 'RETURN_FIRST_EPISODE' | 'RETURN_NO_NEXT_EPISODE';
export type WatchedAllStrategy = 'RETURN_FIRST_EPISODE' | 'RETURN_LAST_EPISODE' | 'RETURN_NO_NEXT_EPISODE';

function numberMeta(asset: CatalogAsset, name: string): number {
  const meta = asset.metas[name];
  return meta?.kind === 'number' ? meta.value : meta?.kind === 'string' ? Number(meta.value) || 0 : 0;
}

/** The series an asset is an episode of (its `SeriesName`), or undefined. */
export function seriesOf(asset: CatalogAsset): string | undefined {
  const meta = asset.metas.SeriesName;
  return asset.kind === 'vod' && meta?.kind === 'string' ? meta.value : undefined;
}

/** A series' episodes by season, episode number, then id (docs/lab-rules.md "Next episode"). */
export function seriesEpisodes(catalog: Catalog, series: string): CatalogVodAsset[] {
  const key = (a: CatalogVodAsset): [number, number, number] => [numberMeta(a, 'SeasonNumber'), numberMeta(a, 'EpisodeNumber'), a.vendorId];
  return catalog.vodAssets
    .filter((a) => seriesOf(a) === series)
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
}

/**
 * The episode to play next: the last watched one (newest progress; ties by episode order) if not
 * finished, else the one after it. Nothing watched → the first episode or none; the last one
 * finished → first, last or none, as the strategies say.
 */
export function pickNextEpisode(
  episodes: readonly CatalogVodAsset[],
  progressOf: (episode: CatalogVodAsset) => EpisodeProgress | undefined,
  strategies: { readonly notWatched: NotWatchedStrategy; readonly watchedAll: WatchedAllStrategy },
): CatalogVodAsset | undefined {
  let last = -1;
  let lastAt = -1;
  episodes.forEach((episode, i) => {
    const progress = progressOf(episode);
    if (progress !== undefined && progress.updatedAt > lastAt) [last, lastAt] = [i, progress.updatedAt];
  });
  if (last < 0) return strategies.notWatched === 'RETURN_FIRST_EPISODE' ? episodes[0] : undefined;
  if (progressOf(episodes[last] as CatalogVodAsset)?.finished !== true) return episodes[last];
  if (last + 1 < episodes.length) return episodes[last + 1];
  if (strategies.watchedAll === 'RETURN_FIRST_EPISODE') return episodes[0];
  return strategies.watchedAll === 'RETURN_LAST_EPISODE' ? episodes[last] : undefined;
}
