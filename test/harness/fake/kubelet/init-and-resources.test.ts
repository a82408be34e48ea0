import { ContainerState } from '../../../../harness/fake/kubelet/container-state';
import { createFakeKubelet } from '../../../../harness/fake/kubelet/fake-kubelet';
import { TestKubeletContext, testNode } from '../kubelet-test-context';
import { containerScenario, podScenario } from '../scenario-pods';
import { runPod } from './run-pod';

/** Shapes of init-order, init-fails-*, oom-killed, ephemeral-storage-eviction, qos-classes, unschedulable-cpu, extended-resource. */

const exitsAfter = (name: string, seconds: number, exitCode: number) =>
  containerScenario(name, {
    behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' }, exitAfter: { seconds, exitCode } },
  });

describe('simulated kubelet: init containers', () => {
  const ordered = podScenario({
    initContainers: [exitsAfter('init1', 2, 0), exitsAfter('init2', 1, 0)],
    containers: [containerScenario('app')],
  });

  it('runs init containers one at a time, then the app (init-order)', () => {
    const pod = runPod(ordered, 10);
    const { context } = pod;
    const starts = context.record
      .filter((r) => r.kind === 'log' && r.text === 'kp started')
      .map((r) => (r.kind === 'log' ? r.container : ''));
    expect(starts).toEqual(['init1', 'init2', 'app']);
    expect((context.logAt('kp started') ?? 0) < (context.logs('init2')[0]?.at ?? 0)).toBe(true);
    const init2Start = context.logs('init2')[0].at;
    expect(init2Start).toBeGreaterThanOrEqual(
      context.logs('init1').find((l) => l.text === 'kp exit 0')?.at ?? Infinity,
    );
    const initialized = context.statuses().map((s) => s.conditions?.find((c) => c.type === 'Initialized'));
    expect(initialized[0]).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [init1 init2]',
    });
    expect(initialized.at(-1)?.status).toBe('True');
    expect(context.statuses()[0].containerStatuses?.[0].state?.waiting?.reason).toBe('PodInitializing');
    expect(context.lastStatus()?.phase).toBe('Running');
  });

  it('starts the init container after a sidecar only once its postStart hook returned', () => {
    // kuberuntime_container.go startContainer runs postStart synchronously: the next init container's
    // start (a later SyncPod) waits for it, and the sidecar keeps running.
    const scenario = podScenario({
      initContainers: [
        containerScenario('side', {
          restartPolicy: 'Always',
          lifecycle: { postStart: { kind: 'exec', durationSeconds: 3, exitCode: 0 } },
        }),
        exitsAfter('init1', 1, 0),
      ],
      containers: [containerScenario('app')],
    });
    const pod = runPod(scenario, 15);
    const sideStart = pod.context.logs('side')[0].at;
    const initStart = pod.context.logs('init1')[0].at;
    expect(initStart - sideStart).toBeGreaterThanOrEqual(3000);
    expect(pod.container('side')?.state?.running).toBeDefined();
  });

  it('with init-parallel the app starts before the init containers finish', () => {
    const pod = runPod(ordered, 10, { defects: ['init-parallel'] });
    const appStart = pod.context.logs('app')[0].at;
    expect(appStart).toBeLessThan(
      pod.context.logs('init1').find((l) => l.text === 'kp exit 0')?.at ?? -Infinity,
    );
  });

  it('an init failure with restartPolicy Never fails the pod (init-fails-never)', () => {
    const pod = runPod(
      podScenario({
        restartPolicy: 'Never',
        initContainers: [exitsAfter('init1', 0, 5)],
        containers: [containerScenario('app')],
      }),
      10,
    );
    expect(pod.context.lastStatus()?.phase).toBe('Failed');
    expect(pod.container('init1')?.state?.terminated).toMatchObject({ exitCode: 5, reason: 'Error' });
    expect(pod.context.logs('app')).toHaveLength(0);
  });

  it('an init failure with restartPolicy Always is retried with back-off and the pod stays Pending (init-fails-always)', () => {
    const pod = runPod(
      podScenario({ initContainers: [exitsAfter('init1', 0, 5)], containers: [containerScenario('app')] }),
      25,
    );
    expect(pod.context.lastStatus()?.phase).toBe('Pending');
    expect(pod.container('init1')?.restartCount).toBeGreaterThanOrEqual(2);
    expect(pod.context.events('BackOff')[0].involvedObject.fieldPath).toBe('spec.initContainers{init1}');
  });
});

