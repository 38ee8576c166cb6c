// Unused dependencies and exports (knip, pinned in devDependencies), as `npm test` runs it.
// Dependencies, unlisted or unresolved imports and binaries must be clean: the image ships only
// what the code uses. Unused files, exports and types are held to a ratchet: the ones in
// knip-baseline.json (there when the check was introduced) are tolerated, any new one fails, and
// `node scripts/knip-check.mjs --update` rewrites the baseline after removing some.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const baselineFile = join(root, 'knip-baseline.json');
const strictKinds = ['dependencies', 'devDependencies', 'optionalPeerDependencies', 'unlisted', 'unresolved', 'binaries'];
const ratchetKinds = ['files', 'exports', 'types', 'enumMembers', 'namespaceMembers', 'duplicates'];

const run = spawnSync(process.execPath, [join(root, 'node_modules/knip/bin/knip.js'), '--no-progress', '--reporter', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`knip did not report (exit ${run.status}): ${run.stderr.slice(0, 2000)}`);
  process.exit(1);
}
const names = (list) => list.map((item) => (Array.isArray(item) ? item.map((i) => i.name).join('|') : item.name));
const strict = [];
const found = [];
for (const issue of report.issues) {
  for (const kind of strictKinds) for (const name of names(issue[kind] ?? [])) strict.push(`${kind}: ${name} (${issue.file})`);
  for (const kind of ratchetKinds) for (const name of names(issue[kind] ?? [])) found.push(`${issue.file} ${kind} ${name}`);
}
found.sort();
if (process.argv.includes('--update')) {
  writeFileSync(baselineFile, JSON.stringify(found, null, 1) + '\n');
  console.log(`knip-baseline.json: ${found.length} entries`);
}
const baseline = new Set(JSON.parse(readFileSync(baselineFile, 'utf8')));
const fresh = found.filter((entry) => !baseline.has(entry));
const gone = [...baseline].filter((entry) => !found.includes(entry)).length;
for (const line of strict) console.error(`unused or unlisted ${line}`);
for (const entry of fresh) console.error(`new unused export or file: ${entry}`);
const summary = `knip: ${strict.length} dependency findings, ${fresh.length} new unused exports or files (${baseline.size} tolerated in knip-baseline.json${gone > 0 ? `, ${gone} of them now used or removed: run with --update` : ''})`;
if (strict.length > 0 || fresh.length > 0) {
  console.error(summary);
  process.exit(1);
}
console.log(summary);
