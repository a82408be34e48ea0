#!/usr/bin/env node
// The kubeprop command after `npm install`: the CLI is TypeScript, run through tsx's require hook
// (a runtime dependency), so no build step is needed.
'use strict';
require('tsx/cjs');
const { main } = require('../cli/main.ts');

main(process.argv);
