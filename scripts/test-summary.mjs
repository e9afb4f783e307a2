// Prints the closing line CI reads, "N passed, N failed[, N skipped]", from
// Vitest's JSON report (written when CI is set). Exits 1 when the report is
// missing or counts a failure, so a run that never reached the tests, or whose
// exit code was lost, cannot look green.
import { readFileSync } from 'node:fs';

const reportPath = process.argv[2] ?? 'test-results/vitest.json';
try {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const skipped = report.numPendingTests + report.numTodoTests;
  console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (report.numFailedTests > 0 || report.numFailedTestSuites > 0 || report.success === false) process.exitCode = 1;
} catch {
  console.log('0 passed, 1 failed');
  console.error(`No test report at ${reportPath}: the tests did not run to the end.`);
  process.exit(1);
}
