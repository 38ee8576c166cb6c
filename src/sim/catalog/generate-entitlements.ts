import type { CatalogDevice, CatalogEntitlement, CatalogHousehold, CatalogMediaFile, CatalogProduct, CatalogUser, CatalogVodAsset } from '../../core/catalog';
import type { SeedProducts } from './generate-products';
import { platformIdFor } from './platform-ids';
import type { SeedContext } from './seed-context';
import { day, vendorIdBase } from './seed-layout';
import { paymentMethods } from './word-tables';

/** A purchase to record: what, by whom, how many days before baseTime. */
interface PurchasePlan {
  readonly product: CatalogProduct;
  readonly household: CatalogHousehold;
  readonly user: CatalogUser;
  readonly daysAgo: number;
  readonly file?: { readonly file: CatalogMediaFile; readonly asset: CatalogVodAsset };
}

interface EntitlementInputs {
  readonly households: readonly CatalogHousehold[];
  readonly users: readonly CatalogUser[];
  readonly devices: readonly CatalogDevice[];
  readonly products: SeedProducts;
  readonly vodAssets: readonly CatalogVodAsset[];
}

function ppvFiles(assets: readonly CatalogVodAsset[]): { file: CatalogMediaFile; asset: CatalogVodAsset }[] {
  return assets.flatMap((asset) => asset.files.filter((f) => f.ppvProductIds.length > 0).map((file) => ({ file, asset })));
}

function findProduct(products: SeedProducts, vendorId: string | undefined): CatalogProduct {
  const product = products.all.find((p) => p.vendorId === vendorId);
  if (!product) throw new Error(`seed product ${vendorId} missing`);
  return product;
}

/** A PPV file one of whose products is `productId`, skipping the assets in `skip`. */
function findPpvFile(inputs: EntitlementInputs, productId: string | undefined, skip: ReadonlySet<number>): { file: CatalogMediaFile; asset: CatalogVodAsset } {
  const found = ppvFiles(inputs.vodAssets).find((f) => !skip.has(f.asset.vendorId) && f.file.ppvProductIds.includes(productId ?? ''));
  if (!found) throw new Error(`no seed file sold by ${productId}`);
  return found;
}

/** Fixed purchases for the demo households (fixtures/catalog/README.md describes them). */
function planDemoPurchases(inputs: EntitlementInputs, members: (h: CatalogHousehold) => CatalogUser[]): PurchasePlan[] {
  const [h1, , h3, h4] = inputs.households;
  if (!h1 || !h3 || !h4) throw new Error('seed catalogue too small for the demo households');
  const [demo1] = members(h1);
  const [demo3] = members(h3);
  const [master4] = members(h4);
  if (!demo1 || !demo3 || !master4) throw new Error('demo household without users');
  const { ppvByKey, subscriptionByKey } = inputs.products;
  const bought = findPpvFile(inputs, ppvByKey.buy, new Set());
  const rented = findPpvFile(inputs, ppvByKey.rentHd, new Set([bought.asset.vendorId]));
  const product = (id: string | undefined): CatalogProduct => findProduct(inputs.products, id);
  return [
    { product: product(subscriptionByKey.premium), household: h1, user: demo1, daysAgo: 10 },
    { product: product(ppvByKey.buy), household: h1, user: demo1, daysAgo: 3, file: bought },
    { product: product(ppvByKey.rentHd), household: h1, user: demo1, daysAgo: 40, file: rented },
    { product: product(subscriptionByKey.premium), household: h3, user: demo3, daysAgo: 45 },
    { product: product(subscriptionByKey.kids), household: h4, user: master4, daysAgo: 5 },
  ];
}

function planRandomPurchases(context: SeedContext, inputs: EntitlementInputs, household: CatalogHousehold, people: CatalogUser[]): PurchasePlan[] {
  const { rng } = context;
  if (!rng.chance(0.6)) return [];
  const files = ppvFiles(inputs.vodAssets);
  const plans: PurchasePlan[] = [];
  const bought = new Set<string>();
  for (let n = rng.int(1, 3); n > 0; n--) {
    const user = rng.pick(people);
    if (rng.chance(0.5)) {
      const product = rng.pick(inputs.products.subscriptions);
      if (!bought.has(product.vendorId)) plans.push({ product, household, user, daysAgo: rng.int(1, 120) });
      bought.add(product.vendorId);
      continue;
    }
    const file = rng.pick(files);
    const product = findProduct(inputs.products, rng.pick(file.file.ppvProductIds));
    if (!bought.has(product.vendorId)) plans.push({ product, household, user, daysAgo: rng.int(0, 60), file });
    bought.add(product.vendorId);
  }
  return plans;
}

function buildEntitlement(context: SeedContext, plan: PurchasePlan, vendorId: number, udids: readonly string[]): CatalogEntitlement {
  const { rng, baseTime } = context;
  const purchaseDate = baseTime - plan.daysAgo * day - rng.int(600, 20 * 3600);
  return {
    vendorId,
    platformId: platformIdFor('entitlement', vendorId),
    productVendorId: plan.product.vendorId,
    type: plan.product.type,
    householdVendorId: plan.household.vendorId,
    userVendorId: plan.user.vendorId,
    purchaseDate,
    // Renewals are not modelled: a subscription bought long ago simply lapsed (expired).
    endDate: purchaseDate + plan.product.durationDays * day,
    ...(plan.file ? { mediaFileVendorId: plan.file.file.vendorId, mediaVendorId: plan.file.asset.vendorId } : {}),
    deviceUdid: udids.length > 0 ? rng.pick(udids) : '',
    paymentMethod: rng.pick(paymentMethods),
  };
}

/** Past purchases: subscriptions and PPV rentals, some still running and some expired (§5.5). */
export function generateEntitlements(context: SeedContext, inputs: EntitlementInputs, demoHouseholdCount: number): CatalogEntitlement[] {
  const members = (h: CatalogHousehold): CatalogUser[] => inputs.users.filter((u) => u.householdVendorId === h.vendorId);
  const plans = [
    ...planDemoPurchases(inputs, members),
    ...inputs.households.slice(demoHouseholdCount).flatMap((h) => planRandomPurchases(context, inputs, h, members(h))),
  ];
  return plans.map((plan, i) => {
    const udids = inputs.devices.filter((d) => d.householdVendorId === plan.household.vendorId).map((d) => d.udid);
    return buildEntitlement(context, plan, vendorIdBase.entitlement + i, udids);
  });
}
