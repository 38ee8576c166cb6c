/**
 * Rotating NDJSON files for one recording (docs/recording.md "Files"): `<dir>/<recordingId>/
 * part-0001.ndjson`, next part past `maxFileBytes`, nothing more past `maxFiles` (the recorder
 * counts the drops). Writes are appends; errors reject and the recorder stops writing.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecordingSink } from '../record/recorder';

/** Opens the sink for one recording (the directory is created on first write). */
export function openRecordFileSink(dir: string, recordingId: string, limits: { maxFileBytes: number; maxFiles: number }): RecordingSink {
  const folder = join(dir, recordingId);
  const files: string[] = [];
  let current = '';
  let currentBytes = 0;
  let made = false;
  const nextFile = (): boolean => {
    if (files.length >= limits.maxFiles) return false;
    current = join(folder, `part-${String(files.length + 1).padStart(4, '0')}.ndjson`);
    files.push(current);
    currentBytes = 0;
    return true;
  };
  return {
    async append(text) {
      if (!made) {
        await mkdir(folder, { recursive: true });
        made = true;
      }
      const bytes = Buffer.byteLength(text);
      if ((current === '' || (currentBytes > 0 && currentBytes + bytes > limits.maxFileBytes)) && !nextFile()) return false;
      await appendFile(current, text);
      currentBytes += bytes;
      return true;
    },
    close: () => Promise.resolve(),
    files: () => [...files],
  };
}
