// Prints "N passed, N failed[, N skipped]" from a jest --json results file.
const fs = require('node:fs');
const file = process.argv[2];
let results;
try {
  results = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (e) {
  console.log('0 passed, 1 failed');
  console.error(`no jest results in ${file}: ${e.message}`);
  process.exit(1);
}
const failed = results.numFailedTests + (results.numRuntimeErrorTestSuites || 0);
const skipped = results.numPendingTests + (results.numTodoTests || 0);
console.log(`${results.numPassedTests} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed > 0 ? 1 : 0);
