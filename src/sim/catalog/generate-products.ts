import type { CatalogProduct, ProductType } from '../../core/catalog';
import { platformIdFor } from './platform-ids';
import { vendorIdBase } from './seed-layout';

interface ProductDefinition {
  readonly key: string;
  readonly name: string;
  readonly price: number;
  readonly durationDays: number;
}

/** PPV modules: rentals unlock one file for a few days; "buy" for ten years (brief §5.5). */
const ppvDefinitions: readonly ProductDefinition[] = [
  { key: 'rentSd', name: 'Rent 48h SD', price: 2.99, durationDays: 2 },
  { key: 'rentHd', name: 'Rent 48h HD', price: 3.99, durationDays: 2 },
  { key: 'newRelease', name: 'New Release Rental', price: 5.99, durationDays: 2 },
  { key: 'classic', name: 'Classic Rental', price: 1.99, durationDays: 3 },
  { key: 'kids', name: 'Kids Rental', price: 0.99, durationDays: 7 },
  { key: 'buy', name: 'Buy and Keep', price: 9.99, durationDays: 3650 },
  { key: 'event', name: 'Live Event Pass', price: 14.99, durationDays: 1 },
  { key: 'weekend', name: 'Weekend Box Set', price: 4.49, durationDays: 3 },
];

/** Subscriptions: renewable packages that unlock whole assets and channels. */
const subscriptionDefinitions: readonly ProductDefinition[] = [
  { key: 'premium', name: 'Premium Movies', price: 9.99, durationDays: 30 },
  { key: 'sports', name: 'Sports Pass', price: 14.99, durationDays: 30 },
  { key: 'kids', name: 'Kids Club', price: 4.99, durationDays: 30 },
  { key: 'series', name: 'Series Plus', price: 7.49, durationDays: 30 },
  { key: 'annual', name: 'Everything Annual', price: 89.99, durationDays: 365 },
];

export interface SeedProducts {
  readonly all: readonly CatalogProduct[];
  readonly ppv: readonly CatalogProduct[];
  readonly subscriptions: readonly CatalogProduct[];
  /** PPV vendor id by definition key (rentSd, rentHd, newRelease, classic, kids, buy, event, weekend). */
  readonly ppvByKey: Readonly<Record<string, string>>;
  /** Subscription vendor id by definition key (premium, sports, kids, series, annual). */
  readonly subscriptionByKey: Readonly<Record<string, string>>;
}

function buildProducts(definitions: readonly ProductDefinition[], type: ProductType, firstId: number): CatalogProduct[] {
  return definitions.map((definition, i) => {
    const vendorId = String(firstId + i);
    return {
      vendorId,
      platformId: platformIdFor('product', vendorId),
      type,
      name: definition.name,
      price: definition.price,
      currency: 'EUR',
      durationDays: definition.durationDays,
      isRenewable: type === 'subscription',
    };
  });
}

function keyProducts(definitions: readonly ProductDefinition[], products: readonly CatalogProduct[]): Record<string, string> {
  return Object.fromEntries(definitions.map((d, i) => [d.key, products[i]?.vendorId ?? '']));
}

/** The partner's PPV modules and subscriptions (fixed, not random). */
export function generateProducts(): SeedProducts {
  const ppv = buildProducts(ppvDefinitions, 'ppv', vendorIdBase.ppvProduct);
  const subscriptions = buildProducts(subscriptionDefinitions, 'subscription', vendorIdBase.subscriptionProduct);
  return {
    all: [...ppv, ...subscriptions],
    ppv,
    subscriptions,
    ppvByKey: keyProducts(ppvDefinitions, ppv),
    subscriptionByKey: keyProducts(subscriptionDefinitions, subscriptions),
  };
}
