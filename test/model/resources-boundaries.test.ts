import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import {
  EVICTION_MARGIN_SECONDS,
  OOM_MARGIN_SECONDS,
  assumedSchedulability,
  ephemeralEviction,
  expectResources,
  initSeconds,
} from '../../model/resources';
import type { ContainerBehaviour, ContainerScenario, ResourcesScenario } from '../../model/scenario';
import { container, pod } from './resources-builders';

const caps = defaultCapabilities(parseServerVersion('v1.34'));
const behaviour = (extra: Partial<ContainerBehaviour>): ContainerBehaviour => ({
  startDelaySeconds: 0,
  sigterm: { kind: 'default' },
  ...extra,
});
const scenario = (p: ResourcesScenario['pod'], observeSeconds = 60, extra: Partial<ResourcesScenario> = {}) =>
  ({ family: 'resources', pod: p, observeSeconds, ...extra }) as ResourcesScenario;
const fieldsOf = (s: ResourcesScenario) => expectResources(s, caps, DEFAULT_MODEL_OPTIONS).fields;
const writer = (
  name: string,
  writeEphemeralMi: number,
  limit?: number,
  extra: Partial<ContainerScenario> = {},
) =>
  container(name, {}, limit === undefined ? {} : { ephemeralStorageMi: limit }, {
    behaviour: behaviour({ writeEphemeralMi }),
    ...extra,
  });
const initStep = (name: string, startDelaySeconds: number, seconds: number, exitCode = 0) =>
  container(name, {}, {}, { behaviour: behaviour({ startDelaySeconds, exitAfter: { seconds, exitCode } }) });

describe('scheduling (noderesources/fit.go fitsRequest)', () => {
  it('an extended resource no node advertises is Insufficient', () => {
    expect(assumedSchedulability({ 'example.com/dongle': 1 }, scenario(pod('p', [])))).toEqual({
      kind: 'unschedulable',
      insufficient: ['example.com/dongle'],
    });
  });

  it('every lacking resource, sorted by name', () => {
    expect(assumedSchedulability({ 'example.com/dongle': 1, cpu: 256_000 }, scenario(pod('p', [])))).toEqual({
      kind: 'unschedulable',
      insufficient: ['cpu', 'example.com/dongle'],
    });
  });
});

describe('init containers before app containers (kuberuntime_container.go computeInitContainerActions)', () => {
  it('plain init containers run one after the other; sidecars do not delay the app containers', () => {
    const sidecar = container('s', {}, {}, { restartPolicy: 'Always' });
    const p = pod('p', [container('c')], {
      initContainers: [initStep('a', 2, 3), sidecar, initStep('b', 1, 4)],
    });
    expect(initSeconds(p)).toBe(10);
  });

  it('a failing or never-ending init container keeps the app containers from starting', () => {
    expect(
      initSeconds(pod('p', [container('c')], { initContainers: [initStep('a', 0, 1, 1)] })),
    ).toBeUndefined();
    expect(initSeconds(pod('p', [container('c')], { initContainers: [container('a')] }))).toBeUndefined();
  });

  it('no runtime expectation when app containers never start', () => {
    const oom = container('c', {}, { memoryMi: 32 }, { behaviour: behaviour({ allocateMemoryMi: 80 }) });
    const f = fieldsOf(scenario(pod('p', [oom], { initContainers: [initStep('a', 0, 1, 1)] }), 600));
    expect(f['p.scheduled'].expected).toEqual({ kind: 'equals', value: true });
    expect(f['p.c.oomKilled']).toBeUndefined();
  });

  it('the OOM expectation waits for the init containers too', () => {
    const oom = container('c', {}, { memoryMi: 32 }, { behaviour: behaviour({ allocateMemoryMi: 80 }) });
    const p = pod('p', [oom], { initContainers: [initStep('a', 0, 5)] });
    expect(fieldsOf(scenario(p, 5 + OOM_MARGIN_SECONDS))['p.c.oomKilled']).toBeDefined();
    expect(fieldsOf(scenario(p, 4 + OOM_MARGIN_SECONDS))['p.c.oomKilled']).toBeUndefined();
  });
});

