/**
 * Published policy versions in the store's `policy_versions` table (migration 4), so a restart
 * keeps what operators changed through the admin API (docs/policy.md "Versions survive a restart").
 */
import type { SqlClient } from './sql-client';

/** One published policy version as stored. */
export interface StoredPolicyVersion {
  readonly version: number;
  readonly document: unknown;
  readonly author: string;
  readonly atMs: number;
}

/** The policy versions port. */
export interface PolicyVersionStore {
  /** The newest version, or undefined when none was ever stored. */
  latest(): Promise<StoredPolicyVersion | undefined>;
  /** The newest version whose author starts with `prefix` (e.g. `file:`), or undefined. */
  latestByAuthor(prefix: string): Promise<StoredPolicyVersion | undefined>;
  /** Stores a version; false when that version number is already stored (another instance published it). */
  append(version: StoredPolicyVersion): Promise<boolean>;
}

interface Row {
  version: number;
  document: unknown;
  author: string;
  created_at: Date;
}

const toStored = (row: Row | undefined): StoredPolicyVersion | undefined =>
  row === undefined ? undefined : { version: Number(row.version), document: row.document, author: row.author, atMs: row.created_at.getTime() };

/** PolicyVersionStore over SQL. */
export class SqlPolicyVersionStore implements PolicyVersionStore {
  constructor(private readonly sql: SqlClient) {}

  async latest(): Promise<StoredPolicyVersion | undefined> {
    const { rows } = await this.sql.query<Row>('SELECT version, document, author, created_at FROM policy_versions ORDER BY version DESC, site DESC LIMIT 1');
    return toStored(rows[0]);
  }

  async latestByAuthor(prefix: string): Promise<StoredPolicyVersion | undefined> {
    const { rows } = await this.sql.query<Row>(
      "SELECT version, document, author, created_at FROM policy_versions WHERE starts_with(author, $1) ORDER BY version DESC, site DESC LIMIT 1",
      [prefix],
    );
    return toStored(rows[0]);
  }

  async append(version: StoredPolicyVersion): Promise<boolean> {
    const { rowCount } = await this.sql.query(
      `INSERT INTO policy_versions (version, document, author, created_at) VALUES ($1, $2::jsonb, $3, to_timestamp($4::double precision / 1000))
       ON CONFLICT (version, site) DO NOTHING`,
      [version.version, JSON.stringify(version.document), version.author, version.atMs],
    );
    return rowCount === 1;
  }
}
