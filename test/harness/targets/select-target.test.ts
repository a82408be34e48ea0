import { EXIT_ENVIRONMENT, UserFacingError } from '../../../harness/errors';
import { KIND_CONFIG_PATH } from '../../../harness/targets/kind';
import { selectTarget, type TargetProbes } from '../../../harness/targets/select-target';
import { startTarget, systemProbes } from '../../../harness/targets/start-target';
import { FakeRunner } from './fake-runner';

const probes = (kind: boolean, docker: boolean): TargetProbes => ({
  kindInstalled: async () => kind,
  dockerReachable: async () => docker,
});

async function failure(promise: Promise<unknown>): Promise<UserFacingError> {
  const error = await promise.catch((caught: unknown) => caught);
  if (!(error instanceof UserFacingError))
    throw new Error(`expected a UserFacingError, got ${String(error)}`);
  return error;
}

describe('selectTarget', () => {
  test('an explicit kubeconfig or context wins over everything installed', async () => {
    await expect(selectTarget({ kubeconfig: '/k', env: {} }, probes(true, true))).resolves.toEqual({
      kind: 'kubeconfig',
      kubeconfig: '/k',
      context: undefined,
    });
    await expect(selectTarget({ context: 'kind-x', env: {} }, probes(true, true))).resolves.toMatchObject({
      kind: 'kubeconfig',
      context: 'kind-x',
    });
    await expect(selectTarget({ env: { KUBECONFIG: '/k' } }, probes(true, true))).resolves.toMatchObject({
      kind: 'kubeconfig',
    });
  });

  test('kind and Docker → a kind cluster from kind-config.yaml', async () => {
    await expect(
      selectTarget({ env: {}, nodeImage: 'kindest/node:v1.34.0' }, probes(true, true)),
    ).resolves.toEqual({
      kind: 'kind',
      name: 'kubeprop',
      configPath: KIND_CONFIG_PATH,
      nodeImage: 'kindest/node:v1.34.0',
    });
  });

  test('Docker without kind → k3s through testcontainers', async () => {
    await expect(selectTarget({ env: {} }, probes(false, true))).resolves.toMatchObject({ kind: 'k3s' });
  });

  test('kind without Docker says to start Docker', async () => {
    const error = await failure(selectTarget({ env: {} }, probes(true, false)));
    expect(error.exitCode).toBe(EXIT_ENVIRONMENT);
    expect(error.message).toContain('start Docker');
  });

  test('neither says what to install and how to use an existing cluster', async () => {
    const error = await failure(selectTarget({ env: {} }, probes(false, false)));
    expect(error.message).toContain('install Docker');
    expect(error.message).toContain('kind');
    expect(error.message).toContain('--kubeconfig');
  });
});

describe('systemProbes and startTarget', () => {
  test('probes read kind and docker through the runner', async () => {
    const runner = new FakeRunner().answer('kind version', {}).answer('docker info', { exitCode: 1 });
    const system = systemProbes(runner);
    await expect(system.kindInstalled()).resolves.toBe(true);
    await expect(system.dockerReachable()).resolves.toBe(false);
    const none = systemProbes(new FakeRunner().answer('kind', 'missing').answer('docker', 'missing'));
    await expect(none.kindInstalled()).resolves.toBe(false);
    await expect(none.dockerReachable()).resolves.toBe(false);
  });

  test('a kind plan creates the cluster and loads its kubeconfig', async () => {
    const kubeconfig = [
      'apiVersion: v1',
      'kind: Config',
      'current-context: kind-kp',
      'clusters: [{name: kind-kp, cluster: {server: "https://127.0.0.1:40000"}}]',
      'users: [{name: kind-kp, user: {token: t}}]',
      'contexts: [{name: kind-kp, context: {cluster: kind-kp, user: kind-kp}}]',
    ].join('\n');
    const runner = new FakeRunner()
      .answer('kind version', {})
      .answer('docker info', {})
      .answer('kind get clusters', { stdout: '' })
      .answer('kind create cluster', {})
      .answer('kind get kubeconfig --name kp', { stdout: kubeconfig });
    const started = await startTarget({ kind: 'kind', name: 'kp', configPath: 'c.yaml' }, { runner });
    expect(started.kubeConfig.getCurrentCluster()?.server).toBe('https://127.0.0.1:40000');
    expect(started.description).toBe('kind cluster kp');
    // Its audit log is read from the control-plane node (Pod Security audit mode).
    expect(started.auditLog?.description).toBe(
      '/var/log/kubernetes/kube-apiserver-audit.log on kp-control-plane',
    );
  });

  test('a k3s plan starts the container and stops it on teardown', async () => {
    const stopped: string[] = [];
    const started = await startTarget(
      { kind: 'k3s', image: 'rancher/k3s:v1.34.1-k3s1' },
      {
        k3s: {
          start: async (image) => ({
            kubeconfig: [
              'apiVersion: v1',
              'current-context: default',
              'clusters: [{name: default, cluster: {server: "https://localhost:32768"}}]',
              'users: [{name: default, user: {token: t}}]',
              'contexts: [{name: default, context: {cluster: default, user: default}}]',
            ].join('\n'),
            stop: async () => {
              stopped.push(image);
            },
          }),
        },
      },
    );
    expect(started.kubeConfig.getCurrentCluster()?.server).toBe('https://localhost:32768');
    await started.teardown();
    expect(stopped).toEqual(['rancher/k3s:v1.34.1-k3s1']);
  });

  test('k3s failing for lack of Docker is an environment problem', async () => {
    const error = await failure(
      startTarget(
        { kind: 'k3s', image: 'rancher/k3s:v1.34.1-k3s1' },
        {
          k3s: {
            start: async () => {
              throw new Error('Could not find a working container runtime strategy');
            },
          },
        },
      ),
    );
    expect(error.exitCode).toBe(EXIT_ENVIRONMENT);
    expect(error.message).toContain('Start Docker');
  });
});
