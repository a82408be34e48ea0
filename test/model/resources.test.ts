import { compareField } from '../../verdicts/compare-field';
import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import {
  assumedSchedulability,
  ephemeralEviction,
  expectResources,
  extendedResourceViolation,
  schedulingVerdict,
} from '../../model/resources';
import type { ContainerBehaviour, ResourcesScenario } from '../../model/scenario';
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

// noderesources/fit.go: a node fits when requested + request ≤ allocatable for each requested resource.
describe('schedulingVerdict', () => {
  const node = { name: 'n', allocatable: { cpu: 2000, memory: 4096 }, requested: { cpu: 500 } };

  it('fits exactly at allocatable', () => {
    expect(schedulingVerdict({ cpu: 1500, memory: 4096 }, [node])).toEqual({
      schedulable: true,
      insufficient: [],
    });
  });

  it('one millicore over is Insufficient cpu', () => {
    expect(schedulingVerdict({ cpu: 1501 }, [node])).toEqual({ schedulable: false, insufficient: ['cpu'] });
  });

  it('names every lacking resource, including ones the node does not advertise', () => {
    const verdict = schedulingVerdict({ cpu: 5000, memory: 5000, 'example.com/dongle': 1 }, [node]);
    expect(verdict.insufficient).toEqual(['cpu', 'example.com/dongle', 'memory']);
  });

  it('one fitting node is enough; zero requests are ignored', () => {
    const big = { name: 'big', allocatable: { cpu: 8000 } };
    expect(schedulingVerdict({ cpu: 4000, memory: 0 }, [node, big]).schedulable).toBe(true);
    expect(schedulingVerdict({}, []).schedulable).toBe(false);
  });
});

describe('assumedSchedulability (documented node assumption)', () => {
  const s = scenario(pod('p', [container('c')]), 10, {
    extendedCapacity: { resource: 'example.com/dongle', perNode: 4 },
  });
  it.each([
    [{ cpu: 1000 }, 'fits'],
    [{ cpu: 1001 }, 'unknown'],
    [{ cpu: 255_999 }, 'unknown'],
    [{ cpu: 256_000 }, 'unschedulable'],
    [{ memory: 1024 }, 'fits'],
    [{ memory: 1024 * 1024 }, 'unschedulable'],
    [{ 'example.com/dongle': 4 }, 'fits'],
    [{ 'example.com/dongle': 5 }, 'unschedulable'],
    [{ 'example.com/other': 1 }, 'unschedulable'],
    [{ 'hugepages-2Mi': 2 }, 'unknown'],
  ])('%j → %s', (request, kind) => {
    expect(assumedSchedulability(request, s).kind).toBe(kind);
  });
});

describe('extended resources are not overcommittable', () => {
  it('accepts a limit alone or request = limit', () => {
    expect(extendedResourceViolation(container('c', {}, { extended: { 'x.io/a': 2 } }))).toBeUndefined();
    expect(
      extendedResourceViolation(container('c', { extended: { 'x.io/a': 2 } }, { extended: { 'x.io/a': 2 } })),
    ).toBeUndefined();
  });
  it('rejects request ≠ limit and a request without limit', () => {
    expect(
      extendedResourceViolation(container('c', { extended: { 'x.io/a': 1 } }, { extended: { 'x.io/a': 2 } })),
    ).toEqual(['must be equal to x.io/a limit']);
    expect(extendedResourceViolation(container('c', { extended: { 'x.io/a': 1 } }))).toEqual([
      'Limit must be set for non overcommitable resources',
    ]);
  });
});

describe('OOM kills', () => {
  const oomPod = (allocateMemoryMi: number, memoryMi: number, restartPolicy: 'Always' | 'Never' = 'Always') =>
    pod('p', [container('c', {}, { memoryMi }, { behaviour: behaviour({ allocateMemoryMi }) })], {
      restartPolicy,
    });

  it('an allocation above the limit is OOMKilled', () => {
    expect(fieldsOf(scenario(oomPod(80, 32)))['p.c.oomKilled']?.expected).toEqual({
      kind: 'equals',
      value: true,
    });
    expect(fieldsOf(scenario(oomPod(33, 32)))['p.c.oomKilled']?.expected).toEqual({
      kind: 'equals',
      value: true,
    });
  });

  it('an allocation with ample headroom is not; the ambiguous band gets no expectation', () => {
    expect(fieldsOf(scenario(oomPod(8, 32)))['p.c.oomKilled']?.expected).toEqual({
      kind: 'equals',
      value: false,
    });
    expect(fieldsOf(scenario(oomPod(9, 32)))['p.c.oomKilled']).toBeUndefined();
    expect(fieldsOf(scenario(oomPod(32, 32)))['p.c.oomKilled']).toBeUndefined();
  });

  it('restartPolicy Never: pod Failed, no restart; Always: restarted when watched long enough', () => {
    const never = fieldsOf(scenario(oomPod(80, 32, 'Never')));
    expect(never['p.phase'].expected).toEqual({ kind: 'equals', value: 'Failed' });
    expect(never['p.c.restartCount'].expected).toEqual({ kind: 'range', min: 0, max: 0 });
    const always = fieldsOf(scenario(oomPod(80, 32), 30));
    expect(always['p.c.restartCount'].expected).toMatchObject({ kind: 'range', min: 1 });
    expect(always['p.phase']).toBeUndefined();
    expect(fieldsOf(scenario(oomPod(80, 32), 29))['p.c.restartCount']).toBeUndefined();
  });

  it('needs the observation to outlast start + margin', () => {
    expect(fieldsOf(scenario(oomPod(80, 32), 10))['p.c.oomKilled']).toBeDefined();
    expect(fieldsOf(scenario(oomPod(80, 32), 9))['p.c.oomKilled']).toBeUndefined();
  });
});

