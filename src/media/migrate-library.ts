/**
 * `understudy media migrate` as a computation (issue 18; style.md practice 12): every selected file
 * not yet verified is copied with bounded concurrency; the result counts what happened so a renderer
 * prints it and the exit code follows from it (0 all verified, 1 some failed).
 */
import { copyFile, type CopyContext, type FileCopyOutcome } from './copy-file';
import type { InventoryFile } from './media-ports';

export interface MigrateRequest {
  /** The whole inventory (or the selected assets' files). */
  readonly files: readonly InventoryFile[];
  readonly concurrency: number;
  /** Lists what would be copied without copying. */
  readonly dryRun: boolean;
  /** Told after each file (progress bar). */
  readonly onFile?: (done: number, total: number, outcome: FileCopyOutcome | undefined) => void;
}

export interface MigrateResult {
  readonly files: number;
  /** Files verified before this run, left alone. */
  readonly alreadyVerified: number;
  readonly verified: number;
  readonly failed: number;
  readonly uploadedBytes: number;
  readonly uploadedObjects: number;
  readonly keptObjects: number;
  readonly dryRun: boolean;
  readonly failures: readonly { readonly fileId: number; readonly reason: string }[];
}

/** Copies every selected file not yet verified; never throws for a file's failure. */
export async function migrateLibrary(request: MigrateRequest, ctx: CopyContext): Promise<MigrateResult> {
  await ctx.store.addInventory(request.files);
  const records = await ctx.store.listFiles(request.files.map((f) => f.fileId));
  const todo = records.filter((r) => r.state !== 'verified');
  const outcomes: FileCopyOutcome[] = [];
  if (!request.dryRun) await runPool(todo, request.concurrency, async (record) => {
    const outcome = await copyFile(record, ctx);
    outcomes.push(outcome);
    request.onFile?.(outcomes.length, todo.length, outcome);
  });
  const failures = outcomes.filter((o) => o.state === 'failed').map((o) => ({ fileId: o.fileId, reason: o.reason ?? '' }));
  return {
    files: records.length,
    alreadyVerified: records.length - todo.length,
    verified: outcomes.filter((o) => o.state === 'verified').length,
    failed: failures.length,
    uploadedBytes: outcomes.reduce((sum, o) => sum + o.uploadedBytes, 0),
    uploadedObjects: outcomes.reduce((sum, o) => sum + o.uploadedObjects, 0),
    keptObjects: outcomes.reduce((sum, o) => sum + o.keptObjects, 0),
    dryRun: request.dryRun,
    failures: failures.sort((a, b) => a.fileId - b.fileId),
  };
}

/** Runs `work` over `items` with at most `concurrency` in flight. */
export async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

