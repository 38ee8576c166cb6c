// Prints "N passed, N failed[, N skipped]" from one or more jest --json results files, summed
// (.ci/run adds the Node 24 pass to the Node 20 one). A missing or unreadable file counts as a failure.
// Every failed test is named first (file, title, the first lines of its message), so a CI log that
// keeps only this script's output still says what failed.
const fs = require('node:fs');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  let results;
  try {
    results = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    failed += 1;
    console.error(`no jest results in ${file}: ${e.message}`);
    continue;
  }
  passed += results.numPassedTests;
  failed += results.numFailedTests + (results.numRuntimeErrorTestSuites || 0);
  skipped += results.numPendingTests + (results.numTodoTests || 0);
  for (const suite of results.testResults || []) {
    const name = String(suite.name || '').replace(process.cwd() + '/', '');
    const failedTests = (suite.assertionResults || []).filter((t) => t.status === 'failed');
    if (failedTests.length === 0 && suite.status === 'failed') {
      console.error(`FAILED ${name}: ${firstLines(suite.message)}`);
    }
    for (const t of failedTests) {
      console.error(`FAILED ${name} › ${t.fullName}: ${firstLines((t.failureMessages || []).join('\n'))}`);
    }
  }
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed > 0 ? 1 : 0);

function firstLines(text) {
  // eslint-disable-next-line no-control-regex
  const plain = String(text || '').replace(/\u001b\[[0-9;]*m/g, '');
  return plain.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 6).join(' | ').slice(0, 1200);
}
