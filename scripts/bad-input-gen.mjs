#!/usr/bin/env node
// Writes the bad-input corpus (fixtures/bad-input/*.ndjson, format in fixtures/bad-input/README.md)
// deterministically: same script, same bytes. `node scripts/bad-input-gen.mjs [--check]`; --check
// fails when the committed files differ from what the script writes.
import { createCipheriv, createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'bad-input');

/** mulberry32: a small seeded PRNG so every run writes the same cases. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(9);
const pick = (list) => list[Math.floor(rand() * list.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const api = (service, action) => `/api_v3/service/${service}/action/${action}`;
const login = api('ottuser', 'anonymousLogin');
const head = (method, target, headers, version = 'HTTP/1.1') => ({ method, target, version, headers });
const jsonHeaders = (extra = []) => [['Host', '127.0.0.1'], ['Content-Type', 'application/json'], ['Content-Length', '{{len}}'], ['Connection', 'close'], ...extra];
const rep = (r, n) => ({ r, n });

/** A KS minted exactly as the vendor mints one, with a secret that is not the partner's (a forgery). */
function forgeKs(secret, partnerId, fields) {
  const random = Buffer.from(Array.from({ length: 16 }, () => int(0, 255)));
  const text = Buffer.from(new URLSearchParams(fields).toString(), 'utf8');
  const key = createHash('sha1').update(secret, 'utf8').digest().subarray(0, 16);
  const cipher = createCipheriv('aes-128-cbc', key, Buffer.alloc(16));
  const signature = createHash('sha1').update(random).update(text).digest();
  const blob = Buffer.concat([cipher.update(Buffer.concat([signature, random, text])), cipher.final()]);
  return Buffer.concat([Buffer.from(`v2|${partnerId}|`), blob]).toString('base64url');
}

const cases = new Map();
function add(category, name, spec) {
  const id = `${category}/${name}`;
  if (cases.has(id)) throw new Error(`duplicate case ${id}`);
  cases.set(id, { id, ...spec });
}

