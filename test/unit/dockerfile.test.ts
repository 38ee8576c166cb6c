/**
 * The Dockerfile, linted without a Docker engine (none where understudy is developed): the
 * `dockerfile-utils` validator (the Dockerfile language service's linter, from npm) must find
 * nothing, and the rules that matter for this image are checked as text — hadolint's DL3000,
 * DL3008, DL3009, DL3015, DL3020, DL3025, DL3002 among them, since hadolint itself is in neither
 * the npm nor the Debian registry. `scripts/dockerfile-dry-run.mjs` runs the steps themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from 'dockerfile-utils';

const text = readFileSync(join(__dirname, '..', '..', 'Dockerfile'), 'utf8');
const instructions = text.replace(/\\\n\s*/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
const stages = instructions.reduce<string[][]>((all, line) => (line.startsWith('FROM ') ? [...all, [line]] : all.length === 0 ? all : [...all.slice(0, -1), [...all.at(-1)!, line]]), []);
const finalStage = stages.at(-1)!;
const runs = instructions.filter((l) => l.startsWith('RUN '));

describe('Dockerfile lint', () => {
  it('passes the dockerfile-utils validator with no finding', () => {
    expect(validate(text).map((d) => `${d.range.start.line + 1}: ${typeof d.message === "string" ? d.message : d.message.value}`)).toEqual([]);
  });

  it('builds every stage on one Node 24 base, pinned to a patch version (a digest at build time)', () => {
    expect(text).toMatch(/^ARG NODE_IMAGE=node:24\.\d+\.\d+-bookworm-slim$/m);
    expect(stages.length).toBeGreaterThanOrEqual(3);
    for (const stage of stages) expect(stage[0]).toMatch(/^FROM \$\{NODE_IMAGE\}( AS [a-z-]+)?$/);
  });

  it('installs from Debian without recommends, pinned, and leaves no package lists (DL3008, DL3009, DL3015)', () => {
    const apt = runs.filter((r) => r.includes('apt-get install'));
    expect(apt.length).toBeGreaterThan(0);
    for (const run of apt) {
      expect(run).toMatch(/apt-get install -y --no-install-recommends/);
      for (const pkg of run.slice(run.indexOf('--no-install-recommends') + 23).split('&&')[0]!.trim().split(/\s+/)) expect(pkg).toMatch(/^[a-z0-9.+-]+=\S+$/);
      expect(run).toMatch(/rm -rf \/var\/lib\/apt\/lists\/\*/);
    }
  });

  it('uses no ADD, absolute WORKDIRs and JSON-form CMD and ENTRYPOINT (DL3020, DL3000, DL3025)', () => {
    expect(instructions.filter((l) => l.startsWith('ADD '))).toEqual([]);
    for (const workdir of instructions.filter((l) => l.startsWith('WORKDIR '))) expect(workdir).toMatch(/^WORKDIR \//);
    for (const line of instructions.filter((l) => /^(CMD|ENTRYPOINT) /.test(l))) expect(() => JSON.parse(line.slice(line.indexOf(' ') + 1))).not.toThrow();
  });

  it('runs node under tini as a numeric non-root user, files root-owned so it cannot change them (DL3002)', () => {
    expect(finalStage).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
    expect(finalStage).toContain('CMD ["node", "dist/src/cli/main.js", "serve"]');
    const users = finalStage.filter((l) => l.startsWith('USER '));
    expect(users).toEqual(['USER 1000:1000']);
    expect(finalStage.indexOf(users[0]!)).toBeGreaterThan(Math.max(...finalStage.map((l, i) => (l.startsWith('COPY ') || l.startsWith('RUN ') ? i : -1))));
    for (const copy of finalStage.filter((l) => l.startsWith('COPY '))) expect(copy).toMatch(/^COPY (--from=\S+ )?--chown=root:root /);
    expect(finalStage).toContain('ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080');
    expect(finalStage.some((l) => l.startsWith('HEALTHCHECK ') && l.includes('/livez'))).toBe(true);
  });

  it('ships production dependencies from the lockfile and their SBOM, no compiled benches or tests', () => {
    const deps = stages.find((s) => s[0]!.endsWith(' AS runtime-deps'))!;
    expect(deps.join('\n')).toMatch(/npm ci --omit=dev .*--ignore-scripts/);
    expect(deps.join('\n')).toMatch(/npm pkg delete devDependencies &&\s+npm sbom --sbom-format=cyclonedx > sbom\.cdx\.json/);
    const copies = finalStage.filter((l) => l.startsWith('COPY '));
    expect(copies.find((l) => l.includes('/app/node_modules'))).toMatch(/--from=runtime-deps /);
    expect(copies.some((l) => /\/app\/dist(\s|$)/.test(l))).toBe(false);
    expect(copies.some((l) => /bench|test/.test(l))).toBe(false);
    expect(text).toMatch(/rm -rf dist\/bench dist\/test/);
  });
});
