#!/usr/bin/env node
// The kubeprop command after `npm install`: the CLI is TypeScript, run through tsx's require hook
// (a runtime dependency), so no build step is needed.
'use strict';
const problem = require('./node-version').nodeVersionProblem(process.versions.node);
if (problem !== undefined) {
  // 3: the environment is missing something (README, "Set-up").
  process.stderr.write(`kubeprop: ${problem}\n`);
  process.exit(3);
}
require('tsx/cjs');
const { main } = require('../cli/main.ts');

main(process.argv);
