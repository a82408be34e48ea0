import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { AUDIT_LOG_PATH } from '../../../harness/audit-log';
import type { CommandResult, RunOptions } from '../../../harness/targets/command-runner';
import { KIND_CONFIG_PATH, KindCli } from '../../../harness/targets/kind';
import { kindConfigArgument, renderKindConfig } from '../../../harness/targets/kind-config-render';
import { FakeRunner } from './fake-runner';

interface KindNode {
  role: string;
  extraMounts?: { hostPath: string; containerPath: string; readOnly?: boolean }[];
  kubeadmConfigPatches?: string[];
}
interface ApiServerPatch {
  kind: string;
  apiServer: {
    extraArgs: Record<string, string>;
    extraVolumes: { hostPath: string; mountPath: string; readOnly?: boolean }[];
  };
}

const REPO = path.dirname(KIND_CONFIG_PATH);
const configText = readFileSync(KIND_CONFIG_PATH, 'utf8');
const nodesOf = (text: string): KindNode[] => (parse(text) as { nodes: KindNode[] }).nodes;

/** Records the stdin each command got (kind reads "--config -" from stdin). */
class InputRunner extends FakeRunner {
  readonly inputs: (string | undefined)[] = [];
  override run(command: string, args: string[], options?: RunOptions): Promise<CommandResult> {
    this.inputs.push(options?.input);
    return super.run(command, args);
  }
}

const kindRunner = (): InputRunner => {
  const runner = new InputRunner();
  runner
    .answer('kind version', { stdout: 'kind v0.30.0\n' })
    .answer('docker info', { stdout: '28.2.2\n' })
    .answer('kind get clusters', { stdout: '' })
    .answer('kind create cluster', {});
  return runner;
};

describe('kind-config.yaml kubelet rate limits', () => {
  test('every kubelet posts events at the v1.27+ default limits, whatever the node image', () => {
    const patches = (parse(configText) as { kubeadmConfigPatches?: string[] }).kubeadmConfigPatches ?? [];
    const kubelet = patches.map((text) => parse(text) as Record<string, unknown>);
    expect(kubelet.filter((patch) => patch.kind === 'KubeletConfiguration')).toEqual([
      {
        kind: 'KubeletConfiguration',
        eventRecordQPS: 50,
        eventBurst: 100,
        kubeAPIQPS: 50,
        kubeAPIBurst: 100,
      },
    ]);
  });
});

describe('kind-config.yaml audit logging', () => {
  const controlPlane = nodesOf(configText).find((n) => n.role === 'control-plane');
  const patch = parse(controlPlane?.kubeadmConfigPatches?.[0] ?? '') as ApiServerPatch;

  test('keeps the cluster shape: one control plane, two workers', () => {
    expect(nodesOf(configText).map((n) => n.role)).toEqual(['control-plane', 'worker', 'worker']);
  });

  test('the API server writes the log where the reader looks, under a volume from the node', () => {
    expect(patch.kind).toBe('ClusterConfiguration');
    expect(patch.apiServer.extraArgs['audit-log-path']).toBe(AUDIT_LOG_PATH);
    const logVolume = patch.apiServer.extraVolumes.find((v) => AUDIT_LOG_PATH.startsWith(`${v.mountPath}/`));
    expect(logVolume?.readOnly).toBe(false);
  });

  test('the policy file reaches kube-apiserver: host file → node (extraMounts) → static pod (extraVolumes)', () => {
    const policyFile = patch.apiServer.extraArgs['audit-policy-file'];
    const mount = controlPlane?.extraMounts?.find((m) => m.containerPath === policyFile);
    expect(mount?.hostPath).toBe('./deploy/audit-policy.yaml');
    expect(existsSync(path.resolve(REPO, mount?.hostPath ?? ''))).toBe(true);
    expect(patch.apiServer.extraVolumes.some((v) => policyFile.startsWith(`${v.hostPath}/`))).toBe(true);
  });

  test('the policy logs pod creates at Metadata (annotations, no bodies) and nothing else', () => {
    const policy = parse(readFileSync(path.join(REPO, 'deploy/audit-policy.yaml'), 'utf8')) as {
      apiVersion: string;
      kind: string;
      omitStages: string[];
      rules: { level: string; verbs?: string[]; resources?: { group: string; resources: string[] }[] }[];
    };
    expect(policy).toMatchObject({ apiVersion: 'audit.k8s.io/v1', kind: 'Policy' });
    expect(policy.omitStages).toEqual(['RequestReceived']);
    expect(policy.rules[0]).toEqual({
      level: 'Metadata',
      verbs: ['create'],
      resources: [{ group: '', resources: ['pods'] }],
    });
    expect(policy.rules[policy.rules.length - 1]).toEqual({ level: 'None' });
  });
});

