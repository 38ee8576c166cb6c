import { Command } from 'commander';
import { registerSimCommand } from './sim-command';
import { registerServeCommand } from './serve-command';
import { registerPolicyCommand } from './policy-command';
import { registerReplayCommand } from './replay-command';
import { registerDiffCommand } from './diff-command';
import { registerHarCommand } from './har-command';
import { readPackageVersion } from './package-version';
import { registerSyncCommand } from './sync-command';
import { registerCoverageCommand } from './coverage-command';
import { registerMediaCommand } from './media-command';

/** Builds the `understudy` command line. */
export function buildProgram(): Command {
  const program = new Command('understudy')
    .description('answers legacy devices exactly like the vendor API, with the work done by the platform')
    .version(readPackageVersion(), '-V, --version', 'print the version and exit')
    .showHelpAfterError();
  registerServeCommand(program);
  registerPolicyCommand(program);
  registerSimCommand(program);
  registerSyncCommand(program);
  registerCoverageCommand(program);
  registerMediaCommand(program);
  registerReplayCommand(program);
  registerDiffCommand(program);
  registerHarCommand(program);
  return program;
}

if (require.main === module) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
