/** MediaStateStore over SQL (migration 012, docs/media.md "State"). */
import { mediaFileStates, type InventoryFile, type MediaFileRecord, type MediaFileState, type MediaStateStore, type MediaStatus, type StoredObject } from '../media/media-ports';
import type { SqlClient } from './sql-client';

interface FileRow {
  file_id: number;
  asset_id: number;
  manifest_url: string;
  state: MediaFileState;
  reason: string | null;
  bytes: number;
  objects: number;
}

function toRecord(row: FileRow): MediaFileRecord {
  return { fileId: Number(row.file_id), assetId: Number(row.asset_id), manifestUrl: row.manifest_url, state: row.state, ...(row.reason === null ? {} : { reason: row.reason }), bytes: Number(row.bytes), objects: Number(row.objects) };
}

/** The folder of a manifest URL's path, as the bucket keys it (`vod/1/2/`). */
export function folderOfUrl(manifestUrl: string): string {
  const path = new URL(manifestUrl).pathname;
  return path.slice(1, path.lastIndexOf('/') + 1);
}

export class SqlMediaStore implements MediaStateStore {
  constructor(private readonly sql: SqlClient) {}

  async addInventory(files: readonly InventoryFile[]): Promise<void> {
    // One statement per 500 files keeps parameter lists small on both drivers.
    for (let i = 0; i < files.length; i += 500) {
      const chunk = files.slice(i, i + 500);
      const values = chunk.map((_, j) => `($${j * 3 + 1}, $${j * 3 + 2}, $${j * 3 + 3})`).join(', ');
      await this.sql.query(`INSERT INTO media_files (file_id, asset_id, manifest_url) VALUES ${values} ON CONFLICT (file_id) DO NOTHING`, chunk.flatMap((f) => [f.fileId, f.assetId, f.manifestUrl]));
    }
  }

  async listFiles(ids?: readonly number[]): Promise<MediaFileRecord[]> {
    const { rows } = ids === undefined
      ? await this.sql.query<FileRow>('SELECT * FROM media_files ORDER BY file_id')
      : await this.sql.query<FileRow>('SELECT * FROM media_files WHERE file_id = ANY($1::bigint[]) ORDER BY file_id', [ids]);
    return rows.map(toRecord);
  }

  async setState(fileId: number, state: MediaFileState, detail: { reason?: string; bytes?: number; objects?: number } = {}): Promise<void> {
    await this.sql.query(
      `UPDATE media_files SET state = $2, reason = $3, bytes = coalesce($4, bytes), objects = coalesce($5, objects), updated_at = now() WHERE file_id = $1`,
      [fileId, state, detail.reason ?? null, detail.bytes ?? null, detail.objects ?? null],
    );
  }

  async recordObject(fileId: number, object: StoredObject): Promise<void> {
    await this.sql.query(
      `INSERT INTO media_objects (object_key, file_id, size, sha256) VALUES ($1, $2, $3, $4)
       ON CONFLICT (object_key) DO UPDATE SET size = EXCLUDED.size, sha256 = EXCLUDED.sha256, verified_at = now()`,
      [object.key, fileId, object.size, object.sha256],
    );
  }

  async objectsOf(fileId: number): Promise<StoredObject[]> {
    const { rows } = await this.sql.query<{ object_key: string; size: number; sha256: string }>('SELECT object_key, size, sha256 FROM media_objects WHERE file_id = $1 ORDER BY object_key', [fileId]);
    return rows.map((r) => ({ key: r.object_key, size: Number(r.size), sha256: r.sha256 }));
  }

  async forgetObjects(fileId: number): Promise<void> {
    await this.sql.query('DELETE FROM media_objects WHERE file_id = $1', [fileId]);
  }

  async verifiedFolders(): Promise<Map<number, string>> {
    const { rows } = await this.sql.query<{ file_id: number; manifest_url: string }>("SELECT file_id, manifest_url FROM media_files WHERE state = 'verified'");
    return new Map(rows.map((r) => [Number(r.file_id), folderOfUrl(r.manifest_url)]));
  }

  async summarise(maxFailures: number): Promise<MediaStatus> {
    const { rows } = await this.sql.query<{ state: MediaFileState; n: number; b: number }>('SELECT state, count(*) AS n, coalesce(sum(bytes), 0) AS b FROM media_files GROUP BY state');
    const files: Record<string, number> = { total: 0 };
    const bytes: Record<string, number> = { total: 0 };
    for (const state of mediaFileStates) files[state] = bytes[state] = 0;
    for (const row of rows) {
      files[row.state] = Number(row.n);
      bytes[row.state] = Number(row.b);
      files.total! += Number(row.n);
      bytes.total! += Number(row.b);
    }
    const failed = await this.sql.query<{ file_id: number; reason: string | null }>("SELECT file_id, reason FROM media_files WHERE state = 'failed' ORDER BY file_id LIMIT $1", [maxFailures]);
    return { files: files as MediaStatus['files'], bytes: bytes as MediaStatus['bytes'], failures: failed.rows.map((r) => ({ fileId: Number(r.file_id), reason: r.reason ?? '' })) };
  }
}
