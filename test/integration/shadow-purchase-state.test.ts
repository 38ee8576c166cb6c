/**
 * Purchases compared by state (docs/shadow.md "Writes compared by state"), over the real sims and
 * the real sync: a shadowed `transaction.purchase` is answered by the vendor alone and watched under
 * the sync key its answer gives (the transaction id); once the sync bought the same product on the
 * platform, the household's entitlement of that product is read on both sides and diffed under
 * `transaction.purchase`. With nothing wrong nothing is reported; a platform that answers the
 * entitlement's payment method in the wrong case is reported at its `paymentMethod`.
 */
import type { RunningUnderstudy } from '../../src/main';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { startFacadeLab } from '../support/facade-lab';
import { readParity, shadowAllPolicy } from '../support/shadow-lab';
import { loginAs, postVendorJson } from '../support/vendor-http';

const catalog = loadCatalog();
const product = (vendorId: string) => catalog.products.find((p) => p.vendorId === vendorId)!;
let lab: RunningUnderstudy;

beforeAll(async () => {
  lab = await startFacadeLab({ overrides: { shadow: { flushIntervalMs: 50, noisePercent: 0, contractPercent: 100 }, sync: { pollMs: 50 } } });
  const replaced = lab.routing.policy.replace(shadowAllPolicy, 'test');
  if (!replaced.ok) throw new Error(replaced.error.join('; '));
}, 60_000);
afterAll(() => lab.close());

const putDefects = (defects: unknown[]) => fetch(`${lab.upstreams.platformUrl}/__sim/defects`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ defects }) });

function buy(ks: string, vendorId: string, contentId = 0) {
  const p = product(vendorId);
  const purchase = { objectType: 'KalturaPurchase', productId: p.vendorId, productType: p.type, contentId, price: p.price, currency: p.currency };
  return postVendorJson(lab.url, '/api_v3/service/transaction/action/purchase', { apiVersion: '7.8.1', ks, purchase });
}

/** Bounded poll: the operation's parity once it holds `samples` samples (the sync applies asynchronously). */
async function samplesOf(operation: string, samples: number): Promise<any> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const detail = await readParity(lab, operation);
    if (detail.report.samples >= samples || Date.now() > deadline) return detail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('shadowed purchases compared by state after the sync bought them on the platform', () => {
  it('reports nothing for a subscription and a rental when the platform records them right', async () => {
    const ks = await loginAs(lab.url, 'demo4');
    const subscription = await buy(ks, '60002');
    expect(subscription.json.result).toMatchObject({ objectType: 'KalturaTransaction', state: 'OK' });
    expect((await samplesOf('transaction.purchase', 1)).report.samples).toBe(1);
    const rental = await buy(ks, '50004', 210024);
    expect(rental.json.result).toMatchObject({ objectType: 'KalturaTransaction', state: 'OK' });
    const detail = await samplesOf('transaction.purchase', 2);
    expect({ samples: detail.report.samples, compared: detail.compared, reported: detail.topFields, errors: detail.report.candidateErrors }).toEqual({ samples: 2, compared: 'state', reported: [], errors: 0 });
    expect(detail.report.fields.filter((f: any) => f.raw > 0)).toEqual([]);
    expect(detail.report.contractViolations).toEqual({ checked: 2, primary: 0, candidate: 0 });
    expect(detail.dropped.write).toBe(0);
    const parity = await readParity(lab);
    expect(parity.stateReads['transaction.purchase']).toBe('entitlement.list');
  }, 60_000);

  it('reports a payment method the platform answers in the wrong case at /result/objects/0/paymentMethod', async () => {
    const ks = await loginAs(lab.url, 'demo3');
    expect((await putDefects([{ kind: 'enum-case', field: 'paymentMethod', path: '/commerce/v1/entitlements' }])).status).toBe(200);
    try {
      const before = (await readParity(lab, 'transaction.purchase')).report.samples;
      expect((await buy(ks, '50004', 210024)).json.result.state).toBe('OK');
      const detail = await samplesOf('transaction.purchase', before + 1);
      expect(detail.topFields.map((f: any) => [f.pointer, f.kind])).toEqual([['/result/objects/0/paymentMethod', 'value']]);
      const cluster = detail.report.clusters.find((c: any) => c.differing);
      const difference = cluster.sample.differences.find((d: any) => d.pointer === '/result/objects/0/paymentMethod');
      expect(difference.candidate).toBe(String(difference.primary).toUpperCase());
      expect(cluster.sample.request.operation).toBe('transaction.purchase');
    } finally {
      await putDefects([]);
    }
  }, 60_000);
});
