import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../core/catalog';
import type { GeneratedCatalog } from './generate-catalog';
import { catalogFileNames } from './load-catalog';

/** One record per line: small diffs when the generator changes, still plain JSON. */
function formatRecords(records: readonly unknown[]): string {
  if (records.length === 0) return '[]\n';
  return `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

/** The text of every catalogue file by file name (what `writeCatalog` writes). */
export function renderCatalogFiles(generated: GeneratedCatalog): Map<string, string> {
  const files = new Map<string, string>();
  for (const key of Object.keys(catalogFileNames) as (keyof Catalog)[]) {
    const value = generated.catalog[key];
    files.set(catalogFileNames[key], Array.isArray(value) ? formatRecords(value) : `${JSON.stringify(value, null, 2)}\n`);
  }
  files.set('id-map.json', formatRecords(generated.idMap));
  return files;
}

/** Writes the catalogue into `dir`, one file per collection plus id-map.json. */
export function writeCatalog(dir: string, generated: GeneratedCatalog): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of renderCatalogFiles(generated)) writeFileSync(join(dir, name), text);
}