// ── framing and smuggling ────────────────────────────────────────────────────────────────────
function framing() {
  const chunkedBody = '12\r\n{"partnerId":3197}\r\n0\r\n\r\n';
  const codings = ['gzip, chunked', 'chunked, gzip', 'identity', 'deflate', 'compress', 'br', 'gzip', 'chunked, identity', 'identity, chunked', 'chunked;q=1', 'x-custom, chunked', 'chunked , chunked', 'CHUNKED, gzip', '\tgzip, chunked', 'gzip,chunked', 'gzip ,chunked', 'chunked,', ',chunked', 'chunk', 'chunked\u000b', 'xchunked'];
  codings.forEach((coding, i) => add('framing', `te-${i}`, { description: `Transfer-Encoding: ${coding}`, raw: `POST ${login} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: ${coding}\r\n\r\n${chunkedBody}`, expect: { reject: true, status: [400, 501], close: true } }));
  ['chunked', 'Chunked', 'CHUNKED', ' chunked'].forEach((coding, i) => add('framing', `te-plain-${i}`, { description: `plain chunked (${JSON.stringify(coding)}) is served`, raw: `POST ${login} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding:${coding}\r\nConnection: close\r\n\r\n${chunkedBody}`, expect: { status: [200] } }));
  add('framing', 'te-twice', { raw: `POST ${login} HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n${chunkedBody}`, expect: { reject: true, status: [400, 501], close: true } });
  add('framing', 'cl-te', { description: 'CL.TE smuggling', raw: `POST ${login} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /__sim/reset HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`, expect: { reject: true, status: [400, 501], close: true } });
  add('framing', 'te-cl', { description: 'TE.CL smuggling', raw: `POST ${login} HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n5c\r\nGPOST / HTTP/1.1\r\nContent-Length: 15\r\n\r\nx=1\r\n0\r\n\r\n`, expect: { reject: true, status: [400, 501], close: true } });
  add('framing', 'te-obfuscated-space', { raw: `POST ${login} HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding : chunked\r\n\r\n${chunkedBody}`, expect: { reject: true, status: [400, 501], close: true } });
  add('framing', 'te-obs-fold', { raw: `POST ${login} HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip,\r\n chunked\r\n\r\n${chunkedBody}`, expect: { reject: true, status: [400, 501], close: true } });
  const lengths = ['-1', '+18', '18, 19', '0x12', '1e2', ' ', 'abc', '99999999999999999999', '18 18', '１８'];
  lengths.forEach((cl, i) => add('framing', `cl-${i}`, { description: `Content-Length: ${cl}`, raw: `POST ${login} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${cl}\r\n\r\n{"partnerId":3197}`, halfClose: true, expect: { reject: true, status: [0, 400, 413], close: true } }));
  add('framing', 'cl-twice-different', { raw: `POST ${login} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 18\r\nContent-Length: 5\r\n\r\n{"partnerId":3197}`, expect: { reject: true, status: [400], close: true } });
  add('framing', 'cl-shorter-than-body', { description: 'the rest is a second, pipelined request: never a smuggled one', raw: `POST ${login} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 18\r\n\r\n{"partnerId":3197}GET /__sim/reset HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, expect: { status: [200] } });
  add('framing', 'cl-longer-than-body', { raw: `POST ${login} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"partnerId":3197}`, halfClose: true, expect: { reject: true, status: [0, 400], close: true } });
  const versions = ['HTTP/2.0', 'HTTP/0.9', 'HTTP/1.2', 'HTTP/3.0', 'HTTP/9.9', 'http/1.1', 'HTTP/1', 'HTTP/1.1.1', 'HTTPS/1.1', 'HTTP/01.1', 'HTTP/1.10', '', 'HTTP/2', 'XTTP/1.1', 'HTTP/1.1 extra'];
  versions.forEach((v, i) => add('framing', `version-${i}`, { description: `request line version ${JSON.stringify(v)}`, raw: `GET ${login}?partnerId=3197 ${v}\r\nHost: 127.0.0.1\r\n\r\n`, halfClose: true, expect: { reject: true, status: [0, 400, 505], close: true } }));
  const lines = ['GET  /api_v3 HTTP/1.1', ' GET /api_v3 HTTP/1.1', 'GET /api_v3  HTTP/1.1', 'GET\t/api_v3\tHTTP/1.1', 'G\u0000T /api_v3 HTTP/1.1', 'GET /api v3 HTTP/1.1', 'GET /api_v3\u0000 HTTP/1.1', 'GET HTTP/1.1', 'GET', '/api_v3 HTTP/1.1', 'GE(T /api_v3 HTTP/1.1', `${'A'.repeat(300)} /api_v3 HTTP/1.1`, 'BREW /api_v3 HTTP/1.1', 'CONNECT evil.example:443 HTTP/1.1', 'TRACE / HTTP/1.1', 'PRI * HTTP/2.0', 'GET /\r/api_v3 HTTP/1.1', 'GET /%0d%0aSet-Cookie:x HTTP/1.1'];
  lines.forEach((line, i) => add('framing', `request-line-${i}`, { description: `request line ${JSON.stringify(line.slice(0, 60))}`, raw: `${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, halfClose: true, expect: { reject: !line.startsWith('BREW') && !line.startsWith('TRACE') && !line.includes('%0d'), status: [0, 200, 400, 404, 405, 501, 505] } }));
  const bareLf = [`POST ${login} HTTP/1.1\nHost: 127.0.0.1\nContent-Length: 18\n\n{"partnerId":3197}`, `POST ${login} HTTP/1.1\r\nHost: 127.0.0.1\nContent-Length: 18\r\n\r\n{"partnerId":3197}`, `POST ${login} HTTP/1.1\rHost: 127.0.0.1\r\n\r\n`];
  bareLf.forEach((raw, i) => add('framing', `line-ends-${i}`, { raw, halfClose: true, expect: { status: [0, 200, 400] } }));
  const chunks = ['zz\r\n{}\r\n0\r\n\r\n', 'ffffffffffffffffff\r\n{}\r\n0\r\n\r\n', '-5\r\n{}\r\n0\r\n\r\n', '2;ext=' + 'x'.repeat(20000) + '\r\n{}\r\n0\r\n\r\n', '2\r\n{}', '2\r\n{}XX\r\n0\r\n\r\n', '0\r\nX-Trailer: ' + 'y'.repeat(20000) + '\r\n\r\n', '2\n{}\n0\n\n', '2 \r\n{}\r\n0\r\n\r\n', '0x2\r\n{}\r\n0\r\n\r\n'];
  chunks.forEach((body, i) => add('framing', `chunk-${i}`, { description: 'malformed chunked body', raw: `POST ${login} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${body}`, halfClose: true, expect: { status: [0, 200, 400, 413, 431] } }));
  for (let i = 0; i < 20; i++) {
    const n = int(1, 60);
    const garbage = Array.from({ length: n }, () => String.fromCharCode(int(0, 255))).join('');
    add('framing', `garbage-${i}`, { description: 'random bytes instead of a request', raw: `${garbage}\r\n\r\n`, halfClose: true, expect: { reject: true, status: [0, 400, 505] } });
  }
  add('framing', 'pipelined-10', { raw: Array.from({ length: 10 }, (_, i) => `GET ${login}?partnerId=3197 HTTP/1.1\r\nHost: 127.0.0.1\r\n${i === 9 ? 'Connection: close\r\n' : ''}\r\n`).join(''), expect: { status: [200], close: true } });
  add('framing', 'expect-100', { request: head('POST', login, jsonHeaders([['Expect', '100-continue']])), body: '{"partnerId":3197}', expect: { status: [100, 200] } });
  add('framing', 'expect-unknown', { request: head('POST', login, jsonHeaders([['Expect', 'teapot']])), body: '{"partnerId":3197}', expect: { status: [200, 417] } });
}

