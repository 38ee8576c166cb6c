import type { components } from '../../../contracts/generated/platform';
import type { VendorOutcome } from '../../core/vendor-error';
import { ok } from '../../core/result';
import { readEnum, readString } from '../../phoenix/param-readers';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import { fetchItem, toPlatformItemId } from '../catalog/fetch-item';
import { recallItemKind } from '../item-kind-memo';
import { expectOk, isNotFound } from '../platform-reply';
import type { TranslateContext, TranslatorSpec } from '../translator';
import { allowedPlaybackContext, blockedPlaybackContext } from './playback-context-result';
import { readPlaybackOptions } from './playback-options';
import { toAuthorizationBody } from './playback-request';
import { toApiBase, toVendorSource, type SourceRequest } from './playback-sources';
import { findRecordingItem } from '../cdvr/recording-assets';

type PlaybackAuthorization = components['schemas']['PlaybackAuthorization'];

const assetTypes = ['media', 'epg', 'recording'] as const;
type AssetType = (typeof assetTypes)[number];

/**
 * The platform item whose playback is asked: `media` names a VOD asset or channel, `epg` a
 * programme (played through its channel's files); recordings are resolved by findRecordingItem.
 * The item's kind is fetched once and then remembered.
 */
async function findPlayableItem(ctx: TranslateContext, assetId: string, assetType: AssetType): Promise<string | undefined> {
  const itemId = assetType === 'recording' ? undefined : toPlatformItemId(ctx.ids, assetId);
  if (itemId === undefined) return undefined;
  const kind = recallItemKind(itemId) ?? (await fetchItem(ctx.platform, itemId))?.kind;
  if (kind === undefined) return undefined;
  return (kind === 'programme') === (assetType === 'epg') ? itemId : undefined;
}

async function authorize(ctx: TranslateContext, body: object): Promise<PlaybackAuthorization | undefined> {
  const reply = await ctx.platform.call({ method: 'POST', path: '/playback/v1/authorizations', body });
  if (isNotFound(reply)) return undefined;
  return expectOk<PlaybackAuthorization>('playback.authorize', reply);
}

/** `asset.getPlaybackContext` (brief §5.3) through `playback.authorize` (docs/lab-rules.md "Playback decision"). */
async function getPlaybackContext(ctx: TranslateContext): Promise<VendorOutcome> {
  const assetId = readString(ctx.params, 'assetId', { required: true });
  if (!assetId.ok) return assetId;
  const assetType = readEnum(ctx.params, 'assetType', assetTypes);
  if (!assetType.ok) return assetType;
  const options = readPlaybackOptions(ctx.params);
  if (!options.ok) return options;
  const type = assetType.value ?? 'media';
  const recorded = type === 'recording' ? await findRecordingItem(ctx, assetId.value) : undefined;
  if (recorded?.ok === false) return recorded;
  const itemId = recorded === undefined ? await findPlayableItem(ctx, assetId.value, type) : recorded.value;
  if (itemId === undefined) return vendorFailure('NotFound', { objectType: 'Asset' });
  const body = toAuthorizationBody(ctx.ids, itemId, options.value);
  if (body === 'no-file') return ok(allowedPlaybackContext([]));
  const decision = await authorize(ctx, body);
  if (decision === undefined) return vendorFailure('NotFound', { objectType: 'Asset' });
  if (decision.decision === 'deny') return ok(blockedPlaybackContext(decision.denyReason));
  const request: SourceRequest = {
    apiBase: toApiBase(ctx.apiBaseUrl),
    partnerId: ctx.session?.partnerId ?? ctx.partnerId,
    assetId: Number(assetId.value),
    assetType: type,
    context: options.value.context,
    urlType: options.value.urlType,
  };
  return ok(allowedPlaybackContext(decision.sources.map((source) => toVendorSource(ctx.ids, request, source))));
}

/** `asset.getPlaybackContext` through `playback.authorize`. */
export const getPlaybackContextTranslator: TranslatorSpec = { access: 'session', run: getPlaybackContext };
