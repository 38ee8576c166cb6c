import { Socket } from 'node:net';
import { IncomingMessage } from 'node:http';
import { buildUpstreamHeaders, filterAnswerRawHeaders } from '../../../src/upstream/forwarding-headers';
import { outcomeFromEnvelope } from '../../../src/upstream/vendor-call-client';
import { classifyUpstreamError, UpstreamError } from '../../../src/upstream/upstream-error';

function incoming(method: string, headers: Record<string, string>): IncomingMessage {
  const message = new IncomingMessage(new Socket());
  message.method = method;
  message.headers = headers;
  return message;
}

describe('forwarding headers', () => {
  it('drops hop-by-hop request headers and the ones Connection names, keeps the rest', () => {
    const req = incoming('POST', { connection: 'keep-alive, x-secret', 'x-secret': '1', 'keep-alive': 'timeout=5', te: 'trailers', upgrade: 'h2c', 'proxy-authorization': 'x', 'proxy-foo': 'y', 'transfer-encoding': 'chunked', expect: '100-continue', accept: 'application/json', host: 'facade:8080' });
    const headers = buildUpstreamHeaders(req, { upstreamHost: 'vendor:80', bodyLength: 12 });
    expect(Object.keys(headers).sort()).toEqual(['accept', 'content-length', 'host', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto']);
    expect(headers).toMatchObject({ host: 'vendor:80', 'content-length': '12', 'x-forwarded-host': 'facade:8080', 'x-forwarded-proto': 'http' });
  });

  it('drops a plain Connection: close or keep-alive (any case) and keeps every other header', () => {
    for (const connection of ['close', 'keep-alive', 'Keep-Alive', '']) {
      const headers = buildUpstreamHeaders(incoming('POST', { connection, close: 'x', 'keep-alive': 'timeout=5', accept: 'a' }), { upstreamHost: 'v', bodyLength: 0 });
      expect(Object.keys(headers).sort()).toEqual(['accept', 'close', 'content-length', 'host', 'x-forwarded-for', 'x-forwarded-proto']);
    }
    expect(filterAnswerRawHeaders(['Connection', 'close', 'Keep-Alive', 'timeout=5', 'Date', 'd'])).toEqual(['Date', 'd']);
  });

  it('sets Content-Length for a POST without a body, not for a bare GET', () => {
    expect(buildUpstreamHeaders(incoming('POST', {}), { upstreamHost: 'v', bodyLength: 0 })['content-length']).toBe('0');
    expect(buildUpstreamHeaders(incoming('GET', {}), { upstreamHost: 'v', bodyLength: 0 })['content-length']).toBeUndefined();
  });

  it('filters raw answer headers, keeping case, order and repeats', () => {
    const raw = ['Content-Type', 'application/json', 'Connection', 'keep-alive, X-Hop', 'X-Hop', '1', 'Keep-Alive', 'timeout=5', 'Set-Cookie', 'a', 'Transfer-Encoding', 'chunked', 'Set-Cookie', 'b'];
    expect(filterAnswerRawHeaders(raw)).toEqual(['Content-Type', 'application/json', 'Set-Cookie', 'a', 'Set-Cookie', 'b']);
  });
});

describe('reading a vendor envelope', () => {
  it('reads ok, result.error and a bare exception', () => {
    expect(outcomeFromEnvelope({ executionTime: 0, result: { objectType: 'KalturaMediaAsset' } })).toEqual({ ok: true, value: { objectType: 'KalturaMediaAsset' } });
    expect(outcomeFromEnvelope({ result: { error: { objectType: 'KalturaAPIException', code: '500016', message: 'KS expired' } } })).toEqual({ ok: false, error: { code: '500016', message: 'KS expired' } });
    expect(outcomeFromEnvelope({ result: { objectType: 'KalturaAPIException', code: 4001, message: 'x', args: [{ name: 'a', value: 'b' }] } })).toEqual({ ok: false, error: { code: '4001', message: 'x', args: [{ name: 'a', value: 'b' }] } });
    expect(outcomeFromEnvelope({ result: true })).toEqual({ ok: true, value: true });
    expect(outcomeFromEnvelope({ nothing: 1 })).toBeUndefined();
  });

  it('classifies network errors', () => {
    expect(classifyUpstreamError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe('refused');
    expect(classifyUpstreamError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe('reset');
    expect(classifyUpstreamError(new UpstreamError('timeout', 'slow'))).toBe('timeout');
    expect(classifyUpstreamError({ name: 'TimeoutError' })).toBe('timeout');
    expect(classifyUpstreamError(new Error('?'))).toBe('other');
  });
});