describe('OOM outcome', () => {
  it('no allocation under a memory limit: not OOM-killed; an allocation without a limit: no expectation', () => {
    const idle = container('c', {}, { memoryMi: 64 });
    expect(fieldsOf(scenario(pod('p', [idle])))['p.c.oomKilled'].expected).toEqual({
      kind: 'equals',
      value: false,
    });
    const unlimited = container('c', {}, {}, { behaviour: behaviour({ allocateMemoryMi: 500 }) });
    expect(fieldsOf(scenario(pod('p', [unlimited])))['p.c.oomKilled']).toBeUndefined();
  });

  it('restartPolicy Never: the pod is Failed only when its only container was OOM-killed and no sidecar runs', () => {
    const oom = container('c', {}, { memoryMi: 32 }, { behaviour: behaviour({ allocateMemoryMi: 80 }) });
    const withSidecar = pod('p', [oom], {
      restartPolicy: 'Never',
      initContainers: [container('s', {}, {}, { restartPolicy: 'Always' })],
    });
    const f = fieldsOf(scenario(withSidecar));
    expect(f['p.c.oomKilled'].expected).toEqual({ kind: 'equals', value: true });
    expect(f['p.c.restartCount'].expected).toEqual({ kind: 'range', min: 0, max: 0 });
    expect(f['p.phase']).toBeUndefined();
    const two = fieldsOf(scenario(pod('p', [oom, container('d')], { restartPolicy: 'Never' })));
    expect(two['p.phase']).toBeUndefined();
  });
});

describe('ephemeral-storage eviction (eviction_manager.go localStorageEviction)', () => {
  it('no ephemeral limit anywhere: nothing written, not evicted; something written, no expectation', () => {
    expect(ephemeralEviction(pod('p', [writer('c', 0)]))).toEqual({ evicted: false });
    expect(ephemeralEviction(pod('p', [writer('c', 50)]))).toBeUndefined();
  });

  it('a container is checked against its own limit only (containers without one are skipped)', () => {
    // a: 11 Mi against 10 Mi is within the 1 Mi headroom; b has no limit of its own.
    expect(ephemeralEviction(pod('p', [writer('a', 11, 10), writer('b', 0, 100)]))).toBeUndefined();
    expect(ephemeralEviction(pod('p', [writer('a', 12, 10), writer('b', 0, 100)]))).toEqual({
      evicted: true,
      message: ['Container a exceeded its local ephemeral storage limit "10Mi"'],
    });
    // b has no limit of its own: only the pod total (100 Mi) bounds it.
    expect(ephemeralEviction(pod('p', [writer('a', 0, 100), writer('b', 5)]))).toEqual({ evicted: false });
  });

  it('every limited container must be clearly under for "not evicted"', () => {
    expect(ephemeralEviction(pod('p', [writer('a', 8, 10), writer('b', 0, 100)]))).toEqual({
      evicted: false,
    });
    expect(ephemeralEviction(pod('p', [writer('a', 9, 10), writer('b', 0, 100)]))).toBeUndefined();
    expect(ephemeralEviction(pod('p', [writer('a', 0, 100), writer('b', 9, 10)]))).toBeUndefined();
  });

  it('init container writes count toward the pod total', () => {
    // PodLimits for ephemeral-storage: the app container's 10 Mi; the init container wrote 10 Mi.
    const p = pod('p', [writer('c', 0, 10)], { initContainers: [writer('i', 10)] });
    expect(ephemeralEviction(p)).toBeUndefined();
  });

  it('eviction is expected once the last app container has started plus the margin', () => {
    const late = writer('c', 20, 5, {
      behaviour: behaviour({ writeEphemeralMi: 20, startDelaySeconds: 10 }),
    });
    const p = pod('p', [writer('a', 0, 100), late]);
    expect(fieldsOf(scenario(p, 10 + EVICTION_MARGIN_SECONDS))['p.evicted']).toMatchObject({
      expected: { kind: 'equals', value: true },
      rule: 'resources.ephemeral-eviction',
    });
    expect(fieldsOf(scenario(p, 9 + EVICTION_MARGIN_SECONDS))['p.evicted']).toBeUndefined();
  });

  it('a pod that writes without any ephemeral limit gets no eviction field', () => {
    const f = fieldsOf(scenario(pod('p', [writer('c', 0, 10)]), 600));
    expect(f['p.evicted']).toMatchObject({ expected: { kind: 'equals', value: false } });
    expect(f['p.phase']).toBeUndefined();
    expect(fieldsOf(scenario(pod('p', [writer('c', 50)]), 600))['p.evicted']).toBeUndefined();
  });
});

