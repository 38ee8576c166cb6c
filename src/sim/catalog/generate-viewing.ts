import type { CatalogBookmark, CatalogFavorite, CatalogLiveChannel, CatalogProgram, CatalogUser, CatalogVodAsset } from '../../core/catalog';
import type { SeedContext } from './seed-context';
import { day } from './seed-layout';

export interface SeedViewing {
  readonly bookmarks: CatalogBookmark[];
  readonly favorites: CatalogFavorite[];
}

interface ViewingInputs {
  readonly users: readonly CatalogUser[];
  readonly vodAssets: readonly CatalogVodAsset[];
  readonly channels: readonly CatalogLiveChannel[];
  readonly programs: readonly CatalogProgram[];
}

const isDemo = (user: CatalogUser): boolean => /^demo\d+$/.test(user.username);

function longestFile(asset: CatalogVodAsset): number {
  return Math.max(0, ...asset.files.map((f) => f.durationSeconds));
}

/**
 * A position consistent with the lab rule (docs/lab-rules.md "Bookmarks"): finished means at or
 * past 95% of the duration, or reset to 0 by a FINISH.
 */
function choosePosition(context: SeedContext, duration: number): { position: number; finishedWatching: boolean } {
  const { rng } = context;
  if (rng.chance(0.2)) {
    const position = rng.chance(0.5) ? 0 : rng.int(Math.ceil(duration * 0.95), duration);
    return { position, finishedWatching: true };
  }
  return { position: rng.int(Math.min(60, duration), Math.floor(duration * 0.9)), finishedWatching: false };
}

function bookmarkUser(context: SeedContext, user: CatalogUser, inputs: ViewingInputs, pastPrograms: readonly CatalogProgram[]): CatalogBookmark[] {
  const { rng, baseTime } = context;
  const demo = isDemo(user);
  if (!demo && !rng.chance(0.7)) return [];
  const assets = rng.sample(inputs.vodAssets, rng.int(demo ? 2 : 1, 6));
  const bookmarks: CatalogBookmark[] = assets.map((asset) => ({
    userVendorId: user.vendorId,
    assetVendorId: asset.vendorId,
    assetType: 'media',
    ...choosePosition(context, longestFile(asset)),
    updateDate: baseTime - rng.int(3600, 30 * day),
  }));
  if (pastPrograms.length > 0 && rng.chance(0.3)) {
    const program = rng.pick(pastPrograms);
    const duration = program.endDate - program.startDate;
    bookmarks.push({
      userVendorId: user.vendorId,
      assetVendorId: program.vendorId,
      assetType: 'epg',
      position: rng.int(60, Math.floor(duration * 0.9)),
      finishedWatching: false,
      updateDate: rng.int(program.startDate + 60, baseTime - 60),
    });
  }
  return bookmarks;
}

function favoriteUser(context: SeedContext, user: CatalogUser, inputs: ViewingInputs): CatalogFavorite[] {
  const { rng, baseTime } = context;
  const demo = isDemo(user);
  if (!demo && !rng.chance(0.6)) return [];
  const pool = [...inputs.vodAssets, ...inputs.channels];
  return rng.sample(pool, rng.int(demo ? 2 : 1, 5)).map((asset) => ({
    userVendorId: user.vendorId,
    assetVendorId: asset.vendorId,
    extraData: rng.chance(0.25) ? 'row=home' : '',
    createDate: baseTime - rng.int(3600, 200 * day),
  }));
}

/** Watch positions and favorites of the seed users (brief §5.4). */
export function generateViewing(context: SeedContext, inputs: ViewingInputs): SeedViewing {
  // EPG bookmarks only on programmes that finished before baseTime (catch-up viewing).
  const pastPrograms = inputs.programs.filter((p) => p.endDate <= context.baseTime);
  return {
    bookmarks: inputs.users.flatMap((user) => bookmarkUser(context, user, inputs, pastPrograms)),
    favorites: inputs.users.flatMap((user) => favoriteUser(context, user, inputs)),
  };
}
