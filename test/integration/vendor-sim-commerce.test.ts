import { frozenLabClock } from '../support/lab-clock';
import { validateVendorResponse } from '../../src/contract/response-validator';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { loginAs, postVendorJson } from '../support/vendor-http';

const catalog = loadCatalog();
const { baseTime } = catalog.demo;
let sim: VendorSim;

beforeAll(async () => {
  sim = await startVendorSim({ catalog, clock: frozenLabClock() });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const call = (action: string, body: Record<string, unknown>) => postVendorJson(sim.url, `/api_v3/service/${action}`, body);

describe('commerce over HTTP (brief §5.5)', () => {
  it('lists entitlements of both kinds, valid against the contract', async () => {
    const ks = await loginAs(sim.url, 'demo1');
    for (const productTypeEqual of ['ppv', 'subscription']) {
      const answer = await call('entitlement/action/list', { ks, filter: { objectType: 'KalturaEntitlementFilter', productTypeEqual, entityReferenceEqual: 'household' } });
      expect(validateVendorResponse('entitlement.list', answer.json)).toEqual([]);
      expect(answer.json.result.totalCount).toBe(1);
    }
  });

  it('prices a file, buys it, then plays it (productprice.list → transaction.purchase → getPlaybackContext)', async () => {
    const ks = await loginAs(sim.url, 'demo2', 'demo2-stb-1');
    const prices = await call('productPrice/action/list', { ks, filter: { objectType: 'KalturaProductPriceFilter', fileIdIn: '210024' } });
    expect(validateVendorResponse('productprice.list', prices.json)).toEqual([]);
    const [price] = prices.json.result.objects;
    expect(price).toMatchObject({ objectType: 'KalturaPpvPrice', productId: '50004', purchaseStatus: 'for_purchase', fileId: 210024 });
    const purchase = { objectType: 'KalturaPurchase', productId: price.productId, contentId: 210024, productType: 'ppv', currency: 'EUR', price: price.price.amount };
    const bought = await call('transaction/action/purchase', { ks, purchase });
    expect(validateVendorResponse('transaction.purchase', bought.json)).toEqual([]);
    expect(bought.json.result).toMatchObject({ objectType: 'KalturaTransaction', state: 'OK', failReasonCode: 0, createdAt: baseTime });
    const context = await call('asset/action/getPlaybackContext', { ks, assetId: '480009', assetType: 'media', contextDataParams: { context: 'PLAYBACK' } });
    expect(context.json.result.messages[0].code).toBe('OK');
    const again = await call('transaction/action/purchase', { ks, purchase });
    expect(again.json.result.error).toMatchObject({ code: '3021' });
    expect(validateVendorResponse('transaction.purchase', again.json)).toEqual([]);
  });
});
