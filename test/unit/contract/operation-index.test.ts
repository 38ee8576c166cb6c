import { findOperation, getOperation, listOperations } from '../../../src/contract/operation-index';
import { findVendorErrorByCode } from '../../../src/contract/error-catalogue';

const expected: [operationId: string, method: string][] = [
  ['ottuser.anonymousLogin', 'post'], ['ottuser.login', 'post'], ['ottuser.refreshSession', 'post'],
  ['ottuser.get', 'post'], ['ottuser.logout', 'post'], ['session.get', 'post'], ['session.revoke', 'post'],
  ['household.get', 'post'], ['householddevice.add', 'post'], ['householddevice.list', 'post'],
  ['householddevice.get', 'post'], ['householddevice.delete', 'post'], ['asset.get', 'post'], ['asset.list', 'post'],
  ['asset.getPlaybackContext', 'post'], ['assetfile.playManifest', 'get'], ['bookmark.add', 'post'],
  ['bookmark.list', 'post'], ['favorite.add', 'post'], ['favorite.delete', 'post'], ['favorite.list', 'post'],
  ['assethistory.list', 'post'], ['entitlement.list', 'post'], ['productprice.list', 'post'],
  ['transaction.purchase', 'post'], ['multirequest', 'post'],
  ['configurations.serveByDevice', 'get'], ['system.ping', 'post'], ['system.getTime', 'post'], ['system.getVersion', 'post'],
  ['pin.get', 'post'], ['pin.update', 'post'], ['pin.validate', 'post'],
  ['householddevice.generatePin', 'post'], ['householddevice.addByPin', 'post'], ['householddevice.loginWithPin', 'post'],
  ['userloginpin.add', 'post'], ['ottuser.loginWithPin', 'post'],
  ['parentalrule.list', 'post'], ['parentalrule.enable', 'post'], ['parentalrule.disable', 'post'], ['userassetrule.list', 'post'],
  ['channel.get', 'post'], ['lineup.get', 'post'],
  ['assethistory.getNextEpisode', 'post'], ['assethistory.clean', 'post'],
  ['personallist.add', 'post'], ['personallist.list', 'post'], ['personallist.delete', 'post'],
  ['reminder.add', 'post'], ['reminder.list', 'post'], ['reminder.delete', 'post'],
  ['subscription.list', 'post'], ['ppv.get', 'post'], ['householduser.list', 'post'], ['transactionhistory.list', 'post'], ['purchasesettings.get', 'post'], ['ottuser.resetPassword', 'post'],
  ['ottuser.register', 'post'], ['ottuser.update', 'post'], ['ottuser.updatePassword', 'post'], ['timeshiftedtvpartnersettings.get', 'post'], ['subscriptionset.list', 'post'], ['householdpaymentgateway.list', 'post'], ['householdpaymentmethod.list', 'post'], ['entitlement.cancelRenewal', 'post'],
  ['recording.add', 'post'], ['recording.get', 'post'], ['recording.list', 'post'], ['recording.cancel', 'post'], ['recording.delete', 'post'], ['recording.protect', 'post'],
  ['seriesrecording.add', 'post'], ['seriesrecording.list', 'post'], ['seriesrecording.delete', 'post'], ['householdquota.get', 'post'],
];

describe('vendor operation index', () => {
  it.each(expected)('has %s (%s) at /api_v3/service/<service>/action/<action>', (operationId, method) => {
    const op = getOperation(operationId);
    expect(op).toBeDefined();
    expect(op!.operationId).toBe(operationId);
    expect(op!.method).toBe(method);
    const path = operationId === 'multirequest'
      ? '/api_v3/service/multirequest'
      : `/api_v3/service/${op!.service}/action/${op!.action}`;
    expect(op!.path).toBe(path);
    expect(op!.service).toBe(op!.service.toLowerCase());
    expect(op!.responseSchema).toBeDefined();
    expect(op!.requestSchema).toBeDefined();
  });

  it('lists exactly the expected operations', () => {
    expect(listOperations().map((op) => op.operationId).sort()).toEqual(expected.map(([id]) => id).sort());
  });

  it('finds operations case-insensitively (brief §1.2)', () => {
    expect(findOperation('ottUser', 'anonymousLogin')?.operationId).toBe('ottuser.anonymousLogin');
    expect(findOperation('OTTUser', 'ANONYMOUSLOGIN')?.operationId).toBe('ottuser.anonymousLogin');
    expect(findOperation('householdDevice', 'add')?.operationId).toBe('householddevice.add');
    expect(findOperation('assetFile', 'playManifest')?.operationId).toBe('assetfile.playManifest');
    expect(findOperation('MultiRequest')?.operationId).toBe('multirequest');
    expect(findOperation('asset', 'nope')).toBeUndefined();
  });

  it('declares x-errors only with codes of the catalogue, KS codes on KS-taking calls', () => {
    for (const op of listOperations()) {
      expect(op.errorCodes.length).toBeGreaterThan(0);
      const unknown = op.errorCodes.filter((code) => findVendorErrorByCode(code) === undefined);
      expect({ op: op.operationId, unknown }).toEqual({ op: op.operationId, unknown: [] });
    }
    const withoutKs = new Set(['ottuser.anonymousLogin', 'ottuser.login']);
    for (const op of listOperations().filter((o) => !withoutKs.has(o.operationId))) {
      expect({ op: op.operationId, ks: ['500015', '500016'].every((c) => op.errorCodes.includes(c)) })
        .toEqual({ op: op.operationId, ks: true });
    }
  });

  it('exposes the playManifest path parameters as its request schema', () => {
    const schema = getOperation('assetfile.playManifest')!.requestSchema as { properties: object; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['partnerId', 'assetId', 'assetType', 'assetFileId', 'contextType', 'ks']));
    expect(schema.required).toEqual(expect.arrayContaining(['assetFileId']));
  });
});
