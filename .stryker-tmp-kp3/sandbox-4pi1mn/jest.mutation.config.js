// @ts-nocheck
// The model's own tests: what Stryker runs against each mutant of model/ (npm run mutation).
const base = require('./jest.config.js');

module.exports = { ...base, roots: ['<rootDir>/test/model'], reporters: ['default'] };
