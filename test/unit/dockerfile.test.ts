/**
 * The Dockerfile, read as text (no Docker engine where understudy is developed): an init process
 * as PID 1 from Debian's packages, production by default, and only compiled src in the image.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const text = readFileSync(join(__dirname, '..', '..', 'Dockerfile'), 'utf8');
const finalStage = text.slice(text.lastIndexOf('\nFROM '));

describe('Dockerfile', () => {
  it('runs node under tini, installed from Debian', () => {
    expect(finalStage).toMatch(/apt-get install -y --no-install-recommends tini/);
    expect(finalStage).toMatch(/ENTRYPOINT \["\/usr\/bin\/tini", "--"\]/);
    expect(finalStage).toMatch(/CMD \["node", "dist\/src\/cli\/main\.js", "serve"\]/);
  });

  it('ships no compiled benches or tests and runs unprivileged in production mode', () => {
    const copies = finalStage.split('\n').filter((line) => line.startsWith('COPY'));
    expect(copies.some((line) => /\/app\/dist(\s|$)/.test(line))).toBe(false);
    expect(copies.some((line) => /bench|test/.test(line))).toBe(false);
    expect(text).toMatch(/rm -rf dist\/bench dist\/test/);
    expect(finalStage).toMatch(/^USER node$/m);
    expect(finalStage).toMatch(/ENV NODE_ENV=production/);
  });
});
