/**
 * Vendor passthrough (docs/architecture.md §2: "vendor ──► passthrough, bytes untouched"). The facade has
 * already read the body (to decide where the call goes); this forwards method, path and query
 * (re-based onto the vendor URL's path prefix), end-to-end headers and that body, and streams the
 * answer back unchanged. Failures become the vendor error envelope (passthrough-failure.ts).
 */
import { createHpmPassthrough } from './passthrough-hpm';
import { createPipePassthrough } from './passthrough-pipe';
import type { VendorPassthrough, VendorPassthroughOptions } from './passthrough-types';

export type { VendorPassthrough, VendorPassthroughOptions } from './passthrough-types';

/** `pipe` (default): node:http by hand; `http-proxy-middleware`: the measured alternative (docs/upstream.md). */
export type PassthroughEngine = 'pipe' | 'http-proxy-middleware';

/** Creates the vendor passthrough with the chosen engine. */
export function createVendorPassthrough(options: VendorPassthroughOptions & { readonly engine?: PassthroughEngine }): VendorPassthrough {
  return options.engine === 'http-proxy-middleware' ? createHpmPassthrough(options) : createPipePassthrough(options);
}
