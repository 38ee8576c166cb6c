import type { CatalogDemo, CatalogUser } from '../../core/catalog';
import { partnerId } from './seed-layout';

/** Lab-only secrets: fixed so KS minted by one process validate in another (docs/architecture.md §6). */
const labPartnerSecret = '5f0c3a9e7b2d4186a4e1c9f03b7d2e68';
const labPlatformClientSecret = 'understudy-lab-platform-client-secret';
/** Same shape as the vendor's own versions (the public OTT OpenAPI, brief S2, is `3.6.287.20720`). */
const labServerVersion = '8.4.12.31402';

export const demoUsernames = ['demo1', 'demo2', 'demo3', 'demo4'] as const;

/** The lab facts and the demo logins (fixtures/catalog/README.md). */
export function buildDemo(baseTime: number, users: readonly CatalogUser[]): CatalogDemo {
  const accounts = demoUsernames.map((username) => {
    const user = users.find((u) => u.username === username);
    if (!user) throw new Error(`demo user ${username} missing`);
    return { username, password: user.password, household: user.householdVendorId, userId: user.vendorId };
  });
  return { partnerId, partnerSecret: labPartnerSecret, platformClientSecret: labPlatformClientSecret, baseTime, accounts, serverVersion: labServerVersion };
}
