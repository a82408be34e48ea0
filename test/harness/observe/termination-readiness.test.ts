import type { V1EndpointSlice, V1Pod } from '@kubernetes/client-node';
import { observeTermination } from '../../../harness/observe/termination';
import type { TerminationScenario } from '../../../model/scenario';
import type { Trace, TraceEntry } from '../../../model/trace';
import { minimalContainer, minimalPod, terminationOf } from '../../support/minimal-scenarios';

const T0 = Date.parse('2030-01-01T00:00:00Z');
const s = (seconds: number) => T0 + seconds * 1000;

const scenario: TerminationScenario = {
  ...terminationOf(
    minimalPod({
      containers: [
        {
          ...minimalContainer('c'),
          behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' }, readyAfterSeconds: 0 },
          probes: {
            readiness: {
              handler: { kind: 'exec' },
              initialDelaySeconds: 0,
              periodSeconds: 1,
              timeoutSeconds: 1,
              successThreshold: 1,
              failureThreshold: 1,
            },
          },
        },
      ],
    }),
  ),
  withService: true,
};

/** The pod as the API shows it: container c running since 0 s (or killed), ready or not. */
function view(at: number, ready: boolean, opts: { deleted?: boolean; killed?: boolean } = {}): TraceEntry {
  const pod: V1Pod = {
    metadata: {
      name: 'p',
      ...(opts.deleted ? { deletionTimestamp: new Date(s(40)), deletionGracePeriodSeconds: 30 } : {}),
    },
    status: {
      phase: 'Running',
      conditions: ['Ready', 'ContainersReady'].map((type) => ({
        type,
        status: ready ? 'True' : 'False',
        lastTransitionTime: new Date(s(Math.floor(at))),
      })),
      containerStatuses: [
        {
          name: 'c',
          image: 'x',
          imageID: 'x',
          ready,
          restartCount: 0,
          state: opts.killed
            ? { terminated: { exitCode: 137, startedAt: new Date(s(0)), finishedAt: new Date(s(at)) } }
            : { running: { startedAt: new Date(s(0)) } },
        },
      ],
    },
  };
  return { kind: 'podWatch', t: s(at), type: 'MODIFIED', object: pod };
}

function slice(at: number, conditions: { ready: boolean; terminating: boolean } | undefined): TraceEntry {
  const object: V1EndpointSlice = {
    addressType: 'IPv4',
    endpoints: conditions
      ? [{ addresses: ['10.0.0.1'], conditions, targetRef: { kind: 'Pod', name: 'p' } }]
      : [],
  };
  return { kind: 'endpointSlice', t: s(at), type: 'MODIFIED', object };
}

const deleteAt: TraceEntry = { kind: 'action', t: s(10), action: 'delete', target: 'p' };
/** The program's start marker at 0 s (runtime time): the container's start, exactly. */
const started: TraceEntry = {
  kind: 'log',
  t: s(0.05),
  pod: 'p',
  container: 'c',
  runtimeTime: s(0),
  text: 'kp started',
};

describe('readiness while the pod terminates (observeTermination)', () => {
  it('a flip to not ready after the delete, container running, pod Ready False: measured from the start', () => {
    const trace: Trace = [
      started,
      view(1, true),
      deleteAt,
      view(10.5, true, { deleted: true }),
      view(12.4, false, { deleted: true }),
    ];
    const fields = observeTermination(trace, scenario).fields;
    // Between the last ready view (10.5 s) and the first not-ready one (12.4 s), narrowed by the
    // condition's one-second lastTransitionTime (12 s): 12–12.4 s after the start at 0 s.
    expect(fields['c.unreadyDuringTerminationAfterStartSeconds']).toEqual({
      kind: 'instant',
      lo: 12,
      hi: 12.4,
    });
    expect(fields['c.notReadyWhileRunningAfterDelete']).toEqual({ kind: 'value', value: true });
  });

  it('ready until the kill (readiness stopped at the delete): no running not-ready view', () => {
    const trace: Trace = [
      started,
      view(1, true),
      deleteAt,
      view(10.5, true, { deleted: true }),
      view(40.5, true, { deleted: true }),
      view(41, false, { deleted: true, killed: true }),
    ];
    const fields = observeTermination(trace, scenario).fields;
    expect(fields['c.notReadyWhileRunningAfterDelete']).toEqual({ kind: 'value', value: false });
    // The flip is the kill, 30 s after the delete: far past any readiness window.
    expect(fields['c.unreadyDuringTerminationAfterStartSeconds']).toEqual({
      kind: 'instant',
      lo: 41,
      hi: 41,
    });
  });

  it('already not ready at the delete: no transition during termination to measure', () => {
    const trace: Trace = [
      started,
      view(1, true),
      view(5, false),
      deleteAt,
      view(10.5, false, { deleted: true }),
    ];
    expect(
      observeTermination(trace, scenario).fields['c.unreadyDuringTerminationAfterStartSeconds'].kind,
    ).toBe('missing');
  });
});

describe('endpoint terminating after the delete (observeTermination)', () => {
  const ready = { ready: true, terminating: false };
  const terminating = { ready: false, terminating: true };

  it('the first slice event showing the endpoint terminating, from the delete request', () => {
    const trace: Trace = [slice(2, ready), deleteAt, slice(10.3, terminating), slice(12, undefined)];
    const fields = observeTermination(trace, scenario).fields;
    expect(fields['pod.endpointTerminatingAfterDeleteSeconds']).toEqual({
      kind: 'instant',
      lo: 0.3,
      hi: 0.3,
    });
    expect(fields['pod.endpointWhileTerminating']).toEqual({
      kind: 'value',
      value: 'ready=false,terminating=true',
    });
  });

  it('a readiness flip that reaches the slice after the delete is not the deletion (v1.26.1 node)', () => {
    // The probe failed just before the delete; the controller wrote ready=false first, terminating next.
    const unready = { ready: false, terminating: false };
    const trace: Trace = [slice(2, ready), deleteAt, slice(10.2, unready), slice(10.6, terminating)];
    expect(observeTermination(trace, scenario).fields['pod.endpointWhileTerminating']).toEqual({
      kind: 'value',
      value: 'ready=false,terminating=true',
    });
    // Never marked terminating before the record ends: the last state seen is what is judged.
    const never: Trace = [slice(2, ready), deleteAt, slice(10.2, unready)];
    expect(observeTermination(never, scenario).fields['pod.endpointWhileTerminating']).toEqual({
      kind: 'value',
      value: 'ready=false,terminating=false',
    });
  });

  it('removed without ever terminating: the removal is the first change', () => {
    const trace: Trace = [slice(2, ready), deleteAt, slice(14, undefined)];
    expect(observeTermination(trace, scenario).fields['pod.endpointTerminatingAfterDeleteSeconds']).toEqual({
      kind: 'instant',
      lo: 4,
      hi: 4,
    });
  });

  it('not seen terminating by the end of the recording: at least that long, no upper bound', () => {
    const trace: Trace = [slice(2, ready), deleteAt, slice(11, ready), view(30, false)];
    const observed = observeTermination(trace, scenario).fields['pod.endpointTerminatingAfterDeleteSeconds'];
    expect(observed).toMatchObject({ kind: 'instant', lo: 20 });
    expect(observed.kind === 'instant' && observed.hi).toBeGreaterThan(1e9);
  });

  it('no slice watched (no Service): missing', () => {
    const trace: Trace = [deleteAt, view(11, true, { deleted: true })];
    expect(observeTermination(trace, scenario).fields['pod.endpointTerminatingAfterDeleteSeconds'].kind).toBe(
      'missing',
    );
  });
});
