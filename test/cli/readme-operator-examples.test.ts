/**
 * The README's operator examples, walked against the built binary the way an operator would type
 * them (issue: every promise in the README true for an operator). The walkthrough block is parsed
 * from README.md and run line by line — `npx understudy …` as `node dist/src/cli/main.js …`, `curl`
 * through sh with the exported environment, `kill -TERM %1` and `wait %1` on the served process —
 * and each `# →` must be in what the line printed, each `# log:` in the process's log. Then every
 * flag, environment variable, admin route and metric the README names must exist.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { configEnvironmentVariables } from '../../src/config/env-layer';
import { buildCli, repoRoot, runCli, startCli, type RunningCli } from '../support/built-cli';

const sh = promisify(execFile);
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

interface Step {
  readonly command: string;
  readonly expected: string[];
  readonly logs: string[];
}

/** The `sh` block under "### Walkthrough", as commands with their annotations. */
function walkthroughSteps(): { env: Record<string, string>; steps: Step[] } {
  const section = readme.slice(readme.indexOf('### Walkthrough'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  const env: Record<string, string> = {};
  const steps: { command: string; expected: string[]; logs: string[] }[] = [];
  for (const line of block.split('\n').filter((l) => l.trim() !== '')) {
    if (line.startsWith('export ')) for (const [, k, v] of line.slice(7).matchAll(/(\w+)=(\S+)/g)) env[k!] = v!;
    else if (line.startsWith('# → ')) steps.at(-1)!.expected.push(line.slice(4));
    else if (line.startsWith('# log: ')) steps.at(-1)!.logs.push(line.slice(7));
    else steps.push({ command: line, expected: [], logs: [] });
  }
  return { env, steps };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForLog(served: RunningCli, event: string): Promise<void> {
  await served.waitFor(new RegExp(`"event":"${event}"`), 15_000);
}

const cliArgs = (command: string): string[] => command.replace(/^npx understudy /, '').replace(/ &$/, '').split(' ');

beforeAll(() => buildCli(), 120_000);

describe('README walkthrough', () => {
  const outputs: string[] = [];
  let served: RunningCli | undefined;
  afterAll(() => served?.child.kill('SIGKILL'));

  it('behaves as written, line by line', async () => {
    const { env, steps } = walkthroughSteps();
    expect(steps.length).toBeGreaterThanOrEqual(10);
    const ports = { '8080': String(await freePort()), '8081': String(await freePort()) };
    const localise = (text: string): string => text.replace(/\b(8080|8081)\b/g, (p) => ports[p as '8080' | '8081']);
    for (const step of steps) {
      const command = localise(step.command);
      let output = '';
      if (command.startsWith('npx understudy serve')) {
        served = startCli(cliArgs(command), env);
        await served.waitFor(/understudy facade listening/, 150_000);
      } else if (command.startsWith('npx understudy ')) {
        const result = await runCli(cliArgs(command), env);
        expect(result.code).toBe(0);
        output = result.stdout;
      } else if (command.startsWith('curl ')) {
        output = (await sh('sh', ['-c', command], { env: { PATH: process.env.PATH ?? '', ...env } })).stdout;
      } else if (command === 'kill -TERM %1') {
        await checkNamedRoutes(env.UNDERSTUDY_ADMIN_TOKEN!, ports['8081']);
        served!.child.kill('SIGTERM');
      } else if (command === 'wait %1') {
        expect(await served!.exited()).toBe(0);
      } else throw new Error(`the walkthrough has a line this test cannot run: ${command}`);
      outputs.push(output);
      for (const expected of step.expected) expect({ command: step.command, output }).toEqual({ command: step.command, output: expect.stringContaining(localise(expected)) });
      for (const event of step.logs) await waitForLog(served!, event);
    }
    expect(served!.output()).not.toContain(env.UNDERSTUDY_ADMIN_TOKEN);
  }, 300_000);

  it('names only metrics the running instance exported', () => {
    const scraped = outputs.find((o) => o.includes('# TYPE understudy_'));
    expect(scraped).toBeDefined();
    const exported = new Set([...scraped!.matchAll(/^# TYPE (\S+)/gm)].map((m) => m[1]));
    const named = [...new Set([...readme.matchAll(/`(understudy_[a-z0-9_]+)`/g)].map((m) => m[1]!))];
    expect(named.length).toBeGreaterThanOrEqual(5);
    expect(named.filter((name) => !exported.has(name))).toEqual([]);
  });
});

/** Every admin route the README names answers (with the token) something other than 404. */
async function checkNamedRoutes(token: string, adminPort: string): Promise<void> {
  const routes = [...new Set([...readme.matchAll(/`(GET|PUT|POST) (\/admin\/[a-z/{}-]+|\/metrics)/g)].map((m) => `${m[1]} ${m[2]}`))];
  expect(routes.length).toBeGreaterThanOrEqual(7);
  for (const route of routes) {
    const [method, template] = route.split(' ') as [string, string];
    // A path parameter is filled with an operation the contract has (`/admin/parity/{operation}`).
    const path = template.replace('{operation}', 'asset.get');
    const answer = await fetch(`http://127.0.0.1:${adminPort}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
    expect({ route, status: answer.status }).not.toEqual({ route, status: 404 });
  }
}

describe('README reference', () => {
  it('lists only flags the commands accept', async () => {
    const table = readme.slice(readme.indexOf('## The CLI'), readme.indexOf('## Configuration'));
    const rows = [...table.matchAll(/^\| `understudy ([a-z]+(?: [a-z]+)?)((?: \[[^\]]+\])*)/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const helps = await Promise.all(rows.map(([, command]) => runCli([...command!.split(' '), '--help'])));
    rows.forEach(([, command, flags], i) => {
      for (const [, flag] of flags!.matchAll(/\[(--[a-z-]+)/g)) expect({ command, help: helps[i]!.stdout }).toEqual({ command, help: expect.stringContaining(flag!) });
    });
  }, 120_000);

  it('lists only environment variables understudy reads', () => {
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Operating a migration'));
    const named = [...new Set([...section.matchAll(/`\$?([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!))];
    const read = new Set([...Object.keys(configEnvironmentVariables), 'UNDERSTUDY_CONFIG', 'NODE_ENV']);
    expect(named.length).toBeGreaterThanOrEqual(15);
    expect(named.filter((name) => !read.has(name))).toEqual([]);
    expect([...read].filter((name) => !named.includes(name))).toEqual([]);
  });
});
