/**
 * Which read sub-calls of a multirequest that also writes may be shadowed (docs/shadow.md "Mixed
 * multirequests"). A candidate runs after the vendor answered the whole request, so a read may be
 * compared only when what it saw did not depend on the request's own writes:
 * - it does not use, through `{N:result…}` tokens, the result of a write or of a slot that does;
 * - and it comes before the first write, or every write before it is one whose visible state is
 *   known (`writeVisibility`) and its service is not one that shows that state.
 * Logins (session issuers) only issue the KS later slots use: they are neither reads nor writes here.
 * Pure; positions are 0-based.
 */

/** One sub-call as the rule sees it. */
export interface SlotFacts {
  readonly operationId: string;
  readonly readOnly: boolean;
  /** Issues a KS and changes nothing a later read shows (login, anonymous login, refresh). */
  readonly issuesSession: boolean;
  /** 0-based positions of the slots its tokens reference. */
  readonly references: ReadonlySet<number>;
}

/** Services whose reads may show the state a write changed; a write not listed may change anything. */
export const writeVisibility: Readonly<Record<string, readonly string[]>> = {
  'bookmark.add': ['bookmark', 'assethistory', 'asset'],
  'favorite.add': ['favorite', 'asset'],
  'favorite.delete': ['favorite', 'asset'],
  'householddevice.add': ['householddevice', 'household', 'session'],
  'householddevice.delete': ['householddevice', 'household', 'session'],
};

const serviceOf = (operationId: string): string => operationId.split('.', 1)[0] ?? '';

/** Per slot: true when it is a read that may be shadowed although the request writes. */
export function shadowableReads(slots: readonly SlotFacts[]): boolean[] {
  const tainted: boolean[] = [];
  const seen = new Set<string>();
  let unknownWrite = false;
  return slots.map((slot, index) => {
    const isWrite = !slot.readOnly && !slot.issuesSession;
    const isTainted = isWrite || [...slot.references].some((ref) => ref < index && tainted[ref] === true);
    tainted[index] = isTainted;
    const unaffected = !unknownWrite && !seen.has(serviceOf(slot.operationId));
    if (isWrite) {
      const services = writeVisibility[slot.operationId];
      if (services === undefined) unknownWrite = true;
      else for (const service of services) seen.add(service);
    }
    return slot.readOnly && !isTainted && unaffected;
  });
}
