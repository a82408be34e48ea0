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
