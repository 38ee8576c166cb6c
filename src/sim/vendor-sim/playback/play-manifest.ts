import type { VendorOutcome } from '../../../core/vendor-error';
import { ok } from '../../../core/result';
import { readString } from '../../../phoenix/param-readers';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import type { RedirectResult, SimCallContext } from '../sim-operation';

/**
 * `assetFile.playManifest` (brief §1.6, §5.3): 302 to the file's CDN URL. The parameters come from
 * path pairs or the query (`partnerId`, `assetId`, `assetType`, `assetFileId`, `contextType`); only
 * the file decides the target. Unknown file → 500007 in a 200 envelope (docs/lab-rules.md "Sources").
 */
export function redirectToManifest(ctx: SimCallContext): VendorOutcome<RedirectResult> {
  const fileId = readString(ctx.params, 'assetFileId');
  if (!fileId.ok) return fileId;
  const id = fileId.value?.trim() ?? '';
  const entry = /^\d+$/.test(id) ? ctx.state.index.fileByVendorId.get(Number(id)) : undefined;
  if (entry === undefined) return vendorFailure('NotFound', { objectType: 'AssetFile' });
  return ok({ redirectTo: entry.file.cdnUrl });
}
