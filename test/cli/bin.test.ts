import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../../cli/main';
import { environmentProblem } from '../../harness/errors';
import { PROPERTIES } from '../../suites/registry';
import { fakeCli } from './support/fake-cli';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'kubeprop.js');

function kubeprop(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, KUBECONFIG: '' },
  });
}

describe('bin/kubeprop.js', () => {
  test('is what package.json installs as the kubeprop command, with a node shebang', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(pkg.bin.kubeprop).toBe('bin/kubeprop.js');
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  test('runs the TypeScript CLI: list prints the properties, exit 0', () => {
    const result = kubeprop(['list']);
    expect(result.status).toBe(0);
    for (const property of PROPERTIES) expect(result.stdout).toContain(property.id);
  }, 30_000);

  test('bad input ends the process with status 2 and one line', () => {
    const result = kubeprop(['run', '--runs', '0']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('kubeprop: --runs "0" is not a positive whole number\n');
  }, 30_000);
});

describe('the nightly workflow', () => {
  test('passes `kubeprop run` only options it accepts', async () => {
    const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'nightly.yml'), 'utf8')) as {
      env: Record<string, string>;
      jobs: { conformance: { steps: Array<{ run?: string }> } };
    };
    const line = workflow.jobs.conformance.steps
      .map((s) => s.run ?? '')
      .find((r) => r.includes('npm run conformance'));
    const args = (line ?? '')
      .split(' -- ')[1]
      .replace(/\$\{\{[^}]*\}\}/g, '0')
      // The shell expands the workflow's env.
      .replace(/\$([A-Z_]+)/g, (_, name: string) => workflow.env[name] ?? '')
      .split(/\s+/)
      .map((arg) => arg.replace(/"/g, ''));
    expect(args[0]).toBe('--report');
    // Options accepted, the run goes as far as looking for a cluster.
    const cli = fakeCli({ startError: environmentProblem('no cluster here') });
    expect(await runCli(['run', ...args], cli.deps)).toBe(3);
  });
});
