// The model's own tests: what Stryker runs against each mutant of model/ (npm run mutation).
// Reuses the swc transform of jest.config.js, without its live-suite global setup (no cluster probe
// per mutant run) and without the closing-line reporter.
const base = { ...require('./jest.config.js') };
delete base.globalSetup;

module.exports = { ...base, roots: ['<rootDir>/test/model'], reporters: ['default'] };
