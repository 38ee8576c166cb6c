/**
 * The vendor switched off (issue 14 "Done when"): the facade runs the all-platform policy with its
 * vendor URL pointing at a listener that refuses every exchange. Every golden case of the device
 * operations issue 14 brought to the platform must still pass, validate against the vendor
 * contract, and not one connection may reach the vendor.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { validateVendorResponse } from '../../src/contract/response-validator';
import { labPolicyFile } from '../../src/config/lab-defaults';
import { defaultCatalogDir } from '../../src/sim/catalog/load-catalog';
import type { RunningUnderstudy } from '../../src/main';
import { frozenLabClock, startFacadeLab } from '../support/facade-lab';
import { loadGoldenCases, runGoldenCase, type GoldenTarget } from '../support/golden-runner';

/** The operations issue 14 moved to the platform, by group (only finished groups are listed). */
const retiredOperations = [
  // start-up and time
  'configurations.servebydevice',
  'system.ping',
  'system.gettime',
  'system.getversion',
  // PINs
  'pin.get',
  'pin.update',
  'pin.validate',
  // device pairing and login PINs
  'householddevice.generatepin',
  'householddevice.addbypin',
  'householddevice.loginwithpin',
  'userloginpin.add',
  'ottuser.loginwithpin',
  // parental control
  'parentalrule.list',
  'parentalrule.enable',
  'parentalrule.disable',
  'userassetrule.list',
  // rails, binge and lists
  'channel.get',
  'lineup.get',
  'assethistory.getnextepisode',
  'assethistory.clean',
  'personallist.add',
  'personallist.list',
  'personallist.delete',
  'reminder.add',
  'reminder.list',
  'reminder.delete',
  // cloud DVR
  'recording.add',
  'recording.get',
  'recording.list',
  'recording.cancel',
  'recording.delete',
  'recording.protect',
  'seriesrecording.add',
  'seriesrecording.list',
  'seriesrecording.delete',
  'householdquota.get',
  // store and account
  'subscription.list',
  'ppv.get',
  'householduser.list',
  'transactionhistory.list',
  'purchasesettings.get',
  'ottuser.resetpassword',
  'entitlement.cancelrenewal',
  'ottuser.register',
  'ottuser.update',
  'ottuser.updatepassword',
  'timeshiftedtvpartnersettings.get',
  'subscriptionset.list',
  'householdpaymentgateway.list',
  'householdpaymentmethod.list',
];

/** Multirequest cases made of those operations only. */
const retiredMultirequests = [
  'multirequest/serve-by-device-slot.json',
  'multirequest/pin-update-then-validate.json',
  'multirequest/device-pairing-flow.json',
  'multirequest/device-pin-before-claim.json',
  'multirequest/device-pin-household-full.json',
  'multirequest/device-pin-replaced.json',
  'multirequest/user-login-pin-flow.json',
  'multirequest/parental-enable-disable.json',
  'multirequest/next-episode-watched-all.json',
  'multirequest/history-clean-some.json',
  'multirequest/history-clean-all.json',
  'multirequest/personal-lists.json',
  'multirequest/reminders.json',
  'multirequest/recordings-flow.json',
  'multirequest/recording-quota.json',
  'multirequest/series-recordings.json',
  'multirequest/recording-playback.json',
  'multirequest/store-history.json',
  'multirequest/cancel-renewal.json',
  'multirequest/user-register-login-update.json',
  'multirequest/user-password-change.json',
  'multirequest/user-without-household-payments.json',
];

/** Cases of operations translated before issue 14 that exercise what it added (parental blocks). */
const retiredExtras = [
  'asset.getplaybackcontext/parental-guest-blocked.json',
  'asset.getplaybackcontext/parental-guest-before-entitlement.json',
  'asset.getplaybackcontext/parental-user-allowed.json',
  'asset.getplaybackcontext/parental-guest-g-rated.json',
  // recordings played back (cloud DVR)
  'asset.get/npvr-unknown.json',
  'asset.get/npvr-anonymous.json',
  'asset.getplaybackcontext/recording-unknown.json',
];

const cases = loadGoldenCases().filter((c) => retiredOperations.includes(c.operationId) || retiredMultirequests.includes(c.id) || retiredExtras.includes(c.id));
let deadVendor: Server;
let vendorConnections = 0;
let facade: RunningUnderstudy;
let target: GoldenTarget;

beforeAll(async () => {
  deadVendor = createServer((socket: Socket) => {
    vendorConnections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => deadVendor.listen(0, '127.0.0.1', resolve));
  const vendorUrl = `http://127.0.0.1:${(deadVendor.address() as AddressInfo).port}`;
  facade = await startFacadeLab({
    clock: frozenLabClock(),
    // With the vendor switched off there is nothing left to sync with (cut-over): the sync is off.
    overrides: { vendor: { url: vendorUrl }, policy: { file: labPolicyFile(defaultCatalogDir) }, sync: { mode: 'off' } },
  });
  target = {
    baseUrl: facade.url,
    reset: async () => {
      await (await fetch(`${facade.upstreams.platformUrl}/__sim/reset`, { method: 'POST' })).text();
    },
  };
}, 60_000);

afterAll(async () => {
  await facade.close();
  await new Promise<void>((resolve) => deadVendor.close(() => resolve()));
});

describe('device operations with the vendor unreachable (all-platform policy)', () => {
  it.each(retiredOperations)('%s has golden cases', (operationId) => {
    expect(cases.filter((c) => c.operationId === operationId).length).toBeGreaterThan(0);
  });

  it('finds every listed multirequest and extra case', () => {
    const listed = cases.filter((c) => !retiredOperations.includes(c.operationId)).map((c) => c.id);
    expect(listed.sort()).toEqual([...retiredMultirequests, ...retiredExtras].sort());
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, loaded) => {
    const result = await runGoldenCase(loaded, target);
    expect(result.problems).toEqual([]);
    if (result.status === 200) expect(validateVendorResponse(loaded.operationId, result.body)).toEqual([]);
  });

  it('never reached the vendor', () => {
    expect(vendorConnections).toBe(0);
  });
});
