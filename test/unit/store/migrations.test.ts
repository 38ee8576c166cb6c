import { checksumOf } from '../../../src/store/migrate';
import { migrations } from '../../../src/store/migrations';

describe('migration list', () => {
  it('numbers migrations in increasing order from 1 with distinct names (ids are assigned per feature, so one may still be absent)', () => {
    const ids = migrations.map((m) => m.id);
    expect(ids[0]).toBe(1);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
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
