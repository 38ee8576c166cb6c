import { buildEnqueue, toClaimedRows, type ClaimedDbRow } from '../../../src/store/outbox-sql';

describe('outbox SQL building', () => {
  it('sends payloads as JSON text, so a JS array never becomes a PostgreSQL array', () => {
    const { sql, params } = buildEnqueue(
      [{ entity: 'favorite', entityKey: 'u:1', op: 'add', payload: [1, 2], origin: 'vendor', idempotencyKey: 'k' }],
      1_000,
    );
    expect(params).toEqual(['favorite', 'u:1', null, 'add', '[1,2]', 'vendor', 'k', 1_000, 1_000]);
    expect(sql).toContain('$5::jsonb');
    expect(sql).toContain('ON CONFLICT (idempotency_key) DO NOTHING');
  });

  it('numbers placeholders across several rows', () => {
    const entry = { entity: 'e', entityKey: 'k', op: 'o', payload: {}, origin: 'o', idempotencyKey: 'x', availableAtMs: 5 };
    const { sql, params } = buildEnqueue([entry, { ...entry, idempotencyKey: 'y' }], 1);
    expect(params).toHaveLength(18);
    expect(sql).toContain('$18::float8');
    expect(params[7]).toBe(5);
  });

  it('orders claimed rows by availability then id', () => {
    const row = (id: number, availableMs: number): ClaimedDbRow => ({
      id, entity: 'e', entity_key: 'k', household_id: null, op: 'o', payload: null, origin: 'o', idempotency_key: `${id}`,
      attempts: 1, lease_owner: 'w', lease_until: new Date(9), last_error: null, created_at: new Date(1), available_at: new Date(availableMs),
    });
    expect(toClaimedRows([row(3, 1), row(1, 2), row(2, 1)]).map((r) => r.id)).toEqual([2, 3, 1]);
  });
});
