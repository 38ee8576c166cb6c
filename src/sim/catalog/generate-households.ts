import type { CatalogHousehold, CatalogUser } from '../../core/catalog';
import type { HouseholdPlan } from './household-plans';
import { platformIdFor } from './platform-ids';
import type { SeedContext } from './seed-context';
import { day, vendorIdBase } from './seed-layout';
import * as words from './word-tables';

export interface SeedPeople {
  readonly households: CatalogHousehold[];
  readonly users: CatalogUser[];
}

const suspendedUserCount = 2;

interface UserSlot {
  readonly household: CatalogHousehold;
  readonly plan: HouseholdPlan;
  readonly index: number;
  readonly lastName: string;
}

function buildHousehold(context: SeedContext, plan: HouseholdPlan, position: number, lastName: string): CatalogHousehold {
  const { rng, baseTime } = context;
  const vendorId = vendorIdBase.household + position;
  return {
    vendorId,
    platformId: platformIdFor('household', vendorId),
    name: `${lastName} family`,
    description: `${rng.pick(words.cities)} home`,
    externalId: `hh-${vendorId}`,
    devicesLimit: plan.devicesLimit,
    usersLimit: 5,
    concurrentLimit: plan.concurrentLimit,
    regionId: rng.int(1, 4),
    state: plan.suspended ? 'suspended' : 'ok',
    createDate: baseTime - rng.int(60, 1200) * day,
  };
}

function chooseUsername(taken: Set<string>, firstName: string, lastName: string): string {
  const stem = `${firstName}.${lastName}`.toLowerCase();
  let username = stem;
  for (let n = 2; taken.has(username); n++) username = `${stem}${n}`;
  taken.add(username);
  return username;
}

function buildUser(context: SeedContext, slot: UserSlot, vendorNumber: number, taken: Set<string>): CatalogUser {
  const { rng } = context;
  const vendorId = String(vendorNumber);
  const firstName = rng.pick(words.firstNames);
  const demo = slot.plan.demoUsers[slot.index];
  const username = demo ?? chooseUsername(taken, firstName, slot.lastName);
  return {
    vendorId,
    platformId: platformIdFor('user', vendorId),
    householdVendorId: slot.household.vendorId,
    username,
    password: `${username}-pass`,
    firstName,
    lastName: slot.lastName,
    email: demo ? `${demo}@lab.understudy.test` : `${username}@mail.lab.understudy.test`,
    city: rng.pick(words.cities),
    countryId: rng.pick(words.countryIds),
    isHouseholdMaster: slot.index === 0,
    isHouseholdDefault: slot.index === slot.plan.defaultUser,
    suspended: false,
    createDate: slot.household.createDate + (slot.index === 0 ? 0 : rng.int(1, 30) * day),
  };
}

/** Two users outside the demo households are suspended (brief §5.1 `suspensionState`). */
function suspendSomeUsers(context: SeedContext, users: CatalogUser[], demoHouseholds: ReadonlySet<number>): void {
  const candidates = users.map((u, i) => ({ u, i })).filter(({ u }) => !demoHouseholds.has(u.householdVendorId));
  for (const { u, i } of context.rng.sample(candidates, suspendedUserCount)) users[i] = { ...u, suspended: true };
}

/** Households and their users from the plans; vendor user ids are numeric strings (§2.5). */
export function generateHouseholds(context: SeedContext, plans: readonly HouseholdPlan[]): SeedPeople {
  const households: CatalogHousehold[] = [];
  const users: CatalogUser[] = [];
  const taken = new Set<string>(plans.flatMap((p) => Object.values(p.demoUsers)));
  const demoHouseholds = new Set<number>();
  plans.forEach((plan, position) => {
    const lastName = context.rng.pick(words.lastNames);
    const household = buildHousehold(context, plan, position, lastName);
    households.push(household);
    if (Object.keys(plan.demoUsers).length > 0) demoHouseholds.add(household.vendorId);
    for (let index = 0; index < plan.users; index++) {
      users.push(buildUser(context, { household, plan, index, lastName }, vendorIdBase.user + users.length, taken));
    }
  });
  suspendSomeUsers(context, users, demoHouseholds);
  return { households, users };
}
