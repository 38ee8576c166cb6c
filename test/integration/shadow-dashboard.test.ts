/**
 * The migration dashboard in headless Chromium (Debian `chromium` + playwright-core): loads the
 * page from the admin port, logs in with the token, sees each operation's state, split, parity and
 * top differing field, clicks an operation and finds the side-by-side diff sample with the
 * differing member highlighted. With UNDERSTUDY_DASHBOARD_SCREENSHOT set, the screenshot is saved
 * as docs/images/dashboard.png (the README shows it); otherwise to the temp folder.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { RunningUnderstudy } from '../../src/main';
import { startShadowLab } from '../support/shadow-lab';
import { postVendorJson } from '../support/vendor-http';

const executablePath = '/usr/bin/chromium';
const haveChromium = existsSync(executablePath);
const screenshot = process.env.UNDERSTUDY_DASHBOARD_SCREENSHOT ? resolve(__dirname, '../../docs/images/dashboard.png') : join(tmpdir(), `understudy-dashboard-${process.pid}.png`);

let facade: RunningUnderstudy;
let browser: Browser | undefined;

async function shadowTraffic(): Promise<void> {
  const admin = (path: string, body: unknown) => fetch(`${facade.adminUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${facade.adminToken}`, 'content-type': 'application/json', 'x-understudy-actor': 'release-bot' }, body: JSON.stringify(body) });
  await admin('/admin/migration/asset.get', { to: 'shadow' });
  await admin('/admin/migration/asset.list', { to: 'canary', percent: 10 });
  await fetch(`${facade.upstreams.platformUrl}/__sim/defects`, { method: 'PUT', body: JSON.stringify({ defects: [{ kind: 'alter', field: 'synopsis', path: '/catalog/v1/items/', rate: 0.3 }] }) });
  const login = await postVendorJson(facade.url, '/api_v3/service/ottuser/action/anonymousLogin', { partnerId: 3197, udid: 'dashboard-stb' });
  const ks = login.json.result.ks;
  for (let i = 0; i < 60; i++) await postVendorJson(facade.url, '/api_v3/service/asset/action/get', { ks, id: String(480001 + (i % 20)), assetReferenceType: 'media' });
  for (let i = 0; i < 10; i++) await postVendorJson(facade.url, '/api_v3/service/asset/action/list', { ks, filter: { objectType: 'KalturaSearchAssetFilter', kSql: "(and asset_type='0')" }, pager: { objectType: 'KalturaFilterPager', pageSize: 5, pageIndex: i + 1 } });
  await new Promise((r) => setTimeout(r, 10));
  await facade.shadow.executor.idle();
  await facade.shadow.flush();
}

(haveChromium ? describe : describe.skip)('migration dashboard in headless Chromium', () => {
  beforeAll(async () => {
    facade = await startShadowLab({ noisePercent: 20 });
    await shadowTraffic();
    browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await facade?.close();
  });

  it('logs in, lists operations with state and parity, and shows a diff sample side by side', async () => {
    const page = await browser!.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${facade.adminUrl}/admin/dashboard`);
    await page.fill('#token', 'wrong-token-of-enough-length');
    await page.click('#login-button');
    await page.waitForSelector('#login-error:has-text("refused")');
    await page.fill('#token', facade.adminToken);
    await page.click('#login-button');
    const row = page.locator('tr.op[data-operation="asset.get"]');
    await row.waitFor();
    expect(await row.locator('.badge').textContent()).toBe('shadow');
    expect(await page.locator('tr.op[data-operation="asset.list"] .badge').textContent()).toBe('canary 10%');
    expect(await row.textContent()).toContain('/result/description');
    // Every asset.get call was shadowed and compared (queue of 1,000, nothing dropped): 60 of 60.
    expect(await row.locator('td.compared').textContent()).toBe('100.00%');
    await row.click();
    await page.waitForSelector('#viewer:not([hidden])');
    expect(await page.locator('#detail-title').textContent()).toContain('asset.get');
    expect(await page.locator('#transitions').textContent()).toContain('manual by release-bot');
    const highlighted = await page.locator('#side-candidate .hl').allTextContents();
    expect(highlighted.join('\n')).toContain('"description"');
    expect(highlighted.join('\n')).toContain('(altered)');
    expect(await page.locator('#sample-diffs').textContent()).toContain('/result/description');
    await page.screenshot({ path: screenshot, fullPage: true });
  }, 60_000);
});
