import { defaultCatalogDir } from './load-catalog';
import { generateCatalog } from './generate-catalog';
import { writeCatalog } from './write-catalog';

/** Regenerates the seed catalogue into `dir` (default fixtures/catalog). */
export function main(dir: string = defaultCatalogDir): void {
  writeCatalog(dir, generateCatalog());
}

if (require.main === module) main(process.argv[2]);
