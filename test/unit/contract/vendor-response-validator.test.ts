import { validateVendorComponent, validateVendorResponse } from '../../../src/contract/response-validator';

const ok = (result: unknown) => ({ executionTime: 0.0123, result });

const mediaAsset = {
  objectType: 'KalturaMediaAsset',
  id: 480097,
  type: 421,
  name: 'Lab movie',
  description: '',
  images: [{ objectType: 'KalturaMediaImage', ratio: '16:9', width: 1280, height: 720, url: 'https://img.test/thumbnail/1/width/1280/height/720', version: 0, id: 'a1', isDefault: true }],
  mediaFiles: [{ objectType: 'KalturaMediaFile', assetId: 480097, id: 728179, type: 'Mobile_Devices_Main_HD', url: 'https://cdn.test/a.m3u8', duration: 5400, externalId: 'f1', fileSize: 0 }],
  metas: {
    Year: { objectType: 'KalturaLongValue', value: 2019 },
    Rating: { objectType: 'KalturaDoubleValue', value: 7.5 },
    Free: { objectType: 'KalturaBooleanValue', value: true },
    Synopsis: { objectType: 'KalturaMultilingualStringValue', value: 'A film' },
    Studio: { objectType: 'KalturaStringValue', value: 'Lab' },
  },
  tags: { Genre: { objectType: 'KalturaMultilingualStringValueArray', objects: [{ objectType: 'KalturaMultilingualStringValue', value: 'Drama' }] } },
  relatedEntities: {},
  startDate: 1594310672,
  endDate: 4070908800,
  createDate: 1594310672,
  externalIds: '0',
  entryId: '',
  status: true,
  indexStatus: 'Ok',
  someDeprecatedField: 'still on the wire', // outputs allow extra fields (brief §2.7)
};

const blockedContext = {
  objectType: 'KalturaPlaybackContext',
  sources: [],
  actions: [{ objectType: 'KalturaAccessControlBlockAction', type: 'BLOCK' }],
  messages: [{ objectType: 'KalturaAccessControlMessage', code: 'ConcurrencyLimitation', message: 'Concurrency limitation' }],
  playbackCaptions: [],
  plugins: [],
};

const allowedContext = {
  objectType: 'KalturaPlaybackContext',
  sources: [{
    objectType: 'KalturaPlaybackSource', id: 728179, assetId: 480097, type: 'Mobile_Devices_Main_HD', format: 'applehttp',
    protocols: 'http,https', duration: 5400, isTokenized: false, fileSize: 0, externalId: 'f1',
    url: 'https://api.test/api_v3/service/assetFile/action/playManifest/partnerId/198/assetId/480097/assetType/media/assetFileId/728179/contextType/PLAYBACK/a.m3u8',
    drm: [
      { objectType: 'KalturaFairPlayPlaybackPluginData', scheme: 'FAIRPLAY', licenseURL: 'https://drm.test/fairplay', certificate: 'LAB-FAIRPLAY-CERT' },
      { objectType: 'KalturaDrmPlaybackPluginData', scheme: 'WIDEVINE_CENC', licenseURL: 'https://drm.test/widevine' },
    ],
  }],
  actions: [],
  messages: [{ objectType: 'KalturaAccessControlMessage', code: 'OK', message: 'OK' }],
  plugins: [{ objectType: 'KalturaBumpersPlaybackPluginData', streamertype: 'progressive', url: 'https://cdn.test/bumper.mp4' }],
};

const expiredKs = { objectType: 'KalturaAPIException', code: '500016', message: 'KS expired' };

