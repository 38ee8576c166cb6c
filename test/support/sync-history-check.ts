/**
 * The checker of the Jepsen-style sync runs (test/integration/sync-jepsen.test.ts, bench): from the
 * acknowledged writes and what each side holds at the end, it names every lost write, every key
 * the sides disagree on, every duplicate and every echo. Pure, so it is tested on planted faults.
 */

/** One acknowledged write: `value` is what the key holds after it (`absent` after a removal). */
export interface AckedWrite {
  readonly key: string;
  readonly value: string;
}

/** What one side holds: every (key, value) listed, duplicates included as listed. */
export type SideListing = readonly (readonly [string, string])[];

export interface HistoryInput {
  /** Per key, in the order each writer's acknowledgements arrived (one writer per key). */
  readonly acked: readonly AckedWrite[];
  readonly vendor: SideListing;
  readonly platform: SideListing;
  /** Keys whose changes the change-feed follower captured. */
  readonly feedCaptured: readonly string[];
  /** Keys written straight to the platform (the only ones the feed may legitimately carry). */
  readonly platformDirectKeys: ReadonlySet<string>;
}

export interface HistoryVerdict {
  readonly lost: readonly string[];
  readonly divergent: readonly string[];
  readonly duplicated: readonly string[];
  readonly echoes: readonly string[];
}

function index(listing: SideListing, duplicated: Set<string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, value] of listing) {
    if (map.has(key)) duplicated.add(key);
    map.set(key, value);
  }
  return map;
}

/** Judges a run. */
export function checkSyncHistory(input: HistoryInput): HistoryVerdict {
  const expected = new Map<string, string>();
  for (const write of input.acked) expected.set(write.key, write.value);
  const duplicated = new Set<string>();
  const vendor = index(input.vendor, duplicated);
  const platform = index(input.platform, duplicated);
  const lost: string[] = [];
  const divergent: string[] = [];
  for (const [key, value] of expected) {
    const onVendor = vendor.get(key) ?? 'absent';
    const onPlatform = platform.get(key) ?? 'absent';
    if (onVendor !== value || onPlatform !== value) lost.push(key);
    if (onVendor !== onPlatform) divergent.push(key);
  }
  const echoes = [...new Set(input.feedCaptured.filter((key) => !input.platformDirectKeys.has(key)))];
  return { lost: lost.sort(), divergent: divergent.sort(), duplicated: [...duplicated].sort(), echoes: echoes.sort() };
}
