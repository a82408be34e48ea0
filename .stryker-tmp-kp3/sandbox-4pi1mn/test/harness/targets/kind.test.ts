// @ts-nocheck
import { existsSync } from 'node:fs';
import { EXIT_BAD_INPUT, EXIT_ENVIRONMENT, UserFacingError } from '../../../harness/errors';
import { KIND_CONFIG_PATH, KindCli } from '../../../harness/targets/kind';
import { FakeRunner } from './fake-runner';

async function failure(promise: Promise<unknown>): Promise<UserFacingError> {
  const error = await promise.catch((caught: unknown) => caught);
  if (!(error instanceof UserFacingError))
    throw new Error(`expected a UserFacingError, got ${String(error)}`);
  return error;
}

const working = (): FakeRunner =>
  new FakeRunner()
    .answer('kind version', { stdout: 'kind v0.30.0 go1.24 linux/amd64\n' })
    .answer('docker info', { stdout: '28.2.2\n' })
    .answer('kind get clusters', { stdout: 'No kind clusters found.\n' })
    .answer('kind create cluster', {})
    .answer('kind get kubeconfig', { stdout: 'apiVersion: v1\n' });

describe('KindCli', () => {
  test('the default config file exists at the repository root', () => {
    expect(existsSync(KIND_CONFIG_PATH)).toBe(true);
  });

  test('creates a cluster with the config and node image', async () => {
    const runner = working();
    const created = await new KindCli(runner).ensureCluster({
      name: 'kp',
      configPath: '/repo/kind-config.yaml',
      nodeImage: 'kindest/node:v1.34.0',
    });
    expect(created).toBe(true);
    expect(runner.calls).toContain(
      'kind create cluster --name kp --config /repo/kind-config.yaml --image kindest/node:v1.34.0',
    );
  });

  test('reuses an existing cluster of that name', async () => {
    const runner = working().answer('kind get clusters', { stdout: 'other\nkp\n' });
    expect(await new KindCli(runner).ensureCluster({ name: 'kp', configPath: 'c.yaml' })).toBe(false);
    expect(runner.calls.some((call) => call.startsWith('kind create'))).toBe(false);
  });

  test('kind missing says how to install it', async () => {
    const runner = working().answer('kind', 'missing');
    const error = await failure(new KindCli(runner).ensureCluster({ name: 'kp', configPath: 'c.yaml' }));
    expect(error.exitCode).toBe(EXIT_ENVIRONMENT);
    expect(error.message).toContain('kind is not installed');
    expect(error.message).toContain('kind.sigs.k8s.io');
  });

  test('docker missing and docker stopped are told apart', async () => {
    const missing = await failure(new KindCli(working().answer('docker', 'missing')).requireDocker());
    expect(missing.message).toContain('Docker is not installed');
    const stopped = working().answer('docker info', {
      exitCode: 1,
      stderr:
        'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
    });
    const error = await failure(new KindCli(stopped).requireDocker());
    expect(error.message).toContain('Docker is not reachable');
    expect(error.message).toContain('Cannot connect to the Docker daemon');
  });

  test('a malformed node image is bad input', async () => {
    const error = await failure(
      new KindCli(working()).ensureCluster({ name: 'kp', configPath: 'c.yaml', nodeImage: 'v1.34 please' }),
    );
    expect(error.exitCode).toBe(EXIT_BAD_INPUT);
    expect(error.message).toContain('--node-image');
  });

  test('a failed create reports kind’s last stderr line', async () => {
    const runner = working().answer('kind create cluster', {
      exitCode: 1,
      stderr: 'Creating cluster "kp" ...\nERROR: failed to create cluster: node(s) already exist\n',
    });
    const error = await failure(new KindCli(runner).ensureCluster({ name: 'kp', configPath: 'c.yaml' }));
    expect(error.message).toContain('ERROR: failed to create cluster: node(s) already exist');
  });

  test('load image names the image and how to make it local', async () => {
    const runner = working().answer('kind load docker-image', {
      exitCode: 1,
      stderr: 'ERROR: image: "kubeprop/agent:1" not present locally\n',
    });
    const error = await failure(new KindCli(runner).loadImage('kp', 'kubeprop/agent:1'));
    expect(error.message).toContain('docker pull kubeprop/agent:1');
    expect(runner.calls).toContain('kind load docker-image kubeprop/agent:1 --name kp');
  });

  test('kubeconfig of a missing cluster suggests cluster up', async () => {
    const runner = working().answer('kind get kubeconfig', {
      exitCode: 1,
      stderr: "ERROR: could not locate any control plane nodes for cluster named 'kp'\n",
    });
    const error = await failure(new KindCli(runner).kubeconfig('kp'));
    expect(error.message).toContain('kubeprop cluster up --name kp');
  });
});
