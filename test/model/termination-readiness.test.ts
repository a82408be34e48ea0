import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import type { ContainerScenario, ProbeSpec, TerminationScenario } from '../../model/scenario';
import { ENDPOINT_UPDATE_WITHIN_SECONDS, expectTermination } from '../../model/termination';
import { minimalContainer, minimalPod, terminationOf } from '../support/minimal-scenarios';

const caps = defaultCapabilities(parseServerVersion('v1.34'));
const options = { slackSeconds: 1 };

const exec = (overrides: Partial<ProbeSpec> = {}): ProbeSpec => ({
  handler: { kind: 'exec' },
  initialDelaySeconds: 0,
  periodSeconds: 1,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 1,
  ...overrides,
});

function readinessPod(
  probe: ProbeSpec,
  unreadyAfterSeconds: number | undefined,
  grace: number,
  afterRunningSeconds: number,
  sigterm: ContainerScenario['behaviour']['sigterm'] = { kind: 'ignore' },
): TerminationScenario {
  const c: ContainerScenario = {
    ...minimalContainer('c'),
    behaviour: { startDelaySeconds: 0, sigterm, readyAfterSeconds: 0, unreadyAfterSeconds },
    probes: { readiness: probe },
  };
  const scenario = terminationOf(minimalPod({ containers: [c], terminationGracePeriodSeconds: grace }));
  return { ...scenario, delete: { afterRunningSeconds } };
}

const fieldsOf = (scenario: TerminationScenario) => expectTermination(scenario, caps, options).fields;

describe('termination.readiness-continues (prober/worker.go doProbe keeps the readiness worker)', () => {
  // Worked example: test/e2e/common/node/container_probe.go "should mark readiness on pods to false
  // while pod is in progress of terminating when a pod has a readiness probe": exec readiness
  // `cat /tmp/ready`, initialDelaySeconds 5, periodSeconds 2, failureThreshold 1, grace 30 s, the SIGTERM
  // trap removes /tmp/ready and keeps running. Here the file goes 12 s after the start (the delete came
  // 10 s after Running) and the container runs on until its SIGKILL.
  const e2e = readinessPod(exec({ initialDelaySeconds: 5, periodSeconds: 2 }), 12, 30, 10);

  test('the e2e scenario: not ready within one probe period after the file is gone', () => {
    // Probes every 2 s at a phase the model does not know: the first one after 12 s lands by 14 s, and
    // one failure (failureThreshold 1) is enough.
    expect(fieldsOf(e2e)['c.unreadyDuringTerminationAfterStartSeconds']).toMatchObject({
      expected: { kind: 'window', earliest: 12, latest: 14, slack: 1 },
      rule: 'termination.readiness-continues',
    });
  });

  test('the e2e scenario: the pod shows Ready False while the container still runs', () => {
    // SIGKILL comes no sooner than 10 s + 30 s after the start: far after 14 s.
    expect(fieldsOf(e2e)['c.notReadyWhileRunningAfterDelete']).toMatchObject({
      expected: { kind: 'equals', value: true },
      rule: 'termination.readiness-continues',
    });
  });

  test('failureThreshold consecutive failures: threshold 2, period 1 s flips 1–2 s after the signal', () => {
    const fields = fieldsOf(readinessPod(exec({ failureThreshold: 2 }), 8, 12, 3));
    expect(fields['c.unreadyDuringTerminationAfterStartSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 9,
      latest: 10,
      slack: 1,
    });
  });

  test('claimed only when the SIGKILL surely comes after the flip, slack on both sides', () => {
    // Signal off at 8 s, period 1 s, threshold 1: not ready by 9 s (+1 s slack). The delete comes ≥ 3 s
    // after the start and SIGKILL a grace later (−1 s slack): it must be past 11 s, so grace 9 s is the
    // shortest that leaves the flip inside the grace period.
    expect(fieldsOf(readinessPod(exec(), 8, 9, 3))['c.notReadyWhileRunningAfterDelete']).toBeDefined();
    const tooShort = fieldsOf(readinessPod(exec(), 8, 8, 3));
    expect(tooShort['c.unreadyDuringTerminationAfterStartSeconds']).toBeUndefined();
    expect(tooShort['c.notReadyWhileRunningAfterDelete']).toBeUndefined();
  });

  test('nothing is claimed for a container that exits on SIGTERM (it stops before any flip matters)', () => {
    const fields = fieldsOf(readinessPod(exec(), 8, 30, 3, { kind: 'exit', afterSeconds: 1, exitCode: 0 }));
    expect(fields['c.notReadyWhileRunningAfterDelete']).toBeUndefined();
  });

  test('nothing is claimed when the readiness signal never turns off', () => {
    expect(
      fieldsOf(readinessPod(exec(), undefined, 30, 3))['c.notReadyWhileRunningAfterDelete'],
    ).toBeUndefined();
  });

  test('nothing is claimed when the container may never have been Ready (signal on shorter than a period)', () => {
    // On 0–1.5 s with period 2 s: maybe no success at all, so no ready → not ready transition.
    const fields = fieldsOf(readinessPod(exec({ periodSeconds: 2 }), 1.5, 30, 3));
    expect(fields['c.unreadyDuringTerminationAfterStartSeconds']).toBeUndefined();
  });
});

describe('termination.endpoint-terminating-soon (endpointslice controller reacts to the deletion)', () => {
  const served = (version = 'v1.34'): Record<string, unknown> =>
    expectTermination(
      { ...terminationOf(minimalPod()), withService: true },
      defaultCapabilities(parseServerVersion(version)),
      options,
    ).fields;

  test('the endpoint shows terminating within the control-plane bound of the delete, never before it', () => {
    expect(served()['pod.endpointTerminatingAfterDeleteSeconds']).toMatchObject({
      expected: { kind: 'window', earliest: 0, latest: ENDPOINT_UPDATE_WITHIN_SECONDS, slack: 1 },
      rule: 'termination.endpoint-terminating-soon',
    });
  });

  test('no endpoint timing without a Service, nor before terminating endpoints exist (1.21)', () => {
    expect(
      expectTermination(terminationOf(minimalPod()), caps, options).fields[
        'pod.endpointTerminatingAfterDeleteSeconds'
      ],
    ).toBeUndefined();
    expect(served('v1.21')['pod.endpointTerminatingAfterDeleteSeconds']).toBeUndefined();
  });
});
