/** Personal lists and reminders of platform-sim, per user (platform ids); numbers count from 1 per state. */
export interface PersonalListRecord {
  readonly number: number;
  readonly name: string;
  readonly query: string;
  readonly listType: number;
  readonly createdAt: number;
}

export type ReminderRecord =
  | { readonly number: number; readonly kind: 'programme'; readonly name: string; readonly itemId: string; readonly startsAt: number; readonly createdAt: number }
  | { readonly number: number; readonly kind: 'series'; readonly name: string; readonly seriesId: string; readonly seasonNumber?: number; readonly epgChannelId: number; readonly createdAt: number };

export interface ListStore {
  readonly personalLists: Map<string, PersonalListRecord[]>;
  readonly reminders: Map<string, ReminderRecord[]>;
  nextPersonalList: number;
  nextReminder: number;
}

/** Empty stores. */
export function createListStore(): ListStore {
  return { personalLists: new Map(), reminders: new Map(), nextPersonalList: 1, nextReminder: 1 };
}

/** A user's records of one kind, created empty on first use. */
export function recordsOf<T>(map: Map<string, T[]>, userId: string): T[] {
  let records = map.get(userId);
  if (records === undefined) map.set(userId, (records = []));
  return records;
}

/** Limits per user (docs/lab-rules.md "Personal lists", "Reminders"). */
export const maxPersonalLists = 50;
export const maxReminders = 200;
