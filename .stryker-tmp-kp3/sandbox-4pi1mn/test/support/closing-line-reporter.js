// @ts-nocheck
// Prints one plain closing line ("tests: N passed, N failed, N skipped") that CI systems can read.
// It is written at process exit so that it follows jest's own summary.
class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const line = `tests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`;
    process.once('exit', () => process.stderr.write(line));
  }
}
module.exports = ClosingLineReporter;
