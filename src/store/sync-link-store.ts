import type { SyncLink, SyncLinks } from '../sync/sync-links';
import { isSyncEntity } from '../sync/sync-types';
import type { SqlClient } from './sql-client';

/** SyncLinks over SQL (store migration 16): one row per entity, side, owner and side id. */
export class SqlSyncLinks implements SyncLinks {
  constructor(private readonly sql: SqlClient) {}

  async put(link: SyncLink): Promise<void> {
    await this.sql.query(
      `INSERT INTO sync_links (entity, side, owner, side_id, key, value) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (entity, side, owner, side_id) DO UPDATE SET key = EXCLUDED.key, value = EXCLUDED.value`,
      [link.entity, link.side, link.owner, link.sideId, link.key, JSON.stringify(link.value)],
    );
  }

  async take(entity: SyncLink['entity'], side: SyncLink['side'], owner: string, sideId: string): Promise<SyncLink | undefined> {
    const { rows } = await this.sql.query<{ entity: string; key: string; value: unknown }>(
      'DELETE FROM sync_links WHERE entity = $1 AND side = $2 AND owner = $3 AND side_id = $4 RETURNING entity, key, value',
      [entity, side, owner, sideId],
    );
    const row = rows[0];
    if (row === undefined || !isSyncEntity(row.entity)) return undefined;
    const value = typeof row.value === 'string' ? (JSON.parse(row.value) as Record<string, unknown>) : (row.value as Record<string, unknown>);
    return { entity: row.entity, side, owner, sideId, key: row.key, value };
  }
}
