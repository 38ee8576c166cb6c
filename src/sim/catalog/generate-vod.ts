import type { CatalogMetaValue, CatalogVodAsset } from '../../core/catalog';
import { platformIdFor } from './platform-ids';
import type { SeedProducts } from './generate-products';
import { buildMediaFiles, chooseVodFileTypes, createFileIdCounter } from './media-files';
import { buildImages, describe, imageShapes, type SeedContext } from './seed-context';
import { day, foreverDate, mediaTypeIds, vendorIdBase } from './seed-layout';
import * as words from './word-tables';

const movieCount = 160;
const episodesPerSeries = [8, 12] as const;

/** What distinguishes one VOD asset before it is built. */
interface VodPlan {
  readonly mediaTypeId: number;
  readonly name: string;
  readonly externalId: string;
  readonly runtimeMinutes: number;
  readonly year: number;
  readonly genres: readonly string[];
  readonly extraMetas: Readonly<Record<string, CatalogMetaValue>>;
}

interface Commerce {
  readonly ppvProductIds: readonly string[];
  readonly subscriptionProductIds: readonly string[];
}

const text = (value: string): CatalogMetaValue => ({ kind: 'string', value });
const num = (value: number): CatalogMetaValue => ({ kind: 'number', value });
const flag = (value: boolean): CatalogMetaValue => ({ kind: 'boolean', value });

/** Distinct person names (an actor is listed once per asset). */
function pickPeople(context: SeedContext, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) names.add(`${context.rng.pick(words.firstNames)} ${context.rng.pick(words.lastNames)}`);
  return [...names];
}

function planMovies(context: SeedContext): VodPlan[] {
  const { rng } = context;
  const used = new Set<string>();
  const plans: VodPlan[] = [];
  while (plans.length < movieCount) {
    const name = rng.chance(0.3) ? `The ${rng.pick(words.titleAdjectives)} ${rng.pick(words.titleNouns)}` : `${rng.pick(words.titleAdjectives)} ${rng.pick(words.titleNouns)}`;
    if (used.has(name)) continue;
    used.add(name);
    plans.push({
      mediaTypeId: mediaTypeIds.movie,
      name,
      externalId: `mov-${String(plans.length + 1).padStart(4, '0')}`,
      runtimeMinutes: rng.int(80, 150),
      year: rng.int(1962, 2026),
      genres: rng.sample(words.genres, rng.int(1, 3)),
      extraMetas: {},
    });
  }
  return plans;
}

function planEpisodes(context: SeedContext): VodPlan[] {
  const { rng } = context;
  const plans: VodPlan[] = [];
  for (const series of words.seriesNames) {
    const genres = rng.sample(words.genres, rng.int(1, 2));
    const year = rng.int(2008, 2026);
    const runtime = rng.pick([24, 30, 45, 52, 58]);
    const episodes = rng.int(episodesPerSeries[0], episodesPerSeries[1]);
    for (let e = 1; e <= episodes; e++) {
      const season = e <= 6 ? 1 : 2;
      const number = season === 1 ? e : e - 6;
      plans.push({
        mediaTypeId: mediaTypeIds.episode,
        name: `${series} S${season}E${number}`,
        externalId: `epi-${String(plans.length + 1).padStart(4, '0')}`,
        runtimeMinutes: runtime + rng.int(-3, 3),
        year: Math.min(2026, year + season - 1),
        genres,
        extraMetas: { SeriesName: text(series), SeasonNumber: num(season), EpisodeNumber: num(number) },
      });
    }
  }
  return plans;
}

/** PPV module for a movie: new releases, classics and kids titles have their own price points. */
function choosePpv(context: SeedContext, products: SeedProducts, plan: VodPlan): string[] {
  const key = products.ppvByKey;
  if (plan.mediaTypeId === mediaTypeIds.episode) return [key.weekend ?? ''];
  const primary =
    plan.year >= 2024 ? key.newRelease
    : plan.year < 1990 ? key.classic
    : plan.genres.some((g) => g === 'Family' || g === 'Animation') ? key.kids
    : plan.genres.includes('Music') ? key.event
    : context.rng.pick([key.rentSd, key.rentHd]);
  return context.rng.chance(0.3) ? [primary ?? '', key.buy ?? ''] : [primary ?? ''];
}

