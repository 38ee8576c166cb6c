import express, { type Express, type Request, type Response } from 'express';
import type { VendorApiRequest, VendorApiResponse } from '../vendor/vendor-api-handler';
import { errorEnvelope } from '../vendor/envelope';
import { vendorError } from '../vendor/vendor-error-builder';
import { corsHeaders, preflightHeaders } from './cors';
import { readRequestBody } from './read-request-body';

export interface FacadeAppOptions {
  /** The vendor API pipeline (plain data in, plain data out; never throws). */
  readonly handleApi: (request: VendorApiRequest) => Promise<VendorApiResponse>;
  readonly bodyLimitBytes: number;
  /** False while draining: /readyz answers 503 so load balancers stop sending. */
  readonly isReady: () => boolean;
}

function originOf(req: Request): string {
  const host = req.headers.host ?? '127.0.0.1';
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  return `${encrypted ? 'https' : 'http'}://${host}`;
}

function sendReply(req: Request, res: Response, reply: VendorApiResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, { ...corsHeaders(req), ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
  res.end(reply.body);
}

/** A body over the limit (drained, not kept): the vendor error in the envelope (brief §7.1). */
function sendTooLarge(req: Request, res: Response): void {
  sendReply(req, res, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(errorEnvelope(vendorError('BadRequest'), 0)) });
}

async function serveVendorApi(options: FacadeAppOptions, req: Request, res: Response): Promise<void> {
  const body = await readRequestBody(req, options.bodyLimitBytes);
  if (body.kind === 'aborted') return;
  if (body.kind === 'too-large') return sendTooLarge(req, res);
  const reply = await options.handleApi({ url: req.originalUrl, contentType: req.headers['content-type'], body: body.body.toString('utf8'), origin: originOf(req) });
  sendReply(req, res, reply);
}

/**
 * The facade's HTTP edge: health endpoints, CORS preflight, and every other path handed to the
 * vendor pipeline (all routing forms are parsed there, brief §1.2). Answers are always HTTP 200
 * envelopes except playManifest's 302; nothing here can produce an HTML error page.
 */
export function createFacadeApp(options: FacadeAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.get('/livez', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    const ready = options.isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'draining' });
  });
  app.options('/{*path}', (req, res) => {
    res.writeHead(204, preflightHeaders(req));
    res.end();
  });
  app.use((req, res) => {
    serveVendorApi(options, req, res).catch(() => {
      sendReply(req, res, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(errorEnvelope(vendorError('Error'), 0)) });
    });
  });
  return app;
}