// ── headers ──────────────────────────────────────────────────────────────────────────────────
function headers() {
  const hosts = [['Host', 'evil.example'], ['host', '127.0.0.1'], ['HOST', 'a'], ['Host', ''], ['Host', '127.0.0.1:1'], ['hOsT', 'evil.example:443']];
  hosts.forEach((second, i) => add('headers', `host-twice-${i}`, { request: head('POST', login, [['Host', '127.0.0.1'], second, ['Content-Type', 'application/json'], ['Content-Length', '{{len}}']]), body: '{"partnerId":3197}', expect: { reject: true, status: [400], close: true } }));
  add('headers', 'host-missing', { raw: `GET ${login}?partnerId=3197 HTTP/1.1\r\n\r\n`, halfClose: true, expect: { reject: true, status: [400], close: true } });
  const hostValues = ['evil.example', 'evil.example:80', '[::1]', 'a'.repeat(3000), 'host with space', 'évil.example', 'evil.example\u0000', '127.0.0.1@evil.example', '-', '*'];
  hostValues.forEach((value, i) => add('headers', `host-odd-${i}`, { description: 'any single Host is served; it never reaches a URL', request: head('POST', login, [['Host', value], ['Content-Type', 'application/json'], ['Content-Length', '{{len}}'], ['Connection', 'close']]), body: '{"partnerId":3197}', expect: { status: [200, 400], noText: ['evil.example'] } }));
  add('headers', 'huge-header', { request: head('GET', `${login}?partnerId=3197`, [['Host', '127.0.0.1'], ['X-Big', 'x'.repeat(20000)]]), halfClose: true, expect: { reject: true, status: [0, 431, 400], close: true } });
  add('headers', 'many-headers', { request: head('GET', `${login}?partnerId=3197`, [['Host', '127.0.0.1'], ['Connection', 'close'], ...Array.from({ length: 3000 }, (_, i) => [`X-H${i}`, 'v'])]), halfClose: true, expect: { status: [0, 200, 400, 431] } });
  const badNames = ['X Y', 'X:Y', 'X\u0000', '(X)', 'X\u007f', 'é', '', ' X', 'X\t'];
  badNames.forEach((name, i) => add('headers', `bad-name-${i}`, { raw: `GET ${login}?partnerId=3197 HTTP/1.1\r\nHost: 127.0.0.1\r\n${name}: v\r\nConnection: close\r\n\r\n`, halfClose: true, expect: { status: [0, 200, 400] } }));
  const badValues = ['a\u0000b', 'a\rb', 'é'.repeat(100), '\u00ff\u00fe', 'a\u0007b', ' '.repeat(1000), '\t'];
  badValues.forEach((value, i) => add('headers', `bad-value-${i}`, { raw: `GET ${login}?partnerId=3197 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Odd: ${value}\r\nConnection: close\r\n\r\n`, halfClose: true, expect: { status: [0, 200, 400] } }));
  const types = ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '', 'application/json; charset=utf-16', 'application/json; charset=' + 'x'.repeat(5000), 'json', '*/*', 'application/json, text/html', 'image/png'];
  const bodies = ['{"partnerId":3197}', 'partnerId=3197', '<xml/>', '\u0000\u0001', '{"partnerId":', '--x\r\nContent-Disposition: form-data; name="partnerId"\r\n\r\n3197\r\n--x--'];
  types.forEach((type, i) => bodies.forEach((body, j) => add('headers', `content-type-${i}-${j}`, { request: head('POST', login, [['Host', '127.0.0.1'], ['Content-Type', type], ['Content-Length', '{{len}}'], ['Connection', 'close']]), body, expect: { status: [200] } })));
  const encodings = ['gzip', 'br', 'deflate', 'x-unknown', 'gzip, gzip, gzip', 'identity'];
  encodings.forEach((enc, i) => add('headers', `content-encoding-${i}`, { request: head('POST', login, jsonHeaders([['Content-Encoding', enc]])), body: '{"partnerId":3197}', expect: { status: [200, 415] } }));
  const accepts = ['Accept-Encoding: gzip;q=0, *;q=0', 'Accept: text/html', 'Accept-Charset: utf-7', 'Range: bytes=0-10', 'Range: bytes=' + '0-1,'.repeat(2000) + '0-1', 'If-None-Match: *', 'Cookie: ' + 'a=b; '.repeat(2000), 'Authorization: Bearer ' + 'x'.repeat(8000), 'Origin: null', 'Origin: http://evil.example', 'User-Agent: \u00ff\u00ff', 'Referer: javascript:alert(1)'];
  accepts.forEach((line, i) => add('headers', `misc-${i}`, { raw: `GET ${login}?partnerId=3197 HTTP/1.1\r\nHost: 127.0.0.1\r\n${line}\r\nConnection: close\r\n\r\n`, halfClose: true, expect: { status: [0, 200, 400, 431] } }));
}