function chooseSubscriptions(products: SeedProducts, plan: VodPlan): string[] {
  const key = products.subscriptionByKey;
  const family = plan.genres.some((g) => g === 'Family' || g === 'Animation');
  const own = family ? key.kids : plan.mediaTypeId === mediaTypeIds.episode ? key.series : key.premium;
  // The annual package unlocks everything any other package does.
  return [own ?? '', key.annual ?? ''];
}

/** Over half the VOD is free; about a quarter each is behind PPV or a subscription, a few behind both (§5.5). */
function chooseCommerce(context: SeedContext, products: SeedProducts, plan: VodPlan): Commerce {
  const roll = context.rng.next();
  const ppv = roll < 0.24;
  const subscription = roll >= 0.21 && roll < 0.45;
  return {
    ppvProductIds: ppv ? choosePpv(context, products, plan) : [],
    subscriptionProductIds: subscription ? chooseSubscriptions(products, plan) : [],
  };
}

function buildVodAsset(context: SeedContext, products: SeedProducts, files: ReturnType<typeof createFileIdCounter>, plan: VodPlan, vendorId: number): CatalogVodAsset {
  const { rng, baseTime } = context;
  const commerce = chooseCommerce(context, products, plan);
  const paid = commerce.ppvProductIds.length > 0 || commerce.subscriptionProductIds.length > 0;
  const durationSeconds = plan.runtimeMinutes * 60 + rng.int(0, 59);
  const createDate = baseTime - rng.int(30, 1500) * day - rng.int(0, day - 1);
  const isEpisode = plan.mediaTypeId === mediaTypeIds.episode;
  const shapes = rng.chance(0.5) ? [imageShapes.landscape, imageShapes.poster, imageShapes.thumbnail] : [imageShapes.landscape, imageShapes.poster];
  return {
    kind: 'vod',
    vendorId,
    platformId: platformIdFor('asset', vendorId),
    mediaTypeId: plan.mediaTypeId,
    name: plan.name,
    description: describe(context, words.synopsisOpenings, words.synopsisEndings),
    images: buildImages(context, vendorId, shapes),
    metas: {
      Year: num(plan.year),
      Rating: text(rng.pick(isEpisode ? words.tvRatings : words.movieRatings)),
      Runtime: num(plan.runtimeMinutes),
      IsHD: flag(rng.chance(0.75)),
      Country: text(rng.pick(words.countries)),
      ...plan.extraMetas,
    },
    tags: {
      Genre: [...plan.genres],
      Actors: pickPeople(context, rng.int(2, 4)),
      Director: pickPeople(context, 1),
    },
    createDate,
    updateDate: createDate + rng.int(0, 20) * day,
    startDate: createDate,
    endDate: foreverDate,
    externalId: plan.externalId,
    files: buildMediaFiles(context, files, {
      area: 'vod',
      assetId: vendorId,
      assetExternalId: plan.externalId,
      fileTypeIds: chooseVodFileTypes(context, rng.chance(paid ? 0.7 : 0.1)),
      durationSeconds,
      ppvProductIds: commerce.ppvProductIds,
    }),
    subscriptionProductIds: commerce.subscriptionProductIds,
    views: rng.int(0, 250_000),
  };
}

/** Movies and series episodes with images, metas, tags, files and their commerce (§5.2, §5.5). */
export function generateVodAssets(context: SeedContext, products: SeedProducts): CatalogVodAsset[] {
  const plans = [...planMovies(context), ...planEpisodes(context)];
  const files = createFileIdCounter(vendorIdBase.vodFile);
  return plans.map((plan, i) => buildVodAsset(context, products, files, plan, vendorIdBase.vod + i));
}
