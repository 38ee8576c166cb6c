import type { CatalogPin, CatalogUser } from '../../core/catalog';
import { vendorIdBase } from './seed-layout';

/**
 * Parental and purchase PINs (docs/lab-rules.md "PINs"), fixed: demo household 1 has a household
 * parental PIN; household 2 a parental and a purchase PIN and a user-level parental PIN for its
 * demo user; households 3 and 4 none, so "no PIN defined" is reachable.
 */
export function generatePins(users: readonly CatalogUser[]): CatalogPin[] {
  const first = String(vendorIdBase.household);
  const second = String(vendorIdBase.household + 1);
  const demo2 = users.find((u) => u.username === 'demo2');
  const pins: CatalogPin[] = [
    { level: 'household', ownerVendorId: first, type: 'parental', pin: '1234' },
    { level: 'household', ownerVendorId: second, type: 'parental', pin: '4321' },
    { level: 'household', ownerVendorId: second, type: 'purchase', pin: '0000' },
  ];
  if (demo2 !== undefined) pins.push({ level: 'user', ownerVendorId: demo2.vendorId, type: 'parental', pin: '9876' });
  return pins;
}
