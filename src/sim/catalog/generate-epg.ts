import type { CatalogLiveChannel, CatalogProgram } from '../../core/catalog';
import { platformIdFor } from './platform-ids';
import { buildImages, imageShapes, type SeedContext } from './seed-context';
import { day, vendorIdBase } from './seed-layout';
import { showTitles, tvRatings } from './word-tables';

/** The EPG window: a day of catch-up before baseTime, two days of guide after it. */
export const epgWindow = { beforeSeconds: day, afterSeconds: 2 * day } as const;

const fiveMinutes = 300;

/** A programme length of 30–120 minutes in 5-minute steps. */
function chooseLength(context: SeedContext): number {
  return context.rng.int(6, 24) * fiveMinutes;
}

interface ProgramCounter {
  vendorId: number;
  epgId: number;
}

function buildProgram(context: SeedContext, channel: CatalogLiveChannel, counter: ProgramCounter, startDate: number, endDate: number): CatalogProgram {
  const { rng, baseTime } = context;
  const vendorId = counter.vendorId++;
  const epgId = String(counter.epgId++);
  const genre = channel.tags.Genre?.[0] ?? 'General';
  const title = rng.pick(showTitles[genre] ?? showTitles.General ?? ['Programme']);
  return {
    kind: 'program',
    vendorId,
    platformId: platformIdFor('asset', vendorId),
    mediaTypeId: 0,
    name: title,
    description: `${title} on ${channel.name}.`,
    images: buildImages(context, vendorId, [imageShapes.landscape]),
    metas: { Rating: { kind: 'string', value: rng.pick(tvRatings) }, IsLive: { kind: 'boolean', value: rng.chance(0.2) } },
    tags: { Genre: [genre] },
    // Guide data is ingested a week ahead of the window.
    createDate: baseTime - 7 * day,
    updateDate: baseTime - 7 * day,
    startDate,
    endDate,
    externalId: `epg-${epgId}`,
    channelVendorId: channel.vendorId,
    epgChannelId: channel.epgChannelId,
    epgId,
    crid: `crid://lab.understudy.test/${vendorId}`,
    enableCatchUp: channel.enableCatchUp,
    enableStartOver: channel.enableStartOver,
  };
}

/** Back-to-back programmes for every channel over the EPG window: no gaps, no overlaps. */
export function generatePrograms(context: SeedContext, channels: readonly CatalogLiveChannel[]): CatalogProgram[] {
  const counter: ProgramCounter = { vendorId: vendorIdBase.program, epgId: vendorIdBase.epgId };
  const from = context.baseTime - epgWindow.beforeSeconds;
  const to = context.baseTime + epgWindow.afterSeconds;
  const programs: CatalogProgram[] = [];
  for (const channel of channels) {
    for (let start = from; start < to; ) {
      const end = start + chooseLength(context);
      programs.push(buildProgram(context, channel, counter, start, end));
      start = end;
    }
  }
  return programs;
}
