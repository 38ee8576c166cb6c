import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCatalog } from '../../../src/sim/catalog/generate-catalog';
import { main } from '../../../src/sim/catalog/generate-catalog-main';
import { defaultCatalogDir, loadCatalog, loadIdMap } from '../../../src/sim/catalog/load-catalog';
import { renderCatalogFiles } from '../../../src/sim/catalog/write-catalog';

// The committed fixtures must equal a fresh generation. To refresh them after changing the
// generator: UPDATE_CATALOG=1 npx jest test/unit/sim/catalog-drift
/** The first differing line, short enough to read (a whole-file diff would flood the output). */
function firstDifference(committed: string, fresh: string): string | undefined {
  if (committed === fresh) return undefined;
  const a = committed.split('\n');
  const b = fresh.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}\ncommitted: ${a[at]?.slice(0, 300)}\nfresh:     ${b[at]?.slice(0, 300)}`;
}

const updating = process.env.UPDATE_CATALOG === '1';

describe('committed seed catalogue (fixtures/catalog)', () => {
  if (updating) {
    it('is rewritten from the generator', () => {
      main(defaultCatalogDir);
      expect(existsSync(join(defaultCatalogDir, 'id-map.json'))).toBe(true);
    });
  }

  const fresh = renderCatalogFiles(generateCatalog());

  it.each([...fresh.keys()])('%s equals a fresh generation', (name) => {
    const path = join(defaultCatalogDir, name);
    expect(existsSync(path)).toBe(true);
    expect(firstDifference(readFileSync(path, 'utf8'), fresh.get(name) ?? '')).toBeUndefined();
  });

  it('loads back into the generated catalogue and id map', () => {
    const generated = generateCatalog();
    expect(loadCatalog()).toEqual(JSON.parse(JSON.stringify(generated.catalog)));
    expect(loadIdMap()).toEqual(generated.idMap);
  });

  it('documents the demo accounts as generated (fixtures/catalog/README.md)', () => {
    const readme = readFileSync(join(defaultCatalogDir, 'README.md'), 'utf8');
    for (const a of generateCatalog().catalog.demo.accounts) {
      expect(readme).toContain(`| \`${a.username}\` / \`${a.password}\` | ${a.userId} | ${a.household} |`);
    }
  });

  it('stays a reasonable size (< 6 MB in all)', () => {
    const bytes = [...fresh.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    expect(bytes).toBeLessThan(6 * 1024 * 1024);
  });
});