// ── paths ────────────────────────────────────────────────────────────────────────────────────
function paths() {
  const notApi = ['/', '/__sim/reset', '/__sim/faults', '/__sim/health', '/__sim/clock', '/etc/passwd', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/admin', '/admin/status', '/.env', '/favicon.ico', '/robots.txt', '/api_v3', '/api_v3/', '/api_v3/service', '/api_v3/service/', '//', '/%00', '/%ZZ', '/index.php?x=1', '/api_v3/..%2f__sim/reset', '/api_v3/%2e%2e/__sim/reset', '/\u00e9', '/%F0%9F%92%A9', '/' + 'a/'.repeat(2000), '/' + 'x'.repeat(8000)];
  notApi.forEach((path, i) => ['GET', 'POST', 'PUT', 'DELETE'].forEach((method) => add('paths', `not-api-${i}-${method.toLowerCase()}`, { description: `${method} ${path.slice(0, 40)}: not a vendor call, never forwarded`, request: head(method, path, [['Host', '127.0.0.1'], ['Content-Length', '{{len}}'], ['Connection', 'close']]), body: method === 'GET' ? '' : '{}', expect: { reject: true, status: [0, 200, 400, 414, 431] } })));
  const services = ['nosuchservice', 'asset/action', 'ASSET', 'a%00sset', 'asset%2f..%2fottuser', 'x'.repeat(5000), '__proto__', 'constructor', 'toString', 'hasOwnProperty'];
  services.forEach((service, i) => add('paths', `service-${i}`, { request: head('POST', `/api_v3/service/${service}/action/get`, jsonHeaders()), body: '{}', expect: { status: [200, 414, 431] } }));
  const actions = ['__proto__', 'constructor', 'toString', 'valueOf', 'x'.repeat(3000), '', '%00', 'get%2F..', 'GET', 'list/extra/odd'];
  actions.forEach((action, i) => add('paths', `action-${i}`, { request: head('POST', `/api_v3/service/asset/action/${action}`, jsonHeaders()), body: '{}', expect: { status: [200] } }));
  const queries = ['__proto__[polluted]=1', 'constructor[prototype][polluted]=1', 'a[b][c][d][e]=1', 'service=asset&service=ottuser&action=get', '%ZZ=1', '=1&=2', '&&&&', 'ks[]=a&ks[]=b', 'ks[x]=1', 'partnerId=3197&partnerId[a]=1', 'x=' + 'y'.repeat(10000), Array.from({ length: 3000 }, (_, i) => `k${i}=v`).join('&'), 'a' + '[b]'.repeat(200) + '=1', 'a' + ':b'.repeat(200) + '=1', 'filter:objectType=KalturaSearchAssetFilter&filter:kSql=' + encodeURIComponent("(and name~'x')".repeat(200))];
  queries.forEach((query, i) => add('paths', `query-${i}`, { request: head('GET', `${api('asset', 'list')}?${query}`, [['Host', '127.0.0.1'], ['Connection', 'close']]), expect: { status: [200, 414, 431], reject: query.includes('[b][b][b]') || query.includes(':b:b:b') } }));
  for (let i = 0; i < 20; i++) {
    const segments = Array.from({ length: int(1, 12) }, () => pick(['service', 'action', 'asset', 'get', 'ks', '{{ks:flip:20:7}}', '..', '.', '%2F', 'api_v3', 'v4_6', 'id', '480001', 'a.m3u8', '', '%', '~']));
    add('paths', `random-${i}`, { request: head('GET', `/${segments.join('/')}`, [['Host', '127.0.0.1'], ['Connection', 'close']]), expect: { status: [0, 200, 302, 400] } });
  }
}

// ── bodies ───────────────────────────────────────────────────────────────────────────────────
function bodies() {
  const broken = ['{', '}', '{"partnerId":3197', '{"partnerId":3197,}', "{'partnerId':3197}", '{"partnerId":NaN}', '{"partnerId":Infinity}', '{"partnerId":01}', '{"a":"\\x41"}', '{"a":"\\u12"}', '{"a":"\u0000"}', '[', '[1,2', '"unterminated', 'null', 'true', '1', '"str"', '[]', '[{}]', '{"a":1}{"b":2}', '{"a":1} trailing', '\ufeff\ufeff{}', '{"\ud800":1}', '{"a":"\ud800"}', '{"partnerId":1e400}', '{"partnerId":-1e400}', '{"partnerId":123456789012345678901234567890}', '{"a":' + '1'.repeat(10000) + '}', '{"a":"' + '\\u0000'.repeat(5000) + '"}', '{"a":1,"a":2,"a":3}', '{"__proto__":{"polluted":1},"partnerId":3197}', '{"constructor":{"prototype":{"polluted":1}},"partnerId":3197}', '{"partnerId":{"toString":1}}', '{"partnerId":[3197]}', '{"partnerId":{"$gt":0}}', '/* comment */ {}', '{"partnerId":3197}\u0000', '\u0000{}', 'undefined'];
  const ops = [['ottuser', 'anonymousLogin'], ['asset', 'get'], ['asset', 'list'], ['householddevice', 'delete'], ['bookmark', 'add']];
  broken.forEach((body, i) => ops.forEach(([service, action]) => add('bodies', `json-${i}-${action.toLowerCase()}`, { request: head('POST', api(service, action), jsonHeaders()), body, expect: { status: [200] } })));
  const binaries = [Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), Buffer.from([0xc3, 0x28]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(Array.from({ length: 512 }, () => int(0, 255)))];
  binaries.forEach((bytes, i) => add('bodies', `binary-${i}`, { request: head('POST', login, jsonHeaders()), bodyBase64: bytes.toString('base64'), expect: { status: [200] } }));
  add('bodies', 'over-limit', { request: head('POST', api('asset', 'get'), jsonHeaders()), body: [{ s: '{"id":"1","pad":"' }, rep('x', 1_100_000), { s: '"}' }], expect: { reject: true, code: '500003' } });
  add('bodies', 'far-over-limit', { request: head('POST', api('asset', 'get'), [['Host', '127.0.0.1'], ['Content-Type', 'application/json'], ['Content-Length', '99999999']]), body: '{"id":"1"}', halfClose: true, expect: { reject: true, status: [0, 200], close: true } });
  const forms = ['partnerId=3197&partnerId=3198', 'a=%ZZ', 'a[=1', 'a]=1', '[a]=1', '=', '&', 'a=' + '%41'.repeat(20000), '__proto__[x]=1&partnerId=3197', 'constructor[prototype][x]=1&partnerId=3197', 'filter[objectType]=KalturaSearchAssetFilter&filter[kSql]=(and', 'a' + '[x]'.repeat(100) + '=1', 'ks=&partnerId=3197', 'ks=%00&partnerId=3197'];
  forms.forEach((body, i) => add('bodies', `form-${i}`, { request: head('POST', login, [['Host', '127.0.0.1'], ['Content-Type', 'application/x-www-form-urlencoded'], ['Content-Length', '{{len}}'], ['Connection', 'close']]), body, expect: { status: [200], reject: body.includes('[x][x][x]') || body.includes('%00') } }));
}

// ── JSON budgets ─────────────────────────────────────────────────────────────────────────────
function json() {
  const depths = [33, 40, 64, 100, 1000, 10_000, 100_000, 300_000];
  const wraps = [['[', ']'], ['{"a":', '}'], ['[{"a":', '}]']];
  const ops = [['asset', 'list'], ['asset', 'get'], ['ottuser', 'get'], ['householddevice', 'delete'], ['favorite', 'add']];
  depths.forEach((depth) => wraps.forEach(([open, close], w) => ops.forEach(([service, action]) => {
    const n = w === 2 ? Math.ceil(depth / 2) : depth;
    add('json', `deep-${depth}-${w}-${service}-${action.toLowerCase()}`, { request: head('POST', api(service, action), jsonHeaders()), body: [{ s: '{"filter":' }, rep(open, n), { s: '1' }, rep(close, n), { s: '}' }], expect: { reject: true, code: '500003' } });
  })));
  [5_001, 10_000, 50_000].forEach((keys) => ops.forEach(([service, action]) => add('json', `wide-${keys}-${service}-${action.toLowerCase()}`, { request: head('POST', api(service, action), jsonHeaders()), body: [{ s: '{"filter":{' }, { keys }, { s: '}}' }], expect: { reject: true, code: '500003' } })));
  [5_001, 20_000, 100_000].forEach((items) => ops.forEach(([service, action]) => add('json', `long-array-${items}-${service}-${action.toLowerCase()}`, { request: head('POST', api(service, action), jsonHeaders()), body: [{ s: '{"ids":[' }, rep('1,', items), { s: '1]}' }], expect: { reject: true, code: '500003' } })));
  add('json', 'within-budget', { description: 'depth 31, 4,000 keys: served', request: head('POST', api('asset', 'list'), jsonHeaders()), body: [{ s: '{"x":' }, rep('[', 30), rep(']', 30), { s: ',"filter":{' }, { keys: 4000 }, { s: '}}' }], expect: { status: [200] } });
  add('json', 'long-string', { request: head('POST', api('asset', 'list'), jsonHeaders()), body: [{ s: '{"filter":{"kSql":"' }, rep('a', 900_000), { s: '"}}' }], expect: { status: [200] } });
  add('json', 'deep-in-query', { request: head('GET', `${api('asset', 'list')}?a${'[b]'.repeat(40)}=1`, [['Host', '127.0.0.1'], ['Connection', 'close']]), expect: { reject: true, code: '500003' } });
}

// ── multirequests ────────────────────────────────────────────────────────────────────────────
/** A multirequest body as one data part: `sub` repeated `count` times (`$i` = position, `$prev` = position - 1). */
function subs(count, sub, first) {
  return [{ subs: count, sub, ...(first === undefined ? {} : { first }), shared: { partnerId: 3197 } }];
}
function multirequests() {
  const mr = api('multirequest', '').replace(/\/action\/$/, '');
  const writes = { service: 'householddevice', action: 'delete', udid: 'd$i' };
  const reads = { service: 'asset', action: 'get', id: '48$i', assetReferenceType: 'media' };
  [1_001, 1_500, 3_000, 10_000, 20_000].forEach((n) => [['writes', writes], ['reads', reads]].forEach(([name, sub]) => add('multirequest', `over-cap-${n}-${name}`, { request: head('POST', mr, jsonHeaders()), body: subs(n, sub), expect: { reject: true, code: '500003' } })));
  add('multirequest', 'at-cap-1000-writes', { request: head('POST', mr, jsonHeaders()), body: subs(1000, writes), expect: { status: [200], slots: 1000 } });
  const oddSubs = [1, 'x', null, [], [1, 2], true, {}, { service: 1 }, { service: 'asset' }, { action: 'get' }, { service: '', action: '' }, { service: 'asset', action: 'get', ks: ['a'] }, { service: 'asset', action: 'get', ks: { a: 1 } }, { service: 'asset', action: 'get', ks: 12345 }];
  oddSubs.forEach((sub, i) => add('multirequest', `odd-sub-${i}`, { request: head('POST', mr, jsonHeaders()), body: JSON.stringify({ 1: { service: 'ottuser', action: 'anonymousLogin', partnerId: 3197 }, 2: sub }), expect: { status: [200], slots: 2 } }));
  const keys = ['0', '00', '000001', '9999999', '-1', '1.5', '1e3', ' 1', '١'];
  keys.forEach((key, i) => add('multirequest', `key-${i}`, { request: head('POST', mr, jsonHeaders()), body: JSON.stringify({ [key]: { service: 'ottuser', action: 'anonymousLogin', partnerId: 3197 } }), expect: { status: [200] } }));
  [34, 100, 100_000].forEach((depth) => [1, 2, 3].forEach((slot) => add('multirequest', `deep-slot-${depth}-${slot}`, { description: 'only the deep slot fails', request: head('POST', mr, jsonHeaders()), body: [{ s: '{' }, ...[1, 2, 3].flatMap((i) => (i === slot ? [{ s: `${i > 1 ? ',' : ''}"${i}":{"service":"asset","action":"list","filter":` }, rep('[', depth), rep(']', depth), { s: '}' }] : [{ s: `${i > 1 ? ',' : ''}"${i}":{"service":"ottuser","action":"anonymousLogin","partnerId":3197}` }])), { s: '}' }], expect: { status: [200], slots: 3, slotCodes: { [slot - 1]: '500003' } } })));
  const options = [{ abortOnError: 'yes' }, { abortOnError: [true] }, { abortOnError: { a: 1 } }, { abortAllOnError: 1 }, { skipCondition: 'any' }, { skipCondition: { objectType: 'KalturaSkipOnErrorCondition', condition: 'any' } }, { skipCondition: { objectType: 'KalturaPropertySkipCondition', propertyPath: '1:result:__proto__', operator: 'equal', value: 'x' } }, { skipCondition: { objectType: 'KalturaAggregatedPropertySkipCondition', propertyPath: '{1:result:constructor}', operator: 'greaterThan', value: 0, aggregationType: 'count' } }, { skipCondition: { objectType: 'Nope' } }, { skipCondition: [] }];
  options.forEach((extra, i) => add('multirequest', `options-${i}`, { request: head('POST', mr, jsonHeaders()), body: JSON.stringify({ 1: { service: 'asset', action: 'get', id: 'nope' }, 2: { service: 'ottuser', action: 'anonymousLogin', partnerId: 3197, ...extra }, 3: { service: 'ottuser', action: 'anonymousLogin', partnerId: 3197 } }), expect: { status: [200], slots: 3 } }));
  add('multirequest', 'skip-any-1000', { request: head('POST', mr, jsonHeaders()), body: subs(1000, { service: 'householddevice', action: 'delete', udid: 'u$i', skipCondition: { objectType: 'KalturaSkipOnErrorCondition', condition: 'any' } }), expect: { status: [200], slots: 1000 } });
  add('multirequest', 'chain-1000', { request: head('POST', mr, jsonHeaders()), body: subs(1000, { service: 'householddevice', action: 'delete', ks: '{$prev:result:ks}' }, { service: 'ottuser', action: 'anonymousLogin', partnerId: 3197 }), expect: { status: [200], slots: 1000 } });
  add('multirequest', 'empty', { request: head('POST', mr, jsonHeaders()), body: '{}', expect: { status: [200] } });
  add('multirequest', 'only-shared', { request: head('POST', mr, jsonHeaders()), body: '{"partnerId":3197,"ks":"x","abortOnError":true}', expect: { status: [200] } });
  add('multirequest', 'array-body', { request: head('POST', mr, jsonHeaders()), body: '[{"service":"asset","action":"get"}]', expect: { status: [200] } });
  add('multirequest', 'nested-multirequest', { request: head('POST', mr, jsonHeaders()), body: JSON.stringify({ 1: { service: 'multirequest', 1: { service: 'multirequest' } } }), expect: { status: [200], slots: 1 } });
  add('multirequest', 'shared-deep', { request: head('POST', mr, jsonHeaders()), body: [{ s: '{"clientTag":' }, rep('[', 50), rep(']', 50), { s: ',"1":{"service":"ottuser","action":"anonymousLogin","partnerId":3197}}' }], expect: { reject: true, code: '500003' } });
  for (let i = 0; i < 30; i++) {
    const count = int(2, 40);
    add('multirequest', `random-${i}`, { request: head('POST', mr, jsonHeaders()), body: JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, k) => [String(k + 1), pick([{ service: 'ottuser', action: 'anonymousLogin', partnerId: 3197 }, { service: 'asset', action: 'get', id: String(int(1, 480400)), assetReferenceType: 'media', ks: `{${int(0, count + 2)}:result:ks}` }, { service: 'asset', action: 'list', ks: '{1:result:ks}', filter: { objectType: 'KalturaSearchAssetFilter', kSql: pick(["(and name~'a')", '(or', "(and asset_type='0')"]) } }, { service: 'householddevice', action: 'delete', udid: 'x', ks: '{{ks:flip:30:1}}' }, { service: pick(['nosuch', 'asset', 'ottuser']), action: pick(['get', 'nosuch', '__proto__']) }])]))), expect: { status: [200], slots: count } });
  }
}

