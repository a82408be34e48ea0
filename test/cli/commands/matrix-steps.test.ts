import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { matrixClusterName, matrixSteps, nodeImageBasis } from '../../../cli/commands/matrix-steps';
import { defaultCapabilities, parseServerVersion } from '../../../model/capabilities';
import { basisOf } from '../../../model/generation-basis';
import type { MatrixCluster, MatrixTarget } from '../../../reporting/matrix';
import type { CommandRunner } from '../../../harness/targets/command-runner';
import { KindCli } from '../../../harness/targets/kind';
import { FakeRunner } from '../../harness/targets/fake-runner';
import { fakeCli } from '../support/fake-cli';

const IMAGE = 'kindest/node:v1.34.0@sha256:' + 'b'.repeat(64);
const TARGET: MatrixTarget = { kind: 'node-image', nodeImage: IMAGE };
const INPUTS = { seed: 7, generation: nodeImageBasis(IMAGE) };
const KUBECONFIG_YAML = 'apiVersion: v1\nkind: Config\n';

function runner(): FakeRunner {
  return new FakeRunner()
    .answer('kind version', {})
    .answer('docker info', {})
    .answer('kind get clusters', { stdout: '' })
    .answer('kind create cluster', {})
    .answer('kind delete cluster', {})
    .answer('kind get kubeconfig', { stdout: KUBECONFIG_YAML });
}

describe('kubeprop matrix: the kind steps', () => {
  test('cluster names are short, valid and name the image', () => {
    expect(matrixClusterName(IMAGE)).toBe('kubeprop-matrix-kindest-node-v1-34-0');
    expect(matrixClusterName('registry.example.com/very/long/path/kindest/node:v1.34.0')).toMatch(
      /^[a-z0-9-]{1,40}$/,
    );
  });

  test('create: a kind cluster from kind-config.yaml with the node image; its kubeconfig in a private file', async () => {
    const fake = runner();
    const steps = matrixSteps(fakeCli().deps, new KindCli(fake));
    const cluster = await steps.createCluster(TARGET);
    expect(cluster.name).toBe('kubeprop-matrix-kindest-node-v1-34-0');
    expect(fake.calls.find((c) => c.startsWith('kind create cluster'))).toMatch(
      new RegExp(
        // kind-config.yaml goes on stdin, its audit policy mount made absolute (kind-config-render.ts).
        `^kind create cluster --name ${cluster.name} --config - --image ${IMAGE.replace(/[.]/g, '\\.')}$`,
      ),
    );
    expect(fake.calls).not.toContain(`kind delete cluster --name ${cluster.name}`);
    const kubeconfig = cluster.kubeconfig ?? '';
    expect(readFileSync(kubeconfig, 'utf8')).toBe(KUBECONFIG_YAML);

    await steps.deleteCluster(cluster);
    expect(fake.calls).toContain(`kind delete cluster --name ${cluster.name}`);
    expect(existsSync(dirname(kubeconfig))).toBe(false);
  });

  test('a leftover cluster of the same name is deleted first, so the node image is the one asked for', async () => {
    const name = matrixClusterName(IMAGE);
    const fake = runner();
    // kind lists the leftover until it is deleted.
    const stateful: CommandRunner = {
      run: async (command, args) => {
        const line = [command, ...args].join(' ');
        if (line !== 'kind get clusters') return fake.run(command, args);
        fake.calls.push(line);
        const gone = fake.calls.includes(`kind delete cluster --name ${name}`);
        return { exitCode: 0, stdout: gone ? '' : `${name}\n`, stderr: '' };
      },
    };
    await matrixSteps(fakeCli().deps, new KindCli(stateful)).createCluster(TARGET);
    const deleted = fake.calls.indexOf(`kind delete cluster --name ${name}`);
    const created = fake.calls.findIndex((c) => c.startsWith('kind create cluster'));
    expect(deleted).toBeGreaterThanOrEqual(0);
    expect(created).toBeGreaterThan(deleted);
  });

  test('run: the suite against the cluster kubeconfig; a failing run is a report, a broken one an error', async () => {
    const calls: Array<[string | undefined, string, number]> = [];
    let exitCode = 1;
    const steps = matrixSteps(fakeCli().deps, new KindCli(runner()), async (cluster, reportDir, inputs) => {
      calls.push([cluster.kubeconfig, reportDir, inputs.seed]);
      return exitCode === 3 ? { exitCode } : { exitCode, reportPath: `${reportDir}/report.json` };
    });
    const cluster: MatrixCluster = { name: 'c', target: TARGET, kubeconfig: '/tmp/k' };
    await expect(steps.runConformance(cluster, 'out/a', INPUTS)).resolves.toBe('out/a/report.json');
    expect(calls).toEqual([['/tmp/k', 'out/a', 7]]);
    exitCode = 3;
    await expect(steps.runConformance(cluster, 'out/b', INPUTS)).rejects.toThrow('kubeprop run exited 3');
  });

  test("a node image's capabilities before its cluster exists: its tag's release defaults", () => {
    expect(nodeImageBasis(IMAGE)).toEqual(basisOf(defaultCapabilities(parseServerVersion('v1.34.0')), IMAGE));
    expect(() => nodeImageBasis('example.com/node:latest')).toThrow(
      'node image example.com/node:latest has no Kubernetes version in its tag (e.g. kindest/node:v1.34.0@sha256:…): tag it by version',
    );
  });
});

describe('kubeprop matrix: existing clusters by context', () => {
  const CONTEXT: MatrixTarget = { kind: 'context', context: 'fake', kubeconfig: '/k/config' };

  test('asks the cluster for its capabilities, then runs in-process against the context and leaves the cluster alone', async () => {
    const cli = fakeCli();
    const fake = runner();
    const steps = matrixSteps(cli.deps, new KindCli(fake));
    const basis = await steps.basisFor(CONTEXT);
    expect(cli.requests).toEqual([{ kubeconfig: '/k/config', context: 'fake' }]);
    expect(cli.teardowns).toBe(1);
    expect(basis.sources).toEqual([`context fake (${basis.version.gitVersion})`]);
    const cluster = await steps.createCluster(CONTEXT);
    expect(cluster).toEqual({ name: 'fake', target: CONTEXT, kubeconfig: '/k/config', context: 'fake' });
    await steps.deleteCluster(cluster);
    expect(fake.calls).toEqual([]);
  });
});
