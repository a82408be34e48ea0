import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { V1PodSpec } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { INTENT_ANNOTATION } from '../../../model/labels';
import type { Scenario } from '../../../model/scenario';
import { buildProgram } from '../../../cli/main';
import { runGenerate, type GenerateEnvironment } from '../../../cli/commands/generate';
import { environmentProblem } from '../../../harness/errors';
import { parseServerVersion } from '../../../model/capabilities';

/** No KUBECONFIG and a cluster that must not be asked. */
const offline: GenerateEnvironment = {
  env: {},
  clusterVersion: () => Promise.reject(new Error('no cluster may be asked')),
};

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { output: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

describe('kubeprop generate', () => {
  it('prints multi-document YAML: the namespace, then the objects, the intent in the pod annotation', async () => {
    const { output, out } = capture();
    expect(await runGenerate('quota', { count: '2', seed: '9' }, output, offline)).toBe(0);
    const text = out.join('');
    const docs = parseAllDocuments(text).map(
      (d) =>
        d.toJS() as {
          kind: string;
          metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
        },
    );
    expect(docs[0].kind).toBe('Namespace');
    expect(docs[1].kind).toBe('ResourceQuota');
    expect(docs[1].metadata.namespace).toBe(docs[0].metadata.name);
    const pods = docs.filter((d) => d.kind === 'Pod');
    expect(pods.length).toBeGreaterThan(0);
    for (const p of pods)
      expect(JSON.parse(p.metadata.annotations![INTENT_ANNOTATION]).name).toBe(p.metadata.name);
    // Two scenarios, each introduced by its intent as a comment.
    expect(text.match(/^# kubeprop quota scenario \d: \{/gm)).toHaveLength(2);
  });

  it('is reproducible: the same seed prints the same scenarios', async () => {
    const a = capture();
    const b = capture();
    await runGenerate('probes', { count: '3', seed: '123' }, a.output, offline);
    await runGenerate('probes', { count: '3', seed: '123' }, b.output, offline);
    expect(a.out.join('')).toBe(b.out.join(''));
  });

  it('writes YAML and scenario JSON files with --out', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-generate-'));
    try {
      const { output, out } = capture();
      expect(await runGenerate('podsecurity', { count: '3', seed: '1', out: dir }, output, offline)).toBe(0);
      expect(fs.readdirSync(dir).sort()).toEqual([
        'podsecurity-0000.scenario.json',
        'podsecurity-0000.yaml',
        'podsecurity-0001.scenario.json',
        'podsecurity-0001.yaml',
        'podsecurity-0002.scenario.json',
        'podsecurity-0002.yaml',
      ]);
      const scenario = JSON.parse(
        fs.readFileSync(path.join(dir, 'podsecurity-0000.scenario.json'), 'utf8'),
      ) as Scenario;
      expect(scenario.family).toBe('podsecurity');
      const [namespace] = parseAllDocuments(
        fs.readFileSync(path.join(dir, 'podsecurity-0000.yaml'), 'utf8'),
      ).map((d) => d.toJS());
      const labels = (namespace as { metadata: { labels: Record<string, string> } }).metadata.labels;
      if (scenario.family === 'podsecurity' && scenario.labels.enforce) {
        expect(labels['pod-security.kubernetes.io/enforce']).toBe(scenario.labels.enforce.level);
      }
      expect(out.join('')).toContain('wrote 3 podsecurity scenario(s)');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gates features by --server-version: sidecars and sleep hooks on v1.34, none on v1.26', async () => {
    const features = async (serverVersion: string) => {
      const { output, out } = capture();
      await runGenerate('hooks', { count: '200', seed: '4', serverVersion }, output, offline);
      const pods = parseAllDocuments(out.join(''))
        .map((d) => d.toJS() as { kind: string; spec?: V1PodSpec })
        .filter((d) => d.kind === 'Pod');
      const containers = pods.flatMap((p) => [
        ...(p.spec?.initContainers ?? []),
        ...(p.spec?.containers ?? []),
      ]);
      return {
        sidecars: containers.filter((c) => c.restartPolicy === 'Always').length,
        sleeps: containers.filter((c) => c.lifecycle?.preStop?.sleep || c.lifecycle?.postStart?.sleep).length,
      };
    };
    const latest = await features('v1.34');
    expect(latest.sidecars).toBeGreaterThan(0);
    expect(latest.sleeps).toBeGreaterThan(0);
    expect(await features('v1.26')).toEqual({ sidecars: 0, sleeps: 0 });
  });

  it('prints a coverage table with --stats', async () => {
    const { output, out } = capture();
    expect(await runGenerate('termination', { count: '200', seed: '2', stats: true }, output, offline)).toBe(
      0,
    );
    const text = out.join('');
    expect(text).toContain('coverage of 200 termination scenario(s)');
    expect(text).toMatch(/^delete zero\s+\d+\s+\d+\.\d%$/m);
    expect(text).not.toContain('apiVersion');
  });

  it.each([
    [['nope'], /unknown family "nope" \(one of: termination, hooks/],
    [['hooks', '--count', 'x'], /--count must be a positive integer/],
    [['hooks', '--count', '0'], /--count must be a positive integer/],
    [['hooks', '--seed', '1.5'], /--seed must be a 32-bit integer/],
    [['hooks', '--server-version', 'one.two'], /invalid server version "one.two"/],
  ])('rejects %j with one line on stderr and exit code 2', async (args, message) => {
    const { output, err, out } = capture();
    const [family, ...rest] = args;
    const options: Record<string, string> = {};
    for (let i = 0; i < rest.length; i += 2)
      options[rest[i].replace(/^--/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = rest[i + 1];
    expect(await runGenerate(family, options, output, offline)).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
    expect(err[0].trim().split('\n')).toHaveLength(1);
    expect(out).toEqual([]);
  });

  describe('the version it generates for', () => {
    const cluster = (gitVersion: string) => {
      const asked: unknown[] = [];
      const environment = (env: NodeJS.ProcessEnv): GenerateEnvironment => ({
        env,
        clusterVersion: (request) => {
          asked.push({ kubeconfig: request.kubeconfig, context: request.context });
          return Promise.resolve({
            version: parseServerVersion(gitVersion),
            where: 'context "c1", https://k:6443',
          });
        },
      });
      return { asked, environment };
    };
    const sleeps = (text: string) => (text.match(/^\s+sleep:/gm) ?? []).length;

    it('without a cluster: the oldest supported version, said on stderr, and no field it would reject', async () => {
      const { output, out, err } = capture();
      expect(await runGenerate('hooks', { count: '100', seed: '4' }, output, offline)).toBe(0);
      expect(err.join('')).toMatch(
        /^kubeprop generate: generating for Kubernetes v1\.22\.0 \(no cluster or --server-version given: the oldest supported version/,
      );
      expect(sleeps(out.join(''))).toBe(0);
      expect(out.join('')).toContain('# generated for Kubernetes v1.22.0');
    });

    it.each([
      [{ kubeconfig: '/k' }, {}, { kubeconfig: '/k', context: undefined }],
      [{ context: 'c1' }, {}, { kubeconfig: undefined, context: 'c1' }],
      [{}, { KUBECONFIG: '/k' }, { kubeconfig: undefined, context: undefined }],
    ])('with %j and env %j: the cluster version, asked through the adapter', async (flags, env, request) => {
      const { asked, environment } = cluster('v1.34.1');
      const { output, out, err } = capture();
      expect(
        await runGenerate('hooks', { count: '100', seed: '4', ...flags }, output, environment(env)),
      ).toBe(0);
      expect(asked).toEqual([request]);
      expect(err.join('')).toBe(
        'kubeprop generate: generating for Kubernetes v1.34.1 (the cluster\'s version (context "c1", https://k:6443))\n',
      );
      expect(sleeps(out.join(''))).toBeGreaterThan(0);
    });

    it('--server-version wins over the cluster, which is not asked', async () => {
      const { asked, environment } = cluster('v1.34.1');
      const { output, out, err } = capture();
      const options = { count: '100', seed: '4', serverVersion: 'v1.26', kubeconfig: '/k' };
      expect(await runGenerate('hooks', options, output, environment({ KUBECONFIG: '/k' }))).toBe(0);
      expect(asked).toEqual([]);
      expect(err.join('')).toContain('generating for Kubernetes v1.26 (--server-version)');
      expect(sleeps(out.join(''))).toBe(0);
    });

    it('a cluster that cannot be reached: its one-line reason and the environment exit code', async () => {
      const { output, out, err } = capture();
      const environment: GenerateEnvironment = {
        env: { KUBECONFIG: '/k' },
        clusterVersion: () =>
          Promise.reject(environmentProblem('cannot reach the API server: connection refused')),
      };
      expect(await runGenerate('hooks', { count: '1' }, output, environment)).toBe(3);
      expect(err).toEqual(['kubeprop generate: cannot reach the API server: connection refused\n']);
      expect(out).toEqual([]);
    });
  });

  it('is registered on the kubeprop program', async () => {
    const program = buildProgram();
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await program.parseAsync([
        'node',
        'kubeprop',
        'generate',
        'init',
        '--count',
        '1',
        '--seed',
        '3',
        '--server-version',
        'v1.26',
      ]);
      expect(process.exitCode).toBe(0);
      expect(write.mock.calls.map((c) => String(c[0])).join('')).toMatch(/^# kubeprop init scenario 0/);
    } finally {
      write.mockRestore();
      process.exitCode = undefined;
    }
  });
});
