import { Command } from 'commander';
import { registerCluster, runClusterDown, runClusterUp } from '../../../cli/commands/cluster';
import { KindCli } from '../../../harness/targets/kind';
import { FakeRunner } from '../../harness/targets/fake-runner';

const runner = (): FakeRunner =>
  new FakeRunner()
    .answer('kind version', {})
    .answer('docker info', {})
    .answer('kind get clusters', { stdout: '' })
    .answer('kind create cluster', {})
    .answer('kind load docker-image', {})
    .answer('kind delete cluster', {});

describe('kubeprop cluster', () => {
  test('up creates the cluster, loads each image, and says which context to use', async () => {
    const fake = runner();
    const lines: string[] = [];
    await runClusterUp(
      {
        name: 'kp',
        config: 'kind-config.yaml',
        loadImage: ['a:1', 'b:2'],
        nodeImage: 'kindest/node:v1.34.0',
      },
      new KindCli(fake),
      (line) => lines.push(line),
    );
    expect(fake.calls).toEqual(
      expect.arrayContaining([
        // The repository's kind-config.yaml goes on stdin with its audit policy path made absolute.
        'kind create cluster --name kp --config - --image kindest/node:v1.34.0',
        'kind load docker-image a:1 --name kp',
        'kind load docker-image b:2 --name kp',
      ]),
    );
    expect(lines).toEqual([
      'created kind cluster kp',
      'loaded a:1 into kp',
      'loaded b:2 into kp',
      'use it with --context kind-kp',
    ]);
  });

  test('down deletes the named cluster', async () => {
    const fake = runner();
    await runClusterDown('kp', new KindCli(fake), () => undefined);
    expect(fake.calls).toContain('kind delete cluster --name kp');
  });

  test('registers up and down with their options', () => {
    const program = new Command('kubeprop');
    registerCluster(program);
    const cluster = program.commands.find((command) => command.name() === 'cluster');
    expect(cluster?.commands.map((command) => command.name())).toEqual(['up', 'down']);
    const up = cluster?.commands[0];
    expect(up?.options.map((option) => option.long)).toEqual([
      '--name',
      '--node-image',
      '--load-image',
      '--config',
    ]);
  });
});