describe('expectResources fields', () => {
  it('an invalid extended request in an init container: 422 fields only', () => {
    const bad = container(
      'i',
      {},
      {},
      {
        resources: { requests: { extended: { 'example.com/dongle': 1 } }, limits: {} },
      },
    );
    const f = fieldsOf(scenario(pod('p', [container('c')], { initContainers: [bad] })));
    expect(Object.keys(f).sort()).toEqual(['p.admitted', 'p.reason']);
    expect(f['p.admitted']).toMatchObject({
      expected: { kind: 'equals', value: false },
      rule: 'resources.extended-not-overcommittable',
    });
    expect(f['p.reason']).toMatchObject({
      expected: { kind: 'contains', parts: ['Limit must be set for non overcommitable resources'] },
      rule: 'resources.extended-not-overcommittable',
    });
  });

  it('an unschedulable pod: admitted, QoS, scheduled false with every Insufficient resource', () => {
    const f = fieldsOf(
      scenario(
        pod('p', [container('c', {}, { extended: { 'example.com/dongle': 2 }, cpuMilli: 256_000 })]),
        60,
        {
          extendedCapacity: { resource: 'example.com/dongle', perNode: 1 },
        },
      ),
    );
    expect(Object.keys(f).sort()).toEqual(['p.admitted', 'p.qosClass', 'p.scheduled', 'p.schedulingMessage']);
    expect(f['p.admitted']).toMatchObject({ expected: { kind: 'equals', value: true } });
    expect(f['p.qosClass'].rule).toBe('resources.qos-class');
    expect(f['p.scheduled']).toMatchObject({
      expected: { kind: 'equals', value: false },
      rule: 'resources.insufficient-unschedulable',
    });
    expect(f['p.schedulingMessage']).toMatchObject({
      expected: { kind: 'contains', parts: ['Insufficient cpu', 'Insufficient example.com/dongle'] },
      rule: 'resources.insufficient-unschedulable',
    });
  });

  it('a fitting pod is expected scheduled', () => {
    const f = fieldsOf(scenario(pod('p', [container('c', { cpuMilli: 100 })])));
    expect(f['p.scheduled']).toMatchObject({
      expected: { kind: 'equals', value: true },
      rule: 'resources.fits-scheduled',
    });
  });

  it('an evicted pod: phase Failed, reason Evicted, the eviction message, and no OOM fields', () => {
    const p = pod('p', [
      container(
        'c',
        {},
        { ephemeralStorageMi: 5, memoryMi: 64 },
        { behaviour: behaviour({ writeEphemeralMi: 20 }) },
      ),
    ]);
    const f = fieldsOf(scenario(p, 600));
    expect(f['p.statusMessage']).toMatchObject({
      expected: {
        kind: 'contains',
        parts: ['Pod ephemeral local storage usage exceeds the total limit of containers', '5Mi'],
      },
      rule: 'resources.ephemeral-eviction',
    });
    expect(f['p.phase'].rule).toBe('resources.ephemeral-eviction');
    expect(f['p.statusReason'].rule).toBe('resources.ephemeral-eviction');
    expect(f['p.c.oomKilled']).toBeUndefined();
  });

  it('OOM fields name their rules', () => {
    const oom = container('c', {}, { memoryMi: 32 }, { behaviour: behaviour({ allocateMemoryMi: 80 }) });
    const never = fieldsOf(scenario(pod('p', [oom], { restartPolicy: 'Never' })));
    expect(never['p.c.oomKilled'].rule).toBe('resources.oom-killed');
    expect(never['p.phase'].rule).toBe('resources.oom-restart-policy');
    expect(never['p.c.restartCount'].rule).toBe('resources.oom-restart-policy');
    const always = fieldsOf(scenario(pod('p', [oom]), 600));
    expect(always['p.c.restartCount']).toMatchObject({
      expected: { kind: 'range', min: 1, max: Number.MAX_SAFE_INTEGER },
      rule: 'resources.oom-restart-policy',
    });
  });
});
