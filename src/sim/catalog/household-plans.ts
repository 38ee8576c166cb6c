import type { SeedContext } from './seed-context';

/** The shape of one household before its records are built. */
export interface HouseholdPlan {
  readonly users: number;
  readonly devices: number;
  readonly devicesLimit: number;
  readonly concurrentLimit: number;
  /** Index of the household's default user; the master is always user 0. */
  readonly defaultUser: number;
  readonly suspended: boolean;
  /** Demo account names by user index (fixtures/catalog/README.md). */
  readonly demoUsers: Readonly<Record<number, string>>;
}

export const householdCount = 44;

/**
 * The demo households come first, each shaped for one scenario: free device slots and two streams
 * (demo1), a full device list (demo2), a single stream (demo3), a plain member of a family (demo4).
 */
const demoPlans: readonly HouseholdPlan[] = [
  { users: 2, devices: 2, devicesLimit: 5, concurrentLimit: 2, defaultUser: 0, suspended: false, demoUsers: { 0: 'demo1' } },
  { users: 1, devices: 3, devicesLimit: 3, concurrentLimit: 2, defaultUser: 0, suspended: false, demoUsers: { 0: 'demo2' } },
  { users: 1, devices: 1, devicesLimit: 4, concurrentLimit: 1, defaultUser: 0, suspended: false, demoUsers: { 0: 'demo3' } },
  { users: 3, devices: 2, devicesLimit: 4, concurrentLimit: 3, defaultUser: 0, suspended: false, demoUsers: { 2: 'demo4' } },
];

function planRandomHousehold(context: SeedContext, suspended: boolean): HouseholdPlan {
  const { rng } = context;
  const users = rng.pick([1, 2, 2, 3, 3]);
  const devicesLimit = rng.int(3, 6);
  // A few multi-user households let a child profile be the default user (usually it is the master).
  const defaultUser = users > 1 && rng.chance(0.2) ? 1 : 0;
  return {
    users,
    devices: rng.int(1, Math.min(4, devicesLimit)),
    devicesLimit,
    concurrentLimit: rng.int(1, 3),
    defaultUser,
    suspended,
    demoUsers: {},
  };
}

/** Plans every household: the demo ones, then random ones with exactly one suspended. */
export function planHouseholds(context: SeedContext): HouseholdPlan[] {
  const randomCount = householdCount - demoPlans.length;
  const suspendedIndex = context.rng.int(0, randomCount - 1);
  const random = Array.from({ length: randomCount }, (_, i) => planRandomHousehold(context, i === suspendedIndex));
  return [...demoPlans, ...random];
}
