/**
 * Hybrid logical clock (Kulkarni et al.): a stamp is (physical ms, counter, site id), never goes
 * backwards on one site even when the wall clock does, and moves past every stamp it has seen.
 * Encoded as fixed-width text so stamps compare as strings: the same order on every site, ties
 * between sites broken by the site id (docs/sync.md "Bookmarks").
 */
export interface HlcStamp {
  readonly physicalMs: number;
  readonly counter: number;
  readonly site: string;
}

const msWidth = 15;
const counterWidth = 6;

/** Fixed-width text of a stamp: `000001794999600000:000000:a`. */
export function formatStamp(stamp: HlcStamp): string {
  return `${String(stamp.physicalMs).padStart(msWidth, '0')}:${String(stamp.counter).padStart(counterWidth, '0')}:${stamp.site}`;
}

/** Parses formatStamp's text; undefined when it is not one. */
export function parseStamp(text: string): HlcStamp | undefined {
  const match = /^(\d{15}):(\d{6}):([A-Za-z0-9_-]{1,32})$/.exec(text);
  if (match === null) return undefined;
  return { physicalMs: Number(match[1]), counter: Number(match[2]), site: match[3]! };
}

/** Orders two stamps (negative, zero, positive); the text order is the stamp order. */
export function compareStamps(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One site's clock. */
export class HybridLogicalClock {
  private lastMs = 0;
  private counter = 0;

  constructor(private readonly site: string, private readonly nowMs: () => number) {
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(site)) throw new Error(`site id must be 1–32 of [A-Za-z0-9_-]: ${site}`);
  }

  /** A stamp for a local write, later than every stamp issued or observed here. */
  now(): string {
    const wall = this.nowMs();
    if (wall > this.lastMs) {
      this.lastMs = wall;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
    return formatStamp({ physicalMs: this.lastMs, counter: this.counter, site: this.site });
  }

  /** Moves past a stamp seen from elsewhere, so the next local stamp orders after it. */
  observe(text: string): void {
    const seen = parseStamp(text);
    if (seen === undefined) return;
    if (seen.physicalMs > this.lastMs) {
      this.lastMs = seen.physicalMs;
      this.counter = seen.counter;
    } else if (seen.physicalMs === this.lastMs) {
      this.counter = Math.max(this.counter, seen.counter);
    }
  }
}