describe('simulated kubelet: resources', () => {
  const oom = podScenario({
    restartPolicy: 'Never',
    containers: [
      containerScenario('c', {
        behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' }, allocateMemoryMi: 80 },
        resources: { requests: { cpuMilli: 100, memoryMi: 32 }, limits: { cpuMilli: 100, memoryMi: 32 } },
      }),
    ],
  });

  it('memory above the limit is OOMKilled with 137 and the pod fails (oom-killed)', () => {
    const pod = runPod(oom, 10);
    expect(pod.container()?.state?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(pod.context.lastStatus()).toMatchObject({ phase: 'Failed', qosClass: 'Guaranteed' });
    expect(pod.context.logs('c').map((l) => l.text)).toEqual(['kp boot', 'kp started', 'kp alloc 80']);
  });

  it('with oom-as-error the reason is Error', () => {
    expect(runPod(oom, 10, { defects: ['oom-as-error'] }).container()?.state?.terminated?.reason).toBe(
      'Error',
    );
  });

  it('ephemeral storage above the limit evicts the pod (ephemeral-storage-eviction)', () => {
    const pod = runPod(
      podScenario({
        containers: [
          containerScenario('c', {
            behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' }, writeEphemeralMi: 20 },
            resources: { requests: {}, limits: { ephemeralStorageMi: 5 } },
          }),
        ],
      }),
      20,
    );
    const status = pod.context.lastStatus();
    expect(status).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
    expect(status?.message).toContain('5Mi');
    expect(pod.context.events('Evicted')[0].type).toBe('Warning');
    expect(pod.container()?.state?.terminated).toMatchObject({
      exitCode: 137,
      reason: 'ContainerStatusUnknown',
    });
  });

  it.each([
    ['BestEffort', {}, {}],
    ['Burstable', { cpuMilli: 100 }, {}],
    ['Guaranteed', {}, { cpuMilli: 100, memoryMi: 64 }],
  ])('QoS class %s (qos-classes)', (qos, requests, limits) => {
    const pod = runPod(
      podScenario({ containers: [containerScenario('c', { resources: { requests, limits } })] }),
      3,
    );
    expect(pod.context.lastStatus()?.qosClass).toBe(qos);
  });

  it('with qos-wrong a requests-only pod is reported BestEffort', () => {
    const pod = runPod(
      podScenario({
        containers: [containerScenario('c', { resources: { requests: { cpuMilli: 100 }, limits: {} } })],
      }),
      3,
      {
        defects: ['qos-wrong'],
      },
    );
    expect(pod.context.lastStatus()?.qosClass).toBe('BestEffort');
  });

  it('a pod too big for every node gets FailedScheduling and PodScheduled False (unschedulable-cpu)', () => {
    const pod = runPod(
      podScenario({
        containers: [containerScenario('c', { resources: { requests: { cpuMilli: 500000 }, limits: {} } })],
      }),
      5,
    );
    const event = pod.context.events('FailedScheduling')[0];
    expect(event.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..',
    );
    expect(pod.context.lastStatus()?.conditions?.[0]).toMatchObject({
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
    });
    expect(pod.context.logs()).toHaveLength(0);
  });

  it('extended resources are counted per node, and a pending pod is scheduled once room frees up (extended-resource)', () => {
    const context = new TestKubeletContext([
      testNode('node-1', { cpu: '4', memory: '8Gi', 'example.com/dongle': '4' }),
    ]);
    const dongles = (name: string, count: number) =>
      podScenario({
        name,
        containers: [
          containerScenario('c', {
            resources: {
              requests: { extended: { 'example.com/dongle': count } },
              limits: { extended: { 'example.com/dongle': count } },
            },
          }),
        ],
      });
    // Uncalibrated: the scheduler decides within milliseconds, so 3 s see both decisions whatever the draw.
    const kubelet = createFakeKubelet({ seed: 3, calibrated: false });
    const fits = runPod(dongles('fits', 2), 3, { context, kubelet });
    runPod(dongles('toomany', 3), 3, { context, kubelet });
    expect(context.events('FailedScheduling')[0].message).toContain('1 Insufficient example.com/dongle');
    expect(context.lastStatus('toomany')?.phase).toBe('Pending');
    expect(context.lastStatus('fits')?.phase).toBe('Running');
    fits.remove(1);
    fits.run(10);
    expect(context.terminatedAt('fits')).toBeDefined();
    expect(context.lastStatus('toomany')?.phase).toBe('Running');
  });

  it('a container starts in waiting state with the reason the recordings show', () => {
    const state = new ContainerState('app', { name: 'c' }, containerScenario('c'), 0);
    expect(state.state).toEqual({ kind: 'waiting', reason: 'ContainerCreating' });
  });
});
