/** `understudy har <recording…> [--out FILE]`: a recording as HAR 1.2 (docs/recording.md "HAR"). */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { exportHar } from '../record/har-export';
import { exitWithErrors } from './process-helpers';
import { readRecordings } from './read-recordings';

/** Registers `understudy har`. */
export function registerHarCommand(program: Command): void {
  program
    .command('har')
    .description('export recordings as HAR 1.2 (as redacted as the recording)')
    .argument('<recording...>', 'recording directories or .ndjson files')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--origin <url>', 'host shown in the request URLs', 'http://understudy.invalid')
    .exitOverride((e) => process.exit(e.exitCode === 0 ? 0 : 2))
    .action((recordings: string[], flags: { out?: string; origin: string }) => {
      const read = readRecordings(recordings);
      if (!read.ok) return exitWithErrors('cannot export', read.errors);
      const text = JSON.stringify(exportHar(read.exchanges, flags.origin), null, 2) + '\n';
      if (flags.out === undefined) process.stdout.write(text);
      else writeFileSync(flags.out, text);
    });
}
