/** Renderers of the media commands' results (style.md practice 12: compute, then render). */
import type { MigrateResult } from '../media/migrate-library';
import type { MediaStatus } from '../media/media-ports';
import type { VerifyResult } from '../media/verify-library';

function listFailures(failures: readonly { fileId: number; reason: string }[]): string[] {
  return failures.slice(0, 50).map((f) => `  file ${f.fileId}: ${f.reason}`).concat(failures.length > 50 ? [`  … and ${failures.length - 50} more`] : []);
}

/** `media migrate` as text. */
export function renderMigrate(result: MigrateResult): string {
  const head = result.dryRun
    ? `dry run: ${result.files - result.alreadyVerified} of ${result.files} files would be copied (${result.alreadyVerified} already verified)`
    : `${result.files} files: ${result.alreadyVerified} already verified, ${result.verified} verified now, ${result.failed} failed; uploaded ${result.uploadedObjects} objects (${result.uploadedBytes} bytes), kept ${result.keptObjects}`;
  return [head, ...listFailures(result.failures)].join('\n');
}

/** `media verify` as text. */
export function renderVerify(result: VerifyResult): string {
  return [`checked ${result.checked} verified files: ${result.stillVerified} intact, ${result.failed.length} back to failed`, ...listFailures(result.failed)].join('\n');
}

/** `media status` as text. */
export function renderStatus(status: MediaStatus): string {
  const { files, bytes } = status;
  return [
    `files: ${files.total} (pending ${files.pending}, copied ${files.copied}, verified ${files.verified}, failed ${files.failed})`,
    `bytes verified: ${bytes.verified}`,
    ...listFailures(status.failures),
  ].join('\n');
}
