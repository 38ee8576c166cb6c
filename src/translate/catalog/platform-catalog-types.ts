import type { components } from '../../../contracts/generated/platform';

/** Platform catalogue shapes the catalogue and playback translators read (contracts/platform/openapi.yaml). */
export type PlatformItem = components['schemas']['Item'];
export type PlatformItemKind = components['schemas']['ItemKind'];
export type PlatformImage = components['schemas']['Image'];
export type PlatformMediaFile = components['schemas']['MediaFile'];
export type PlatformItemPage = components['schemas']['ItemPage'];
export type PlatformCollection = components['schemas']['Collection'];
export type PlatformSearchRequest = components['schemas']['SearchRequest'];
export type PlatformSortField = NonNullable<PlatformSearchRequest['sort']>['field'];

/** A node of the platform search query tree (`{all}`, `{any}` or a comparison). */
export type PlatformQueryNode =
  | { readonly all: readonly PlatformQueryNode[] }
  | { readonly any: readonly PlatformQueryNode[] }
  | { readonly field: string; readonly op: components['schemas']['SearchOperator']; readonly value?: string | number | readonly (string | number)[] };

/** A platform sort order. */
export interface PlatformSort {
  readonly field: PlatformSortField;
  readonly direction: 'asc' | 'desc';
}
