import { checksumOf } from '../../../src/store/migrate';
import { migrations } from '../../../src/store/migrations';

describe('migration list', () => {
  it('numbers migrations in increasing order (ids are assigned per feature) with distinct names', () => {
    expect(migrations.map((m) => m.id)).toEqual([...new Set(migrations.map((m) => m.id))].sort((a, b) => a - b));
    expect(migrations[0]!.id).toBe(1);
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });

  it('keeps transaction control out of scripts (migrate owns the transaction)', () => {
    migrations.forEach((m) => expect(m.sql).not.toMatch(/\b(BEGIN|COMMIT|ROLLBACK)\b/i));
  });

  it('checksums the script text, so any edit is noticed', () => {
    const [first] = migrations;
    expect(checksumOf(first!)).toMatch(/^[0-9a-f]{64}$/);
    expect(checksumOf({ ...first!, sql: `${first!.sql} ` })).not.toBe(checksumOf(first!));
  });
});
