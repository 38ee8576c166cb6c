import { checksumOf } from '../../../src/store/migrate';
import { migrations } from '../../../src/store/migrations';

describe('migration list', () => {
  // Ids are assigned per piece of work (parallel branches), so there may be gaps; they only increase.
  it('numbers migrations 1, 2, 3, … in increasing order with distinct names', () => {
    expect(migrations.slice(0, 4).map((m) => m.id)).toEqual([1, 2, 3, 4]);
    migrations.slice(1).forEach((m, i) => expect(m.id).toBeGreaterThan(migrations[i]!.id));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });

  it('keeps transaction control out of scripts (migrate owns the transaction)', () => {
    // A plpgsql body's BEGIN … END (inside $$ … $$) is a block, not transaction control.
    migrations.forEach((m) => expect(m.sql.replace(/\$\$[\s\S]*?\$\$/g, '$$$$')).not.toMatch(/\b(BEGIN|COMMIT|ROLLBACK)\b/i));
  });

  it('checksums the script text, so any edit is noticed', () => {
    const [first] = migrations;
    expect(checksumOf(first!)).toMatch(/^[0-9a-f]{64}$/);
    expect(checksumOf({ ...first!, sql: `${first!.sql} ` })).not.toBe(checksumOf(first!));
  });
});
