// Prints "N passed, N failed[, N skipped]" from one or more jest --json results files, summed
// (.ci/run adds the Node 24 pass to the Node 20 one). A missing or unreadable file counts as a failure.
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
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed > 0 ? 1 : 0);
