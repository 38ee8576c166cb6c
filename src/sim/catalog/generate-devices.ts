import type { CatalogDevice, CatalogHousehold, CatalogUser } from '../../core/catalog';
import type { HouseholdPlan } from './household-plans';
import { platformIdFor } from './platform-ids';
import type { SeedContext } from './seed-context';
import { day } from './seed-layout';

/** A kind of device: vendor device family and the brands seen in it. */
interface DeviceKind {
  readonly key: string;
  readonly deviceFamilyId: number;
  readonly brandIds: readonly number[];
  readonly label: string;
}

// Family ids follow the partner's device-family table: 1 PC, 3 Smart TV, 4 STB, 5 phone, 6 tablet.
const setTopBox: DeviceKind = { key: 'stb', deviceFamilyId: 4, brandIds: [22, 23], label: 'Set-top box' };
const otherKinds: readonly DeviceKind[] = [
  { key: 'phone', deviceFamilyId: 5, brandIds: [3, 7], label: 'Phone' },
  { key: 'tablet', deviceFamilyId: 6, brandIds: [4, 8], label: 'Tablet' },
  { key: 'tv', deviceFamilyId: 3, brandIds: [24, 25], label: 'Smart TV' },
  { key: 'pc', deviceFamilyId: 1, brandIds: [1], label: 'Browser' },
  setTopBox,
];

const rooms = ['Living room', 'Bedroom', 'Kitchen', 'Study'] as const;

function nameDevice(context: SeedContext, kind: DeviceKind, owner: CatalogUser): string {
  return kind === setTopBox ? `${context.rng.pick(rooms)} box` : `${owner.firstName} ${kind.label}`;
}

/** Demo households get readable udids (`demo1-stb-1`) so scripts can log in from a known device. */
function chooseUdid(context: SeedContext, kind: DeviceKind, demoName: string | undefined, ordinal: number, taken: Set<string>): string {
  let udid = demoName ? `${demoName}-${kind.key}-${ordinal}` : `${kind.key}-${context.rng.hex(12)}`;
  while (taken.has(udid)) udid = `${kind.key}-${context.rng.hex(12)}`;
  taken.add(udid);
  return udid;
}

function buildHouseholdDevices(context: SeedContext, household: CatalogHousehold, plan: HouseholdPlan, members: readonly CatalogUser[], taken: Set<string>): CatalogDevice[] {
  const { rng, baseTime } = context;
  const demoName = Object.values(plan.demoUsers)[0];
  const devices: CatalogDevice[] = [];
  for (let ordinal = 1; ordinal <= plan.devices; ordinal++) {
    // Every household has its set-top box first: the legacy boxes are what the facade serves.
    const kind = ordinal === 1 ? setTopBox : rng.pick(otherKinds);
    const owner = rng.pick(members);
    const udid = chooseUdid(context, kind, demoName, ordinal, taken);
    devices.push({
      udid,
      platformId: platformIdFor('device', udid),
      householdVendorId: household.vendorId,
      name: nameDevice(context, kind, owner),
      brandId: rng.pick(kind.brandIds),
      deviceFamilyId: kind.deviceFamilyId,
      activatedOn: rng.int(household.createDate + 3600, baseTime - day),
    });
  }
  return devices;
}

/** The registered devices of every household, never more than its `devicesLimit`. */
export function generateDevices(context: SeedContext, households: readonly CatalogHousehold[], plans: readonly HouseholdPlan[], users: readonly CatalogUser[]): CatalogDevice[] {
  const taken = new Set<string>();
  return households.flatMap((household, i) => {
    const plan = plans[i];
    if (!plan) return [];
    const members = users.filter((u) => u.householdVendorId === household.vendorId);
    return buildHouseholdDevices(context, household, plan, members, taken);
  });
}