// ── tokens ───────────────────────────────────────────────────────────────────────────────────
function tokens() {
  const mr = '/api_v3/service/multirequest';
  const list = ['{1:result:__proto__}', '{1:result:__proto__:toString}', '{1:result:constructor}', '{1:result:constructor:name}', '{1:result:toString}', '{1:result:valueOf}', '{1:result:hasOwnProperty}', '{1:result:ks:length}', '{1:result:ks:constructor}', '{1:result:objectType:0}', '{0:result}', '{-1:result}', '{2:result}', '{3:result}', '{99:result}', '{9999999:result}', '{1:result:}', '{1:result::ks}', '{1:RESULT:ks}', '{ 1 : result : ks }', '{1:result:ks', '1:result:ks}', '{{1:result:ks}}', '{1:result:ks}{1:result:ks}', '{a:result}', '{1.0:result}', '{1e0:result}', '{0x1:result}', '{1:results}', '{1:result:' + 'a:'.repeat(500) + 'a}', '{1:result:' + '0:'.repeat(500) + '0}', '{1:result:\u0000}', '{1:result:prototype}', '{1:result:__defineGetter__}'];
  list.forEach((token, i) => ['ks', 'id', 'udid'].forEach((param) => add('tokens', `token-${i}-${param}`, { request: head('POST', mr, jsonHeaders()), body: JSON.stringify({ 1: { service: 'ottuser', action: 'anonymousLogin', partnerId: 3197 }, 2: { service: 'asset', action: 'get', assetReferenceType: 'media', [param]: token }, 3: { service: 'asset', action: 'get', id: '480001', assetReferenceType: 'media', ks: '{1:result:ks}' } }), expect: { status: [200], slots: 3 } })));
}

