import type { CatalogImage } from '../../core/catalog';
import type { Prng } from './prng';
import { partnerId, vendorIdBase } from './seed-layout';

/** What every entity generator needs: the random stream, the time origin and id counters. */
export interface SeedContext {
  readonly rng: Prng;
  /** Hour-aligned epoch second the catalogue is laid out around. */
  readonly baseTime: number;
  /** Next image vendor id (images are numbered across the whole catalogue). */
  nextImageId(): string;
}

/** Creates the shared generation context. */
export function createSeedContext(rng: Prng, baseTime: number): SeedContext {
  let imageId = vendorIdBase.image;
  return { rng, baseTime, nextImageId: () => String(imageId++) };
}

interface ImageShape {
  readonly ratio: string;
  readonly width: number;
  readonly height: number;
  readonly imageTypeId: number;
  readonly imageTypeName: string;
}

const landscape: ImageShape = { ratio: '16x9', width: 1280, height: 720, imageTypeId: 1, imageTypeName: 'Landscape' };
const poster: ImageShape = { ratio: '2x3', width: 480, height: 720, imageTypeId: 2, imageTypeName: 'Poster' };
const thumbnail: ImageShape = { ratio: '4x3', width: 960, height: 720, imageTypeId: 3, imageTypeName: 'Thumbnail' };

/** Image shapes by name, for generators choosing which to give an asset. */
export const imageShapes = { landscape, poster, thumbnail } as const;

/** Builds an asset's images; the first is the default one. */
export function buildImages(context: SeedContext, assetId: number, shapes: readonly ImageShape[]): CatalogImage[] {
  return shapes.map((shape, i) => ({
    vendorId: context.nextImageId(),
    ratio: shape.ratio,
    width: shape.width,
    height: shape.height,
    url: `https://images.lab.understudy.test/p/${partnerId}/thumbnail/asset/${assetId}/ratio/${shape.ratio}/width/${shape.width}/height/${shape.height}`,
    imageTypeId: shape.imageTypeId,
    imageTypeName: shape.imageTypeName,
    isDefault: i === 0,
    version: context.rng.int(1, 3),
  }));
}

/** A one-sentence synopsis from the word tables. */
export function describe(context: SeedContext, openings: readonly string[], endings: readonly string[]): string {
  return `${context.rng.pick(openings)} ${context.rng.pick(endings)}`;
}
