import type { ReminderFields } from '../../../phoenix/reminder-objects';

/** A stored personal list of one user. */
export interface StoredPersonalList {
  readonly id: number;
  readonly name: string;
  readonly ksql: string;
  readonly partnerListType: number;
  readonly createDate: number;
}

/** A stored reminder of one user, with the programme start it is ordered by. */
export type StoredReminder = ReminderFields & { readonly startDate: number };

/** Personal lists and reminders per user (vendor ids); ids count from 1 per state (lab-rules "Personal lists"). */
export interface ListState {
  readonly personalLists: Map<string, StoredPersonalList[]>;
  readonly reminders: Map<string, StoredReminder[]>;
  nextPersonalListId: number;
  nextReminderId: number;
}

/** Empty: the catalogue seeds none. */
export function createListState(): ListState {
  return { personalLists: new Map(), reminders: new Map(), nextPersonalListId: 1, nextReminderId: 1 };
}

/** A user's entries of one kind, created empty on first use. */
export function entriesOf<T>(map: Map<string, T[]>, userId: string): T[] {
  let entries = map.get(userId);
  if (entries === undefined) map.set(userId, (entries = []));
  return entries;
}