// ── KS forgery and mutation ──────────────────────────────────────────────────────────────────
function ksCases() {
  const known = [['ottuser', 'get'], ['household', 'get'], ['asset', 'get'], ['asset', 'list'], ['bookmark', 'list'], ['favorite', 'list'], ['householddevice', 'delete'], ['bookmark', 'add'], ['asset', 'getPlaybackContext'], ['ottuser', 'logout']];
  const mutations = [];
  for (let i = 0; i < 12; i++) mutations.push(`{{ks:flip:${int(0, 140)}:${int(1, 255)}}}`);
  for (let i = 0; i < 4; i++) mutations.push(`{{ks:swap:${int(0, 6)}:${int(0, 6)}}}`);
  for (let i = 0; i < 4; i++) mutations.push(`{{ks:trunc:${int(1, 60)}}}`);
  const forged = [forgeKs('not-the-partner-secret', 3197, { _e: '4000000000', _t: '0', _u: 'admin', _c: '1', hh: '1' }), forgeKs('', 3197, { _e: '4000000000', _u: 'x' }), forgeKs('lab-partner-secret-unset', 3197, { _e: '4000000000', _u: 'x' }), forgeKs('x', 1, { _e: '4000000000', _u: 'x' }), Buffer.from('v2|3197|').toString('base64url'), Buffer.from('v1|3197|abc').toString('base64url'), 'djJ8MzE5N3w', 'v2|3197|' + 'A'.repeat(32), '{{ks}}{{ks}}', ' {{ks:flip:50:3}} ', 'null', '0', '-1', '%00', '{{rep:A:4097}}', '{{rep:A:200000}}', '🙂'.repeat(100)];
  const all = [...mutations, ...forged];
  all.forEach((ks, i) => known.forEach(([service, action]) => add('ks', `ks-${i}-${service}-${action.toLowerCase()}`, { description: 'a KS that does not verify: 500015 from the facade, nothing forwarded', request: head('POST', api(service, action), jsonHeaders()), body: JSON.stringify({ ks, id: '480001', assetId: '480001', assetReferenceType: 'media', udid: 'x' }), expect: { reject: true, code: '500015' } })));
  mutations.slice(0, 6).forEach((ks, i) => {
    add('ks', `in-query-${i}`, { request: head('GET', `${api('ottuser', 'get')}?ks=${encodeURIComponent(ks)}`, [['Host', '127.0.0.1'], ['Connection', 'close']]), expect: { reject: true, code: '500015' } });
    add('ks', `in-path-${i}`, { request: head('GET', `${api('ottuser', 'get')}/ks/${encodeURIComponent(ks)}`, [['Host', '127.0.0.1'], ['Connection', 'close']]), expect: { reject: true, code: '500015' } });
    add('ks', `in-form-${i}`, { request: head('POST', api('ottuser', 'get'), [['Host', '127.0.0.1'], ['Content-Type', 'application/x-www-form-urlencoded'], ['Content-Length', '{{len}}'], ['Connection', 'close']]), body: `ks=${encodeURIComponent(ks)}`, expect: { reject: true, code: '500015' } });
    add('ks', `in-multirequest-${i}`, { request: head('POST', '/api_v3/service/multirequest', jsonHeaders()), body: JSON.stringify({ ks, 1: { service: 'ottuser', action: 'get' }, 2: { service: 'household', action: 'get' } }), expect: { reject: true, slots: 2, slotCodes: { 0: '500015', 1: '500015' } } });
  });
}

