/**
 * The lab partner's subscription sets, fixed like the products they group (generate-products.ts):
 * a switch set (a household moves between its subscriptions) and dependency sets (add-ons that
 * need a base subscription). Vendor ids; platform-sim serves them in platform vocabulary.
 * docs/vendor-decisions.md "Subscription sets".
 */
export interface LabSubscriptionSet {
  readonly id: number;
  readonly name: string;
  readonly type: 'SWITCH' | 'DEPENDENCY';
  readonly subscriptionIds: readonly string[];
  /** Dependency sets only: the subscription the add-ons need. */
  readonly baseSubscriptionId?: string;
}

export const labSubscriptionSets: readonly LabSubscriptionSet[] = [
  { id: 1, name: 'Monthly packages', type: 'SWITCH', subscriptionIds: ['60001', '60002', '60003', '60004'] },
  { id: 2, name: 'Annual add-ons', type: 'DEPENDENCY', subscriptionIds: ['60002'], baseSubscriptionId: '60005' },
  { id: 3, name: 'Family packages', type: 'SWITCH', subscriptionIds: ['60003', '60004'] },
  { id: 4, name: 'Movie add-ons', type: 'DEPENDENCY', subscriptionIds: ['60004'], baseSubscriptionId: '60001' },
];