describe('ephemeral-storage eviction', () => {
  const writer = (name: string, writeEphemeralMi: number, limit?: number) =>
    container(name, {}, limit === undefined ? {} : { ephemeralStorageMi: limit }, {
      behaviour: behaviour({ writeEphemeralMi }),
    });

  it('pod-level message when total writes exceed the summed limits and no container its own', () => {
    expect(ephemeralEviction(pod('p', [writer('a', 3, 5), writer('b', 20)]))).toEqual({
      evicted: true,
      message: ['Pod ephemeral local storage usage exceeds the total limit of containers', '5Mi'],
    });
  });

  it('both checks hold: the pod-level message, or the container-level one where the node has no pod stats', () => {
    expect(ephemeralEviction(pod('p', [writer('c', 20, 5)]))).toEqual({
      evicted: true,
      message: ['Pod ephemeral local storage usage exceeds the total limit of containers', '5Mi'],
      orMessage: ['Container c exceeded its local ephemeral storage limit "5Mi"'],
    });
    const message = fieldsOf(scenario(pod('p', [writer('c', 20, 5)]), 30))['p.statusMessage'];
    // The v1.23.13 node's message for such a pod.
    expect(
      compareField(message.expected, {
        kind: 'text',
        text: 'Container c exceeded its local ephemeral storage limit "5Mi". ',
      }).outcome,
    ).toBe('pass');
    expect(
      compareField(message.expected, { kind: 'text', text: 'The node was low on resource: memory.' }).outcome,
    ).toBe('fail');
  });

  it('container-level message when one container exceeds its own limit but the pod total does not', () => {
    expect(ephemeralEviction(pod('p', [writer('a', 10, 5), writer('b', 0, 100)]))).toEqual({
      evicted: true,
      message: ['Container a exceeded its local ephemeral storage limit "5Mi"'],
    });
  });

  it('clearly under: not evicted; within the headroom: no expectation', () => {
    expect(ephemeralEviction(pod('p', [writer('c', 3, 5)]))).toEqual({ evicted: false });
    expect(ephemeralEviction(pod('p', [writer('c', 6, 5)]))).toBeUndefined();
    expect(ephemeralEviction(pod('p', [writer('c', 4, 5)]))).toBeUndefined();
    expect(ephemeralEviction(pod('p', [writer('c', 4)]))).toBeUndefined();
  });

  it('expectResources fails the pod with reason Evicted', () => {
    const fields = fieldsOf(scenario(pod('p', [writer('c', 20, 5)]), 30));
    expect(fields['p.statusReason'].expected).toEqual({ kind: 'equals', value: 'Evicted' });
    expect(fields['p.phase'].expected).toEqual({ kind: 'equals', value: 'Failed' });
    expect(fieldsOf(scenario(pod('p', [writer('c', 20, 5)]), 29))['p.evicted']).toBeUndefined();
  });
});

describe('expectResources', () => {
  it('an unschedulable pod gets scheduling fields and no runtime expectations', () => {
    const fields = fieldsOf(
      scenario(
        pod('p', [
          container('c', { cpuMilli: 500_000 }, {}, { behaviour: behaviour({ allocateMemoryMi: 1 }) }),
        ]),
      ),
    );
    expect(fields['p.scheduled'].expected).toEqual({ kind: 'equals', value: false });
    expect(fields['p.schedulingMessage'].expected).toEqual({ kind: 'contains', parts: ['Insufficient cpu'] });
    expect(fields['p.c.oomKilled']).toBeUndefined();
    expect(fields['p.qosClass'].expected).toEqual({ kind: 'equals', value: 'Burstable' });
  });

  it('a mid-sized ask gets no scheduling expectation', () => {
    expect(fieldsOf(scenario(pod('p', [container('c', { cpuMilli: 4000 })])))['p.scheduled']).toBeUndefined();
  });

  it('every field names its rule', () => {
    const fields = fieldsOf(scenario(pod('p', [container('c', {}, { cpuMilli: 10, memoryMi: 64 })])));
    expect(Object.values(fields).every((f) => f.rule.startsWith('resources.'))).toBe(true);
  });
});
