/**
 * Reads recordings from disk for replay and diff: each argument is a recording directory (its
 * `*.ndjson` parts in order) or one `.ndjson` file. Every problem is reported with the file and
 * line, so the command can answer with a clear message and exit code 2.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseRecordedLine, type RecordedExchange } from '../record/recording-format';
import { orderExchanges } from '../record/replay-pacing';

const maxReportedProblems = 10;

function filesOf(path: string): { files: string[]; error?: string } {
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    return { files: [], error: `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (stat.isFile()) return { files: [path] };
  const parts = readdirSync(path).filter((f) => f.endsWith('.ndjson')).sort().map((f) => join(path, f));
  if (parts.length > 0) return { files: parts };
  // A recording root: every recording directory under it.
  const nested = readdirSync(path).map((f) => join(path, f)).filter((p) => statSync(p).isDirectory()).flatMap((p) => filesOf(p).files);
  return nested.length > 0 ? { files: nested } : { files: [], error: `${path}: no .ndjson recording files in it` };
}

/** The exchanges of all given recordings in recorded order, or the problems found. */
export function readRecordings(paths: readonly string[]): { ok: true; exchanges: RecordedExchange[] } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const exchanges: RecordedExchange[] = [];
  for (const path of paths) {
    const { files, error } = filesOf(path);
    if (error !== undefined) errors.push(error);
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        errors.push(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
        continue;
      }
      text.split('\n').forEach((line, index) => {
        if (line.trim() === '') return;
        const parsed = parseRecordedLine(line);
        if (parsed.ok) exchanges.push(parsed.exchange);
        else if (errors.length < maxReportedProblems) errors.push(`${file}:${index + 1}: not a recording line (${parsed.error})`);
      });
    }
  }
  if (errors.length === 0 && exchanges.length === 0) errors.push('the recordings hold no exchanges');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, exchanges: orderExchanges(exchanges) };
}
