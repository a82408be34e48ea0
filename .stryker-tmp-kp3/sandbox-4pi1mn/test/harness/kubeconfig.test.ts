// @ts-nocheck
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXIT_BAD_INPUT, EXIT_ENVIRONMENT, UserFacingError } from '../../harness/errors';
import { loadKubeconfig } from '../../harness/kubeconfig';

const dir = mkdtempSync(path.join(tmpdir(), 'kubeprop-kubeconfig-'));

function kubeconfigFile(
  name: string,
  contexts: string[],
  current?: string,
  server = 'https://127.0.0.1:6443',
): string {
  const file = path.join(dir, name);
  const lines = [
    'apiVersion: v1',
    'kind: Config',
    `current-context: ${current ?? '""'}`,
    'clusters:',
    ...contexts.map((context) => `- name: ${context}\n  cluster:\n    server: ${server}`),
    'users:',
    ...contexts.map((context) => `- name: ${context}-user\n  user:\n    token: t`),
    'contexts:',
    ...contexts.map(
      (context) => `- name: ${context}\n  context:\n    cluster: ${context}\n    user: ${context}-user`,
    ),
  ];
  writeFileSync(file, lines.join('\n'));
  return file;
}

function failure(run: () => unknown): UserFacingError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('expected a UserFacingError');
}

describe('loadKubeconfig', () => {
  test('--kubeconfig with --context selects that context', () => {
    const file = kubeconfigFile('two.yaml', ['kind-a', 'kind-b'], 'kind-a');
    const loaded = loadKubeconfig({ kubeconfig: file, context: 'kind-b', env: {} });
    expect(loaded.context).toBe('kind-b');
    expect(loaded.user).toBe('kind-b-user');
    expect(loaded.kubeConfig.getCurrentContext()).toBe('kind-b');
    expect(loaded.server).toBe('https://127.0.0.1:6443');
  });

  test('KUBECONFIG lists are merged and the first file’s current-context wins', () => {
    const first = kubeconfigFile('first.yaml', ['alpha'], 'alpha');
    const second = kubeconfigFile('second.yaml', ['beta'], 'beta');
    const missing = path.join(dir, 'missing.yaml');
    const loaded = loadKubeconfig({ env: { KUBECONFIG: [missing, first, second].join(path.delimiter) } });
    expect(loaded.context).toBe('alpha');
    expect(loaded.kubeConfig.getContexts().map((context) => context.name)).toEqual(['alpha', 'beta']);
  });

  test('falls back to ~/.kube/config', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'kubeprop-home-'));
    mkdirSync(path.join(home, '.kube'));
    copyFileSync(kubeconfigFile('h.yaml', ['home'], 'home'), path.join(home, '.kube', 'config'));
    expect(loadKubeconfig({ env: {}, homeDir: home }).context).toBe('home');
  });

  test('a missing --kubeconfig file is bad input naming the file and the flag', () => {
    const error = failure(() => loadKubeconfig({ kubeconfig: '/nonexistent/kubeconfig', env: {} }));
    expect(error.exitCode).toBe(EXIT_BAD_INPUT);
    expect(error.message).toContain('/nonexistent/kubeconfig does not exist');
    expect(error.message).toContain('--kubeconfig');
  });

  test('KUBECONFIG naming no existing file is bad input naming the variable', () => {
    const error = failure(() => loadKubeconfig({ env: { KUBECONFIG: '/nope/a:/nope/b' } }));
    expect(error.exitCode).toBe(EXIT_BAD_INPUT);
    expect(error.message).toContain('KUBECONFIG=/nope/a:/nope/b');
  });

  test('no kubeconfig at all is an environment problem pointing at cluster up', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'kubeprop-empty-home-'));
    const error = failure(() => loadKubeconfig({ env: {}, homeDir: home }));
    expect(error.exitCode).toBe(EXIT_ENVIRONMENT);
    expect(error.message).toContain('kubeprop cluster up');
  });

  test('a file that does not parse is bad input naming the file', () => {
    const file = path.join(dir, 'broken.yaml');
    writeFileSync(file, 'clusters: [\n  - name: "unterminated\n');
    const error = failure(() => loadKubeconfig({ kubeconfig: file, env: {} }));
    expect(error.exitCode).toBe(EXIT_BAD_INPUT);
    expect(error.message).toMatch(new RegExp(`kubeconfig ${file} does not parse`));
  });

  test('an unknown context lists the available ones', () => {
    const file = kubeconfigFile('ctx.yaml', ['kind-a', 'kind-b'], 'kind-a');
    const error = failure(() => loadKubeconfig({ kubeconfig: file, context: 'prod', env: {} }));
    expect(error.exitCode).toBe(EXIT_BAD_INPUT);
    expect(error.message).toContain('context "prod" is not in');
    expect(error.message).toContain('available: kind-a, kind-b');
  });

  test('no current-context asks for --context', () => {
    const file = kubeconfigFile('nocurrent.yaml', ['kind-a']);
    const error = failure(() => loadKubeconfig({ kubeconfig: file, env: {} }));
    expect(error.message).toContain('has no current-context');
    expect(error.message).toContain('--context');
  });

  test('every message is a single line', () => {
    const error = failure(() => loadKubeconfig({ kubeconfig: '/nonexistent', env: {} }));
    expect(error.toLine()).not.toContain('\n');
    expect(error.toLine().startsWith('kubeprop: ')).toBe(true);
  });
});
