/**
 * The built binary's `diff` and `replay` (docs/recording.md): run as an operator runs them, in a
 * temp workspace, against vendor-sim and the facade on a shared frozen clock; a proxy in front of
 * the facade changes one field in transit to plant a divergence.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningUnderstudy } from '../../src/main';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { buildCli, cliPath } from '../support/built-cli';
import { frozenLabClock, startFacadeLab } from '../support/facade-lab';

interface Run { code: number; stdout: string; stderr: string }

function runBuilt(args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliPath, ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, CI: '1' }, timeout: 120_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A proxy to `target` that renames the asset in every asset.get answer (a field changed in transit). */
function startTamperingProxy(target: string): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const upstream = request(`${target}${req.url}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (c: Buffer) => body.push(c));
        answer.on('end', () => {
          let text = Buffer.concat(body).toString('utf8');
          if ((req.url ?? '').includes('/asset/action/get') && !(req.url ?? '').includes('PlaybackContext')) {
            try {
              const json = JSON.parse(text);
              if (typeof json?.result?.name === 'string') json.result.name = `${json.result.name} (altered in transit)`;
              text = JSON.stringify(json);
            } catch { /* not JSON: passed on as is */ }
          }
          const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(text)) };
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(text);
        });
      });
      upstream.on('error', () => res.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let work: string;
let vendor: VendorSim;
let facade: RunningUnderstudy;
/** A second facade behind the proxy: revocations a run stores (frozen clock) must not reach the other run. */
let tampered: RunningUnderstudy;
let proxy: Server;
let proxyUrl: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'understudy-cli-diff-'));
  await buildCli();
  const clock = frozenLabClock();
  vendor = await startVendorSim({ clock });
  // Every case logs in afresh from one address: the login rate limit is for devices, not for QA runs.
  facade = await startFacadeLab({ clock, overrides: { edge: { rateLimits: { enabled: false } } } });
  tampered = await startFacadeLab({ clock, overrides: { edge: { rateLimits: { enabled: false } } } });
  proxy = await startTamperingProxy(tampered.url);
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  await new Promise((resolve) => proxy.close(resolve));
  await facade.close();
  await tampered.close();
  await vendor.close();
  rmSync(work, { recursive: true, force: true });
});

const resets = (b: RunningUnderstudy = facade): string[] => ['--reset-a', `${vendor.url}/__sim/reset`, '--reset-b', `${b.upstreams.vendorUrl}/__sim/reset`, '--reset-b', `${b.upstreams.platformUrl}/__sim/reset`];

/** Each run starts from the seed state on every sim (failed logins of one run must not lock the next). */
beforeEach(async () => {
  for (const url of resets().filter((u) => u.startsWith('http'))) await (await fetch(url, { method: 'POST' })).text();
});

describe('understudy diff (built binary)', () => {
  it('exits 0 between vendor-sim and the facade over every golden case, reports written', async () => {
    const run = await runBuilt(['diff', '--a', vendor.url, '--b', facade.url, ...resets(), '--json', 'r.json', '--junit', 'r.xml', '--html', 'r.html'], work);
    expect(run.stdout).toContain('clean: ');
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(readFileSync(join(work, 'r.json'), 'utf8'));
    expect(report.clean).toBe(true);
    expect(report.operations.length).toBeGreaterThanOrEqual(26);
    expect(readFileSync(join(work, 'r.xml'), 'utf8')).toContain('<testsuite name="asset.get"');
    expect(readFileSync(join(work, 'r.html'), 'utf8')).toMatch(/^<!doctype html>/);
  }, 150_000);

  it('exits 1 on a field changed in transit and shows it at the operation and pointer in JUnit and HTML', async () => {
    const run = await runBuilt(['diff', '--a', vendor.url, '--b', proxyUrl, ...resets(tampered), '--junit', 'bad.xml', '--html', 'bad.html'], work);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('value at /result/name');
    const junit = readFileSync(join(work, 'bad.xml'), 'utf8');
    const suite = junit.slice(junit.indexOf('<testsuite name="asset.get"'), junit.indexOf('</testsuite>', junit.indexOf('<testsuite name="asset.get"')));
    expect(suite).toMatch(/<failure message="value at \/result\/name: A &quot;[^&]+&quot; vs B &quot;[^&]+ \(altered in transit\)&quot;/);
    for (const other of junit.split('<testsuite ').filter((s) => !s.startsWith('name="asset.get"'))) expect(other).not.toContain('<failure');
    const html = readFileSync(join(work, 'bad.html'), 'utf8');
    expect(html).toMatch(/<section class="case" data-operation="asset.get">[^]*?data-pointer="\/result\/name"/);
    expect(html).not.toMatch(/<script|<link|src="http/);
  }, 150_000);

  it('replay --partner-secret mints a KS for each recorded login instead of logging in, and keeps parity', async () => {
    const demo = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'catalog', 'demo.json'), 'utf8')) as { partnerId: number; partnerSecret: string };
    writeFileSync(join(work, 'partner.json'), JSON.stringify({ partnerId: demo.partnerId, secret: demo.partnerSecret }));
    const favourites = join(__dirname, '..', '..', 'fixtures', 'recordings', 'favourites');
    const logins = readFileSync(join(favourites, 'part-0001.ndjson'), 'utf8').split('\n').filter((l) => l.includes('"operation":"ottuser.login"') && l.includes('KalturaLoginResponse')).length;
    const run = await runBuilt(['replay', favourites, '--target', vendor.url, '--target', facade.url, '--partner-secret', 'partner.json', '--concurrency', '4'], work);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(logins).toBeGreaterThan(3);
    expect(run.stdout).toContain(`${logins} recorded logins not sent: their KS was minted with the partner secret`);
    expect(run.stdout).not.toContain('carried a session no replayed login mapped');
    expect(run.stdout).not.toContain('ottuser.login ');
    writeFileSync(join(work, 'bad-partner.json'), '{"secret": 5}');
    const bad = await runBuilt(['replay', favourites, '--target', facade.url, '--partner-secret', 'bad-partner.json'], work);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--partner-secret bad-partner.json: must be a JSON object {"partnerId": <integer>, "secret": "<partner secret>"}');
  }, 120_000);

  it('answers bad flags and unreadable recordings with a clear message and exit code 2', async () => {
    const badUrl = await runBuilt(['diff', '--a', 'not-a-url', '--b', facade.url], work);
    expect(badUrl).toMatchObject({ code: 2 });
    expect(badUrl.stderr).toContain('--a "not-a-url" is not a URL');
    const unknown = await runBuilt(['diff', '--a', vendor.url, '--b', facade.url, '--frobnicate'], work);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--frobnicate'");
    writeFileSync(join(work, 'broken.ndjson'), '{"v":1,"seq":1}\nnot json\n');
    const broken = await runBuilt(['replay', 'broken.ndjson', '--target', facade.url], work);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.ndjson:1: not a recording line');
    expect(broken.stderr).toContain('broken.ndjson:2: not a recording line (not JSON)');
    const missing = await runBuilt(['diff', '--a', vendor.url, '--b', facade.url, '--recording', 'nowhere'], work);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere: cannot read (ENOENT)');
    const har = await runBuilt(['har', join(__dirname, '..', '..', 'fixtures', 'recordings', 'player'), '--out', 'player.har'], work);
    expect(har.code).toBe(0);
    expect(JSON.parse(readFileSync(join(work, 'player.har'), 'utf8')).log.entries.length).toBeGreaterThan(10);
    expect((await runBuilt(['har', 'nowhere'], work)).code).toBe(2);
    const pace = await runBuilt(['replay', 'broken.ndjson', '--target', facade.url, '--speed', '2', '--rate', '5'], work);
    expect(pace.code).toBe(2);
    expect(pace.stderr).toContain('--speed and --rate exclude each other');
  }, 60_000);
});
