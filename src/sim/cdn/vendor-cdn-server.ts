/**
 * The vendor's CDN in the lab (issue 18): a loopback origin serving every catalogue file's folder at
 * the path of its `cdnUrl` (`/vod/<asset>/<file>/master.m3u8` …). The catalogue keeps its
 * `https://cdn.lab.understudy.test/…` URLs (they are in golden answers); the lab maps that host to
 * this origin (`media.originHosts`). Defects (a 404, a truncated body, a replaced body) can be set per
 * path, so the copy's bad-input handling is tested against real HTTP.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Catalog, CatalogMediaFile, StreamFormat } from '../../core/catalog';
import { buildLabRendition } from './lab-rendition';

/** A deliberate fault on one path. */
export type OriginDefect =
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'body'; readonly body: Buffer }
  | { readonly kind: 'truncate'; readonly keepBytes: number };

export interface VendorCdnOrigin {
  readonly url: string;
  /** The catalogue's CDN host this origin stands for (`cdn.lab.understudy.test`). */
  readonly catalogHost: string;
  setDefect(path: string, defect: OriginDefect | undefined): void;
  /** GET requests served, by path (tests count re-fetches). */
  readonly served: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

interface FolderEntry {
  readonly fileId: number;
  readonly format: StreamFormat;
}

/** Folder (`vod/1/2/`) → the file it holds, for every file of the catalogue. */
function indexFolders(catalog: Catalog): { folders: Map<string, FolderEntry>; host: string } {
  const formats = new Map(catalog.fileTypes.map((t) => [t.id, t.format]));
  const folders = new Map<string, FolderEntry>();
  let host = '';
  const add = (file: CatalogMediaFile): void => {
    const url = new URL(file.cdnUrl);
    host = url.host;
    folders.set(url.pathname.slice(1, url.pathname.lastIndexOf('/') + 1), { fileId: file.vendorId, format: formats.get(file.fileTypeId) ?? 'url' });
  };
  for (const asset of [...catalog.vodAssets, ...catalog.channels]) asset.files.forEach(add);
  return { folders, host };
}

function sendDefect(res: ServerResponse, defect: OriginDefect, real: Buffer | undefined): void {
  if (defect.kind === 'status') {
    res.writeHead(defect.status, { 'content-type': 'text/plain' }).end('defect');
  } else if (defect.kind === 'body') {
    res.writeHead(200, { 'content-length': defect.body.length }).end(defect.body);
  } else {
    // Promises the whole object, sends part of it, then resets: a truncated transfer.
    const body = real ?? Buffer.alloc(0);
    res.writeHead(200, { 'content-length': body.length });
    res.write(body.subarray(0, defect.keepBytes), () => res.destroy());
  }
}

/** Starts the lab vendor CDN origin on 127.0.0.1 (port 0 = any). */
export async function startVendorCdnOrigin(catalog: Catalog, port = 0): Promise<VendorCdnOrigin> {
  const { folders, host } = indexFolders(catalog);
  const defects = new Map<string, OriginDefect>();
  const served = new Map<string, number>();
  const find = (path: string): Buffer | undefined => {
    const slash = path.lastIndexOf('/');
    const entry = folders.get(path.slice(1, slash + 1));
    return entry === undefined ? undefined : buildLabRendition(entry.fileId, entry.format).get(path.slice(slash + 1));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    res.on('error', () => undefined);
    const path = (req.url ?? '/').split('?', 1)[0]!;
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    if (req.method === 'GET') served.set(path, (served.get(path) ?? 0) + 1);
    const defect = defects.get(path);
    const body = find(path);
    if (defect !== undefined) return sendDefect(res, defect, body);
    if (body === undefined) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    catalogHost: host,
    served,
    setDefect: (path, defect) => (defect === undefined ? defects.delete(path) : defects.set(path, defect)),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
