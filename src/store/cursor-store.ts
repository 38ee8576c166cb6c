import type { CursorStore } from './ports';
import type { SqlClient } from './sql-client';

/** CursorStore over SQL: one row per named feed position. */
export class SqlCursorStore implements CursorStore {
  constructor(private readonly sql: SqlClient) {}

  async get(name: string): Promise<string | undefined> {
    const { rows } = await this.sql.query<{ cursor: string }>('SELECT cursor FROM sync_cursors WHERE name = $1', [name]);
    return rows[0]?.cursor;
  }

  async set(name: string, cursor: string, tx?: SqlClient): Promise<void> {
    await (tx ?? this.sql).query(
      `INSERT INTO sync_cursors (name, cursor) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET cursor = EXCLUDED.cursor, updated_at = now()`,
      [name, cursor],
    );
  }
}
