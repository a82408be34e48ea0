import { EventEmitter } from 'node:events';
import { KubeConfig } from '@kubernetes/client-node';
import { runIdAt, type CliDeps } from '../../../cli/cli-deps';
import { createFakeAdmission, quotaUsage } from '../../../harness/fake/admission';
import type { FakeDefect } from '../../../harness/fake/defects';
import { FakeCluster, type FakeClusterOptions } from '../../../harness/fake/fake-cluster';
import { createFakeKubelet } from '../../../harness/fake/kubelet/fake-kubelet';
import { AutoAdvancingClock } from '../../../harness/fake/virtual-clock';
import type { ClusterPort } from '../../../harness/cluster-port';
import type { TargetRequest } from '../../../harness/targets/select-target';
import { LATEST_VERSION } from '../../../model/capabilities';
import type { PropertyDefinition } from '../../../runner/property-definition';
import { PROPERTIES } from '../../../suites/registry';

export interface FakeCliOptions {
  defects?: FakeDefect[];
  properties?: readonly PropertyDefinition[];
  cluster?: Partial<FakeClusterOptions>;
  /** What starting the target throws instead (an environment problem, say). */
  startError?: Error;
  /** Wraps the fake's port (to count or interrupt calls). */
  wrapPort?(port: ClusterPort, cli: FakeCli): ClusterPort;
}

/** The CLI's dependencies over the in-memory fake cluster, with everything it prints captured. */
export interface FakeCli {
  deps: CliDeps;
  fake: FakeCluster;
  stdout: string[];
  stderr: string[];
  /** Codes passed to exit() (the interrupt handler's way out). */
  exits: number[];
  /** Emit 'SIGINT'/'SIGTERM' here to interrupt. */
  signals: EventEmitter;
  requests: TargetRequest[];
  teardowns: number;
}

/** A kubeconfig naming a server nobody dials: the fake port answers in its place. */
function fakeKubeConfig(): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'fake', server: 'https://fake.invalid:6443', skipTLSVerify: false }],
    users: [{ name: 'tester' }],
    contexts: [{ name: 'fake', cluster: 'fake', user: 'tester' }],
    currentContext: 'fake',
  });
  return kubeConfig;
}

export function fakeCli(options: FakeCliOptions = {}): FakeCli {
  const clock = new AutoAdvancingClock();
  const defects = options.defects ?? [];
  const fake = new FakeCluster({
    clock,
    serverVersion: LATEST_VERSION,
    kubelet: createFakeKubelet({ defects, seed: 1 }),
    admission: createFakeAdmission({ defects }),
    quotaUsage,
    ...options.cluster,
  });
  const signals = new EventEmitter();
  const cli: FakeCli = {
    fake,
    stdout: [],
    stderr: [],
    exits: [],
    signals,
    requests: [],
    teardowns: 0,
    deps: {
      out: (text) => void cli.stdout.push(text),
      err: { isTTY: false, write: (text: string) => cli.stderr.push(text) },
      setExitCode: () => undefined,
      exit: (code) => void cli.exits.push(code),
      // The handlers only call on/off with a signal name and a listener: an emitter serves.
      signals: signals as unknown as CliDeps['signals'],
      clock,
      env: {},
      properties: options.properties ?? PROPERTIES,
      startTarget: async (request) => {
        cli.requests.push(request);
        if (options.startError) throw options.startError;
        return {
          kubeConfig: fakeKubeConfig(),
          description: 'fake cluster',
          teardown: async () => void (cli.teardowns += 1),
        };
      },
      portFor: () => (options.wrapPort ? options.wrapPort(fake, cli) : fake),
      newRunId: () => runIdAt(clock.now(), 'test'),
      randomSeed: () => 7,
      kubepropVersion: '0.0.0-test',
    },
  };
  return cli;
}
