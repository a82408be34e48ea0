import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import type { ProbeSpec } from '../../model/scenario';
import { expectTermination } from '../../model/termination';
import { minimalContainer, minimalPod, terminationOf } from '../support/minimal-scenarios';

// pkg/kubelet/prober/worker.go doProbe: with a deletionTimestamp, liveness and startup stop.
const caps = defaultCapabilities(parseServerVersion('v1.34'));
const probe: ProbeSpec = {
  handler: { kind: 'exec' },
  initialDelaySeconds: 0,
  periodSeconds: 1,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 1,
};

const fieldsWith = (probes: ReturnType<typeof minimalContainer>['probes']) =>
  expectTermination(
    terminationOf(
      minimalPod({ containers: [{ ...minimalContainer('c'), probes }], terminationGracePeriodSeconds: 10 }),
    ),
    caps,
    { slackSeconds: 1 },
  ).fields;

describe('termination.probes-stop', () => {
  test.each([
    ['liveness', { liveness: probe }],
    ['startup', { startup: probe }],
  ])(
    'a container with a %s probe is expected to see no probe kill while the pod terminates',
    (_kind, probes) => {
      expect(fieldsWith(probes)['c.probeKillsDuringTermination']).toMatchObject({
        expected: { kind: 'equals', value: 0 },
        rule: 'termination.probes-stop',
      });
    },
  );

  test('readiness alone kills nothing, so nothing is expected of it', () => {
    expect(fieldsWith({ readiness: probe })['c.probeKillsDuringTermination']).toBeUndefined();
  });
});

describe('termination.sidecars-stop-last, timed (kuberuntime_termination_order.go waitForTurn)', () => {
  const trapping = (name: string, afterSeconds: number, sidecar = false) => ({
    ...minimalContainer(name),
    behaviour: { startDelaySeconds: 0, sigterm: { kind: 'exit' as const, afterSeconds, exitCode: 0 } },
    ...(sidecar ? { restartPolicy: 'Always' as const } : {}),
  });
  const scenarioWith = (mains: ReturnType<typeof trapping>[], grace: number) =>
    terminationOf(
      minimalPod({
        initContainers: [trapping('side', 1, true)],
        containers: mains,
        terminationGracePeriodSeconds: grace,
      }),
    );

  test('the last-declared sidecar gets SIGTERM when the slowest main container has exited', () => {
    const fields = expectTermination(scenarioWith([trapping('a', 2), trapping('b', 3)], 12), caps, {
      slackSeconds: 1,
    }).fields;
    expect(fields['pod.firstSidecarSigtermAfterMainSigtermSeconds']).toMatchObject({
      expected: { kind: 'window', earliest: 3, latest: 3, slack: 1 },
      rule: 'termination.sidecars-stop-last',
    });
  });

  test('no timing is claimed when a main container could be SIGKILLed first (exit not before the grace ends)', () => {
    // An exit at 3.5 s is within DECISION_MARGIN_SECONDS of the 4 s SIGKILL.
    const fields = expectTermination(scenarioWith([trapping('a', 3.5)], 4), caps, { slackSeconds: 1 }).fields;
    expect(fields['pod.firstSidecarSigtermAfterMainSigtermSeconds']).toBeUndefined();
  });

  test('no sidecar timing before sidecars exist (1.28: the init container is not restartable by default)', () => {
    const old = defaultCapabilities(parseServerVersion('v1.28'));
    const fields = expectTermination(scenarioWith([trapping('a', 2)], 12), old, { slackSeconds: 1 }).fields;
    expect(fields['pod.firstSidecarSigtermAfterMainSigtermSeconds']).toBeUndefined();
  });
});
