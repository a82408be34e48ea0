import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { kindMatrixSteps, matrixClusterName } from '../../../cli/commands/matrix-steps';
import type { CommandRunner } from '../../../harness/targets/command-runner';
import { KindCli } from '../../../harness/targets/kind';
import { FakeRunner } from '../../harness/targets/fake-runner';
import { fakeCli } from '../support/fake-cli';

const IMAGE = 'kindest/node:v1.34.0@sha256:' + 'b'.repeat(64);
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
    const steps = kindMatrixSteps(fakeCli().deps, new KindCli(fake));
    const cluster = await steps.createCluster(IMAGE);
    expect(cluster.name).toBe('kubeprop-matrix-kindest-node-v1-34-0');
    expect(fake.calls.find((c) => c.startsWith('kind create cluster'))).toMatch(
      new RegExp(
        // kind-config.yaml goes on stdin, its audit policy mount made absolute (kind-config-render.ts).
        `^kind create cluster --name ${cluster.name} --config - --image ${IMAGE.replace(/[.]/g, '\\.')}$`,
      ),
    );
    expect(fake.calls).not.toContain(`kind delete cluster --name ${cluster.name}`);
    expect(readFileSync(cluster.kubeconfig, 'utf8')).toBe(KUBECONFIG_YAML);

    await steps.deleteCluster(cluster);
    expect(fake.calls).toContain(`kind delete cluster --name ${cluster.name}`);
    expect(existsSync(dirname(cluster.kubeconfig))).toBe(false);
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
    await kindMatrixSteps(fakeCli().deps, new KindCli(stateful)).createCluster(IMAGE);
    const deleted = fake.calls.indexOf(`kind delete cluster --name ${name}`);
    const created = fake.calls.findIndex((c) => c.startsWith('kind create cluster'));
    expect(deleted).toBeGreaterThanOrEqual(0);
    expect(created).toBeGreaterThan(deleted);
  });

  test('run: the suite against the cluster kubeconfig; a failing run is a report, a broken one an error', async () => {
    const calls: Array<[string, string]> = [];
    let exitCode = 1;
    const steps = kindMatrixSteps(fakeCli().deps, new KindCli(runner()), async (kubeconfig, reportDir) => {
      calls.push([kubeconfig, reportDir]);
      return exitCode === 3 ? { exitCode } : { exitCode, reportPath: `${reportDir}/report.json` };
    });
    const cluster = { name: 'c', nodeImage: IMAGE, kubeconfig: '/tmp/k' };
    await expect(steps.runConformance(cluster, 'out/a')).resolves.toBe('out/a/report.json');
    expect(calls).toEqual([['/tmp/k', 'out/a']]);
    exitCode = 3;
    await expect(steps.runConformance(cluster, 'out/b')).rejects.toThrow('kubeprop run exited 3');
  });
});
