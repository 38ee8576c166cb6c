import type { components } from '../../../contracts/generated/platform';
import type { VendorOutcome } from '../../core/vendor-error';
import { ok } from '../../core/result';
import { readString } from '../../phoenix/param-readers';
import type { RedirectResult } from '../../phoenix/redirect-result';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import { expectOk, isNotFound } from '../platform-reply';
import type { TranslateContext, TranslatorSpec } from '../translator';

type PlatformFile = components['schemas']['MediaFile'] & { readonly itemId: string };

const digitsOnly = /^\d+$/;

/**
 * `assetFile.playManifest` (brief §1.6, §5.3): 302 to the file's CDN URL from `catalog.getFile`.
 * Only the file decides the target; unknown file → 500007 in a 200 envelope (docs/lab-rules.md "Sources").
 */
async function redirectToManifest(ctx: TranslateContext): Promise<VendorOutcome<RedirectResult>> {
  const fileId = readString(ctx.params, 'assetFileId');
  if (!fileId.ok) return fileId;
  const id = fileId.value?.trim() ?? '';
  const platformId = digitsOnly.test(id) ? ctx.ids.toPlatform('file', Number(id)) : undefined;
  if (platformId === undefined) return vendorFailure('NotFound', { objectType: 'AssetFile' });
  const reply = await ctx.platform.call({ method: 'GET', path: `/catalog/v1/files/${encodeURIComponent(platformId)}` });
  if (isNotFound(reply)) return vendorFailure('NotFound', { objectType: 'AssetFile' });
  return ok({ redirectTo: expectOk<PlatformFile>('catalog.getFile', reply).cdnUrl });
}

/** `assetFile.playManifest` through `catalog.getFile`. */
export const playManifestTranslator: TranslatorSpec = { access: 'none', run: redirectToManifest };