describe('validateVendorResponse: accepts valid envelopes', () => {
  it.each([
    ['asset.get with a KalturaMediaAsset', 'asset.get', ok(mediaAsset)],
    ['asset.get with a KalturaLiveAsset', 'asset.get', ok({ ...mediaAsset, objectType: 'KalturaLiveAsset', enableTrickPlay: true, externalIds: '26368', channelType: 'OTT' })],
    ['a blocked playback context', 'asset.getPlaybackContext', ok(blockedContext)],
    ['an allowed playback context with DRM and a bumper', 'asset.getPlaybackContext', ok(allowedContext)],
    ['a boolean result', 'bookmark.add', ok(true)],
    ['an error envelope', 'asset.get', ok({ error: expiredKs })],
    ['an error envelope with args', 'bookmark.list', ok({ error: { objectType: 'KalturaAPIException', code: '50027', message: 'Argument [filter.assetIdIn] cannot be empty', args: [{ objectType: 'KalturaApiExceptionArg', name: 'argument', value: 'filter.assetIdIn' }] } })],
    ['an asset list', 'asset.list', ok({ objectType: 'KalturaAssetListResponse', objects: [mediaAsset], totalCount: 12 })],
    ['an anonymous login session', 'ottuser.anonymousLogin', ok({ objectType: 'KalturaLoginSession', ks: 'djJ8MTk4fA', refreshToken: 'r1', expiry: 1700604800 })],
    ['a session', 'session.get', ok({ objectType: 'KalturaSession', ks: 'djJ8MTk4fA', partnerId: 198, userId: '0', expiry: 1700604800, udid: '', createDate: 1700000000 })],
    ['a playManifest error (unknown file)', 'assetfile.playManifest', ok({ error: { objectType: 'KalturaAPIException', code: '500007', message: 'Asset not found' } })],
    ['an entitlement list', 'entitlement.list', ok({ objectType: 'KalturaEntitlementListResponse', totalCount: 1, objects: [{ objectType: 'KalturaPpvEntitlement', id: 9, productId: '30', endDate: 1800000000, mediaFileId: 728179, mediaId: 480097 }] })],
    ['a multirequest whole failure', 'multirequest', ok({ error: { objectType: 'KalturaAPIException', code: '500015', message: 'Invalid KS format' } })],
  ])('%s', (_label, operationId, body) => {
    expect(validateVendorResponse(operationId, body)).toEqual([]);
  });

  it('a multirequest mixed array: login session, asset, error item, boolean', () => {
    const body = ok([
      { objectType: 'KalturaLoginSession', ks: 'djJ8MTk4fA' },
      mediaAsset,
      { error: { objectType: 'KalturaAPIException', code: '500007', message: 'Asset not found' } },
      true,
    ]);
    expect(validateVendorResponse('multirequest', body)).toEqual([]);
  });
});

describe('validateVendorResponse: rejects invalid envelopes', () => {
  it('a numeric error code (brief §7.2)', () => {
    const errors = validateVendorResponse('bookmark.add', ok({ error: { ...expiredKs, code: 500016 } }));
    expect(errors).toContain('/result/error/code must be string');
  });

  it('an error code that is not numeric', () => {
    expect(validateVendorResponse('bookmark.add', ok({ error: { ...expiredKs, code: 'ExpiredKS' } }))).not.toEqual([]);
  });

  it('a result object missing objectType (brief §7.3)', () => {
    const { objectType: _dropped, ...noType } = mediaAsset;
    expect(validateVendorResponse('asset.get', ok(noType))).not.toEqual([]);
    expect(validateVendorResponse('ottuser.anonymousLogin', ok({ ks: 'djJ8MTk4fA' }))).toEqual(["/result must have required property 'objectType'"]);
  });

  it('an unknown asset subtype', () => {
    expect(validateVendorResponse('asset.get', ok({ ...mediaAsset, objectType: 'KalturaSomethingAsset' }))).toEqual([
      '/result value of tag "objectType" must be in oneOf: "KalturaSomethingAsset"',
    ]);
  });

  it('an asset missing metas (brief §7.10)', () => {
    const { metas: _dropped, ...noMetas } = mediaAsset;
    expect(validateVendorResponse('asset.get', ok(noMetas))).toEqual(["/result must have required property 'metas'"]);
  });

  it('an asset whose id is a string (brief §2.5)', () => {
    expect(validateVendorResponse('asset.get', ok({ ...mediaAsset, id: '480097' }))).toEqual(['/result/id must be integer']);
  });

  it('a list missing totalCount (brief §2.3)', () => {
    expect(validateVendorResponse('asset.list', ok({ objectType: 'KalturaAssetListResponse', objects: [] }))).toEqual([
      "/result must have required property 'totalCount'",
    ]);
  });

  it('a playback context missing actions and messages', () => {
    const errors = validateVendorResponse('asset.getPlaybackContext', ok({ objectType: 'KalturaPlaybackContext', sources: [] }));
    expect(errors).toEqual(["/result must have required property 'actions'", "/result must have required property 'messages'"]);
  });

  it('a boolean result sent as a string', () => {
    expect(validateVendorResponse('favorite.delete', ok('true'))).toEqual(['/result must be boolean']);
  });

  it('a block action of another type', () => {
    const body = ok({ ...blockedContext, actions: [{ objectType: 'KalturaAccessControlBlockAction', type: 'ALLOW' }] });
    expect(validateVendorResponse('asset.getPlaybackContext', body)).not.toEqual([]);
  });

  it('an envelope without executionTime', () => {
    expect(validateVendorResponse('bookmark.add', { result: true })).toEqual(["/ must have required property 'executionTime'"]);
  });

  it('an unknown operation', () => {
    expect(validateVendorResponse('asset.nope', ok(true))).toEqual(['unknown vendor operation "asset.nope"']);
  });
});

describe('validateVendorComponent', () => {
  it('validates one named schema', () => {
    expect(validateVendorComponent('KalturaMediaAsset', mediaAsset)).toEqual([]);
    expect(validateVendorComponent('KalturaAccessControlMessage', { objectType: 'KalturaAccessControlMessage', code: 'OK' })).toEqual([
      "/ must have required property 'message'",
    ]);
    expect(validateVendorComponent('NoSuchSchema', {})).toEqual(['unknown vendor schema "NoSuchSchema"']);
  });
});