// ── hop-by-hop and forwarding headers ────────────────────────────────────────────────────────
function hopByHop() {
  const sets = [
    [['Connection', 'close, X-Secret'], ['X-Secret', 'must-not-cross']],
    [['Connection', 'keep-alive, X-Secret, Foo'], ['X-Secret', 'v'], ['Foo', 'bar']],
    [['Keep-Alive', 'timeout=99999']],
    [['TE', 'trailers']],
    [['Trailer', 'X-Secret']],
    [['Upgrade', 'websocket'], ['Connection', 'Upgrade']],
    [['Upgrade', 'h2c'], ['Connection', 'Upgrade, HTTP2-Settings'], ['HTTP2-Settings', 'AAMAAABkAAQAAP__']],
    [['Proxy-Authorization', 'Basic YTpi']],
    [['Proxy-Connection', 'keep-alive']],
    [['Proxy-Authenticate', 'Basic']],
    [['Connection', 'X-Forwarded-For'], ['X-Forwarded-For', '10.0.0.1']],
    [['Connection', 'Content-Length']],
    [['Connection', 'Host']],
    [['Connection', 'Transfer-Encoding']],
  ];
  const absent = ['x-secret', 'foo', 'keep-alive', 'te', 'trailer', 'upgrade', 'http2-settings', 'proxy-authorization', 'proxy-connection', 'proxy-authenticate'];
  const ops = [['ottuser', 'anonymousLogin'], ['asset', 'list'], ['asset', 'get']];
  sets.forEach((set, i) => ops.forEach(([service, action]) => add('hop-by-hop', `set-${i}-${action.toLowerCase()}`, { request: head('POST', api(service, action), [['Host', '127.0.0.1'], ['Content-Type', 'application/json'], ['Content-Length', '{{len}}'], ...set]), body: '{"partnerId":3197,"id":"480001","assetReferenceType":"media"}', halfClose: true, expect: { status: [0, 200, 400], upstreamAbsent: absent } })));
  const forwarded = [['X-Forwarded-For', '1.2.3.4'], ['X-Forwarded-For', '1.2.3.4, 5.6.7.8'], ['X-Forwarded-For', 'not-an-ip'], ['X-Forwarded-For', 'x'.repeat(8000)], ['X-Forwarded-Host', 'evil.example'], ['X-Forwarded-Proto', 'gopher'], ['X-Forwarded-Port', '1'], ['Forwarded', 'for=1.2.3.4;host=evil.example;proto=https'], ['X-Real-IP', '1.2.3.4'], ['Via', '1.1 evil'], ['X-Original-URL', '/__sim/reset'], ['X-Rewrite-URL', '/__sim/reset'], ['X-HTTP-Method-Override', 'DELETE'], ['X-Region', 'eu'], ['X-Understudy-QA', 'platform'], ['Client-IP', '1.2.3.4'], ['True-Client-IP', '1.2.3.4'], ['X-Forwarded-Host', 'evil.example, other.example'], ['X-Forwarded-Proto', 'https, http'], ['Forwarded', 'for="[::1]";by=x']];
  forwarded.forEach(([name, value], i) => ops.forEach(([service, action]) => add('hop-by-hop', `forwarded-${i}-${action.toLowerCase()}`, { description: `${name} from a client never steers anything`, request: head('POST', api(service, action), jsonHeaders([[name, value]])), body: '{"partnerId":3197,"id":"480001","assetReferenceType":"media"}', expect: { status: [200, 431], noText: ['evil.example'] } })));
}

function render() {
  framing();
  headers();
  paths();
  bodies();
  json();
  multirequests();
  tokens();
  ksCases();
  hopByHop();
  const byCategory = new Map();
  for (const c of cases.values()) {
    const category = c.id.slice(0, c.id.indexOf('/'));
    byCategory.set(category, [...(byCategory.get(category) ?? []), JSON.stringify(c)]);
  }
  return byCategory;
}

const check = process.argv.includes('--check');
mkdirSync(outDir, { recursive: true });
let drift = false;
let total = 0;
for (const [category, lines] of render()) {
  const file = join(outDir, `${category}.ndjson`);
  const text = `${lines.join('\n')}\n`;
  total += lines.length;
  if (check) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // missing counts as drift
    }
    if (current !== text) {
      console.error(`bad-input corpus drift: ${file}`);
      drift = true;
    }
  } else writeFileSync(file, text);
}
console.error(`${check ? 'checked' : 'wrote'} ${total} bad-input cases in ${outDir}`);
process.exit(drift ? 1 : 0);
