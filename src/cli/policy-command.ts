import type { Command } from 'commander';
import { checkPolicyFile } from './check-policy-file';
import { exitWithErrors } from './process-helpers';

/** Registers `understudy policy validate FILE` (offline: no server, no store). */
export function registerPolicyCommand(program: Command): void {
  const policy = program.command('policy').description('work with routing policy files');
  policy
    .command('validate')
    .description('check a policy file offline, as the running facade would; exit 0 when valid, 2 with every error otherwise')
    .argument('<file>', 'policy file (YAML or JSON)')
    .action((file: string) => {
      const checked = checkPolicyFile(file);
      if (!checked.ok) exitWithErrors(`invalid policy ${file}`, checked.error);
      else console.log(`${file}: valid (${checked.value.rules} rules, default target ${checked.value.defaultTarget})`);
    });
}
