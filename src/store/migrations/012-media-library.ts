import type { Migration } from './migration';

/**
 * The media library's copy state (issue 18, docs/media.md): one row per inventory file with its state
 * and reason, one row per object copied and verified in the bucket, so a second run copies nothing
 * and a killed run resumes without re-uploading what it verified.
 */
export const mediaLibraryMigration: Migration = {
  id: 12,
  name: 'media-library',
  sql: `
CREATE TABLE media_files (
  file_id bigint PRIMARY KEY,
  asset_id bigint NOT NULL,
  manifest_url text NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'copied', 'verified', 'failed')),
  reason text,
  bytes bigint NOT NULL DEFAULT 0,
  objects integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX media_files_state ON media_files (state);
CREATE TABLE media_objects (
  object_key text PRIMARY KEY,
  file_id bigint NOT NULL REFERENCES media_files (file_id) ON DELETE CASCADE,
  size bigint NOT NULL,
  sha256 text NOT NULL,
  verified_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX media_objects_file ON media_objects (file_id);
`,
};
