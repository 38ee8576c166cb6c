import { normalisePath, parseVendorRoute, settleVendorTarget } from '../../../src/phoenix/routing';

describe('parseVendorRoute', () => {
  it.each([
    ['/api_v3/service/asset/action/get', '', 'asset', 'get'],
    ['/v4_6/api_v3/service/ottUser/action/anonymousLogin', '/v4_6/api_v3', 'ottUser', 'anonymousLogin'],
    ['/restful_V4_4/api_v3/service/asset/action/get/', '/restful_V4_4/api_v3', 'asset', 'get'],
    ['/v4_5/api_v3//service/asset//action/get', '/v4_5/api_v3', 'asset', 'get'],
    ['/service/asset/action/get', '', 'asset', 'get'],
  ])('path routing %s', (path, base, service, action) => {
    const route = parseVendorRoute(path);
    expect(route).toMatchObject({ service, action, pathParams: {} });
    expect(route.apiBasePath).toBe(base === '' && path.startsWith('/api_v3') ? '/api_v3' : base);
  });
  it('reads multirequest without action and trailing pairs', () => {
    expect(parseVendorRoute('/api_v3/service/multirequest')).toMatchObject({ service: 'multirequest', action: undefined });
    expect(parseVendorRoute('/api_v3/service/multirequest/format/1').pathParams).toEqual({ format: '1' });
  });
  it('reads /key/value pairs and the file-name hint', () => {
    const route = parseVendorRoute('/v4_6/api_v3/service/assetFile/action/playManifest/partnerId/198/assetId/480097/assetType/media/assetFileId/728179/contextType/PLAYBACK/a.m3u8');
    expect(route).toMatchObject({ service: 'assetFile', action: 'playManifest', fileHint: 'a.m3u8', apiBasePath: '/v4_6/api_v3' });
    expect(route.pathParams).toEqual({ partnerId: '198', assetId: '480097', assetType: 'media', assetFileId: '728179', contextType: 'PLAYBACK' });
    expect(parseVendorRoute('/api_v3/service/x/action/y/ks/a%2Bb%3D').pathParams).toEqual({ ks: 'a+b=' });
  });
  it('falls back to query routing', () => {
    const route = parseVendorRoute('/api_v3/', { service: 'Configurations', action: 'serveByDevice' });
    expect(route).toMatchObject({ service: 'Configurations', action: 'serveByDevice', apiBasePath: '/api_v3' });
    expect(parseVendorRoute('/api_v3/service/asset', { action: 'get' })).toMatchObject({ service: 'asset', action: 'get' });
  });
  it('normalises paths', () => {
    expect(normalisePath('//a///b/')).toBe('/a/b');
    expect(normalisePath('/')).toBe('');
  });
});

describe('settleVendorTarget', () => {
  it('lower-cases the operation id and recognises multirequest', () => {
    expect(settleVendorTarget(parseVendorRoute('/api_v3/service/OTTUser/action/Login'))).toEqual({ ok: true, value: { service: 'OTTUser', action: 'Login', operationId: 'ottuser.login', isMultirequest: false } });
    expect(settleVendorTarget(parseVendorRoute('/api_v3/service/MultiRequest'))).toMatchObject({ ok: true, value: { operationId: 'multirequest', isMultirequest: true } });
  });
  it('takes service/action from the body when the URL has none', () => {
    expect(settleVendorTarget(parseVendorRoute('/api_v3'), { service: 'asset', action: 'get' })).toMatchObject({ ok: true, value: { operationId: 'asset.get' } });
  });
  it('answers 500011 without service and 500033 without action', () => {
    expect(settleVendorTarget(parseVendorRoute('/api_v3'))).toMatchObject({ ok: false, error: { code: '500011' } });
    expect(settleVendorTarget(parseVendorRoute('/api_v3/service/asset'))).toMatchObject({ ok: false, error: { code: '500033', message: 'Action not specified' } });
  });
});
