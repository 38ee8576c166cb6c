// Runs the Dockerfile's steps without a Docker engine (none where understudy is developed), in clean
// directories: each stage's COPY (from the context or an earlier stage) and RUN lines, read from the
// Dockerfile itself, in a directory per stage. The last stage's apt-get step is not run as written (it
// would install tini into this machine): the exact pinned tini package is downloaded from Debian and
// unpacked beside the stage instead, and the image's ENTRYPOINT runs with that tini. Then the image's
// CMD starts as uid 1000 in a directory it cannot write to: production mode must refuse without
// secrets, the lab must answer /livez, the HEALTHCHECK command must pass, and SIGTERM sent to tini
// must reach node, drain and exit 0.
// Usage: node scripts/dockerfile-dry-run.mjs   (prints one line per verified fact; exit 1 on a failure)
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const context = join(import.meta.dirname, '..');
const lines = readFileSync(join(context, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, '').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
const root = mkdtempSync(join(tmpdir(), 'understudy-image-'));
execFileSync('chmod', ['755', root]);
const stages = [];
let stage;
const say = (text) => console.log(`ok   ${text}`);

function copy(args, into) {
  const from = args.find((a) => a.startsWith('--from='))?.slice(7);
  const paths = args.filter((a) => !a.startsWith('--'));
  const dest = paths.pop();
  for (const source of paths) {
    const base = from === undefined ? context : stages.find((s) => s.name === from).dir;
    const src = from === undefined ? join(base, source) : join(base, source.replace(/^\/app\/?/, ''));
    const target = dest.endsWith('/') || paths.length > 1 ? join(into, dest, source.split('/').pop()) : join(into, dest);
    cpSync(src, target, { recursive: true, dereference: false });
  }
}

for (const line of lines) {
  const [instruction, ...rest] = line.split(/\s+/);
  const text = line.slice(instruction.length).trim();
  if (instruction === 'FROM') {
    const name = / AS (\S+)$/i.exec(text)?.[1] ?? 'final';
    stage = { name, dir: join(root, name), env: {}, user: undefined, cmd: undefined, health: undefined };
    stages.push(stage);
    execFileSync('mkdir', ['-p', stage.dir]);
  } else if (instruction === 'COPY') copy(rest, stage.dir);
  else if (instruction === 'RUN') {
    if (text.startsWith('apt-get')) {
      const pin = /\btini=(\S+)/.exec(text)?.[1];
      if (pin === undefined) throw new Error('the apt-get line does not pin tini');
      execFileSync('sh', ['-c', `apt-get download tini=${pin} >/dev/null && dpkg -x tini_*.deb tini-deb`], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
      stage.tini = join(root, 'tini-deb/usr/bin/tini');
      say(`[${stage.name}] tini ${pin}, the pinned version, downloaded from Debian and unpacked (not installed)`);
      continue;
    }
    execFileSync('sh', ['-c', text], { cwd: stage.dir, stdio: ['ignore', 'ignore', 'inherit'] });
    say(`[${stage.name}] RUN ${text.slice(0, 90)}`);
  } else if (instruction === 'ENV') for (const [, k, v] of text.matchAll(/(\w+)=(\S+)/g)) stage.env[k] = v;
  else if (instruction === 'USER') stage.user = text;
  else if (instruction === 'CMD') stage.cmd = JSON.parse(text);
  else if (instruction === 'ENTRYPOINT') stage.entrypoint = JSON.parse(text);
  else if (instruction === 'HEALTHCHECK') stage.health = JSON.parse(text.slice(text.indexOf('CMD') + 3).trim());
}

const image = stages.at(-1);
const fail = (text) => {
  console.log(`FAIL ${text}`);
  process.exitCode = 1;
};
const listed = execFileSync('find', ['.', '-maxdepth', '3', '-name', '*.test.js', '-o', '-maxdepth', '3', '-name', 'bench', '-o', '-maxdepth', '2', '-path', './node_modules/jest'], { cwd: image.dir, encoding: 'utf8' }).trim();
if (listed === '') say('no tests, no benches, no jest in the image'); else fail(`the image holds ${listed}`);
for (const name of ['typescript', '@swc/core', 'eslint', 'nock']) if (existsSync(join(image.dir, 'node_modules', name))) fail(`dev dependency ${name} in the image`);
say('no dev dependency (typescript, @swc/core, eslint) in node_modules');
const sbom = JSON.parse(readFileSync(join(image.dir, 'sbom.cdx.json'), 'utf8'));
if (sbom.bomFormat === 'CycloneDX' && sbom.components.some((c) => c.name === 'express') && !sbom.components.some((c) => c.name === 'jest')) say(`SBOM: CycloneDX ${sbom.specVersion}, ${sbom.components.length} production components`);
else fail('SBOM missing or lists dev dependencies');

const [uid, gid] = image.user.split(':');
const port = await new Promise((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
const run = (env, args = image.cmd) => spawn('setpriv', ['--reuid', uid, '--regid', gid, '--clear-groups', ...args], { cwd: image.dir, env: { PATH: process.env.PATH, HOME: '/tmp', ...image.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
const finished = (child) => new Promise((resolve) => { let out = ''; child.stdout.on('data', (d) => (out += d)); child.stderr.on('data', (d) => (out += d)); child.on('exit', (code) => resolve({ code, out })); });

const refused = await finished(run({ PORT: String(port) }));
if (refused.code !== 0 && /UNDERSTUDY_ADMIN_TOKEN/.test(refused.out)) say(`as uid ${uid}: production without secrets refuses to start and names what is missing`);
else fail(`production start without secrets: exit ${refused.code}`);

// ENTRYPOINT + CMD, as the container runs them, with the unpacked tini in place of /usr/bin/tini.
const entrypoint = (image.entrypoint ?? []).map((arg) => (arg === '/usr/bin/tini' ? image.tini : arg));
if (entrypoint[0] === image.tini && image.tini !== undefined) say('ENTRYPOINT is the tini the apt-get line installs'); else fail(`ENTRYPOINT ${JSON.stringify(image.entrypoint)} is not /usr/bin/tini`);
const lab = run({ NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), ADMIN_PORT: '0', UNDERSTUDY_SYNC: 'off' }, [...entrypoint, ...image.cmd]);
let served = false;
for (let i = 0; i < 300 && !served; i++) {
  served = await fetch(`http://127.0.0.1:${port}/livez`).then((r) => r.ok, () => false);
  if (!served) await new Promise((r) => setTimeout(r, 100));
}
if (served) say(`as uid ${uid} in a directory it cannot write: the lab serves /livez`); else fail('the lab did not answer /livez');
const health = await finished(run({ PORT: String(port) }, image.health));
if (health.code === 0) say('the HEALTHCHECK command passes'); else fail(`HEALTHCHECK exit ${health.code}`);
lab.kill('SIGTERM');
const stopped = await finished(lab);
if (stopped.code === 0) say('SIGTERM to tini (PID 1 in the image) reaches node, which drains and exits 0'); else fail(`exit ${stopped.code} after SIGTERM`);
const touched = await finished(run({}, ['touch', join(image.dir, 'written-by-the-process')]));
if (touched.code !== 0) say(`uid ${uid} cannot write under /app (root-owned, read-only to it)`); else fail(`uid ${uid} can write under /app`);
rmSync(root, { recursive: true, force: true });
