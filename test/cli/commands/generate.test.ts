import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { V1PodSpec } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { INTENT_ANNOTATION } from '../../../model/labels';
import type { Scenario } from '../../../model/scenario';
import { buildProgram } from '../../../cli/main';
import { runGenerate } from '../../../cli/commands/generate';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { output: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

describe('kubeprop generate', () => {
  it('prints multi-document YAML: the namespace, then the objects, the intent in the pod annotation', () => {
    const { output, out } = capture();
    expect(runGenerate('quota', { count: '2', seed: '9' }, output)).toBe(0);
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

  it('is reproducible: the same seed prints the same scenarios', () => {
    const a = capture();
    const b = capture();
    runGenerate('probes', { count: '3', seed: '123' }, a.output);
    runGenerate('probes', { count: '3', seed: '123' }, b.output);
    expect(a.out.join('')).toBe(b.out.join(''));
  });

  it('writes YAML and scenario JSON files with --out', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-generate-'));
    try {
      const { output, out } = capture();
      expect(runGenerate('podsecurity', { count: '3', seed: '1', out: dir }, output)).toBe(0);
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

  it('gates features by --server-version: sidecars and sleep hooks on latest, none on v1.26', () => {
    const features = (serverVersion?: string) => {
      const { output, out } = capture();
      runGenerate('hooks', { count: '200', seed: '4', ...(serverVersion ? { serverVersion } : {}) }, output);
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
    const latest = features();
    expect(latest.sidecars).toBeGreaterThan(0);
    expect(latest.sleeps).toBeGreaterThan(0);
    expect(features('v1.26')).toEqual({ sidecars: 0, sleeps: 0 });
  });

  it('prints a coverage table with --stats', () => {
    const { output, out } = capture();
    expect(runGenerate('termination', { count: '200', seed: '2', stats: true }, output)).toBe(0);
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
  ])('rejects %j with one line on stderr and exit code 2', (args, message) => {
    const { output, err, out } = capture();
    const [family, ...rest] = args;
    const options: Record<string, string> = {};
    for (let i = 0; i < rest.length; i += 2)
      options[rest[i].replace(/^--/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = rest[i + 1];
    expect(runGenerate(family, options, output)).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
    expect(err[0].trim().split('\n')).toHaveLength(1);
    expect(out).toEqual([]);
  });

  it('is registered on the kubeprop program', async () => {
    const program = buildProgram();
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await program.parseAsync(['node', 'kubeprop', 'generate', 'init', '--count', '1', '--seed', '3']);
      expect(process.exitCode).toBe(0);
      expect(write.mock.calls.map((c) => String(c[0])).join('')).toMatch(/^# kubeprop init scenario 0/);
    } finally {
      write.mockRestore();
      process.exitCode = undefined;
    }
  });
});