describe('renderKindConfig', () => {
  test('resolves relative hostPaths against the config directory and keeps everything else', () => {
    const rendered = renderKindConfig(configText, '/somewhere/repo');
    if (rendered === undefined) throw new Error('kind-config.yaml has a relative hostPath');
    const nodes = nodesOf(rendered);
    expect(nodes[0].extraMounts?.[0].hostPath).toBe('/somewhere/repo/deploy/audit-policy.yaml');
    // Everything but the hostPath is the same document.
    const [before, after] = [
      parse(configText) as { nodes: KindNode[] },
      parse(rendered) as { nodes: KindNode[] },
    ];
    before.nodes[0].extraMounts = after.nodes[0].extraMounts;
    expect(after).toEqual(before);
    // Comments survive, so the rendered config stays readable in kind's error messages.
    expect(rendered).toContain('# API server audit log for Pod Security audit mode');
  });

  test('a config whose hostPaths are absolute (or that has none) needs no rendering', () => {
    expect(renderKindConfig('kind: Cluster\nnodes:\n  - role: control-plane\n', '/x')).toBeUndefined();
    const absolute =
      'nodes:\n  - role: control-plane\n    extraMounts:\n      - hostPath: /abs/p\n        containerPath: /p\n';
    expect(renderKindConfig(absolute, '/x')).toBeUndefined();
  });
});

describe('kind create cluster gets the rendered config', () => {
  test('kubeprop passes the default config on stdin with the absolute policy path, from any directory', async () => {
    const cwd = process.cwd();
    process.chdir(mkdtempSync(path.join(tmpdir(), 'kubeprop-cwd-')));
    try {
      const runner = kindRunner();
      await new KindCli(runner).ensureCluster({ name: 'kp', configPath: KIND_CONFIG_PATH });
      const create = runner.calls.findIndex((c) => c.startsWith('kind create cluster'));
      expect(runner.calls[create]).toBe('kind create cluster --name kp --config -');
      const mount = nodesOf(runner.inputs[create] ?? '')[0].extraMounts?.[0];
      expect(mount?.hostPath).toBe(path.join(REPO, 'deploy', 'audit-policy.yaml'));
      expect(existsSync(mount?.hostPath ?? '')).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  test('a relative --config path is resolved against the cwd, its mounts against the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kubeprop-config-'));
    writeFileSync(
      path.join(dir, 'c.yaml'),
      'kind: Cluster\nnodes:\n  - role: control-plane\n    extraMounts:\n      - hostPath: policy.yaml\n        containerPath: /p\n',
    );
    const cwd = process.cwd();
    process.chdir(path.dirname(dir));
    try {
      const argument = await kindConfigArgument(path.basename(dir) + '/c.yaml');
      expect(argument.config).toBe('-');
      expect(nodesOf(argument.input ?? '')[0].extraMounts?.[0].hostPath).toBe(path.join(dir, 'policy.yaml'));
    } finally {
      process.chdir(cwd);
    }
  });

  test('a config file kubeprop cannot read is passed on for kind to report', async () => {
    expect(await kindConfigArgument('/no/such/kind-config.yaml')).toEqual({
      config: '/no/such/kind-config.yaml',
    });
  });
});
