import type { V1PodStatus } from '@kubernetes/client-node';
import { containerScenario, podScenario } from '../scenario-pods';
import { runPod } from './run-pod';

/** Shapes of the recordings poststart-*, liveness-restarts, readiness-toggles, startup-gates-liveness. */

function firstRunningAt(statuses: { at: number; status: V1PodStatus }[]): number | undefined {
  return statuses.find((s) => s.status.containerStatuses?.[0].state?.running)?.at;
}

function timedStatuses(record: ReturnType<typeof runPod>['context']['record']) {
  return record.flatMap((r) => (r.kind === 'status' ? [{ at: r.at, status: r.status }] : []));
}

function readyTimeline(record: ReturnType<typeof runPod>['context']['record']): string[] {
  const values = timedStatuses(record).map(
    (s) => s.status.conditions?.find((c) => c.type === 'Ready')?.status ?? '',
  );
  return values.filter((v, i) => i === 0 || v !== values[i - 1]);
}

describe('simulated kubelet: hooks', () => {
  const slowPostStart = podScenario({
    containers: [
      containerScenario('c', { lifecycle: { postStart: { kind: 'exec', durationSeconds: 3, exitCode: 0 } } }),
    ],
  });

  it('reports Running only after postStart returns (poststart-slow)', () => {
    const pod = runPod(slowPostStart, 8);
    const runningAt = firstRunningAt(timedStatuses(pod.context.record)) ?? NaN;
    expect(runningAt).toBeGreaterThan(pod.context.logAt('kp poststart-end 0') ?? Infinity);
    expect(pod.context.logs('c').map((l) => l.text)).toEqual([
      'kp boot',
      'kp started',
      'kp poststart-start',
      'kp poststart-end 0',
    ]);
  });

  it('with poststart-not-awaited Running is reported while the hook runs', () => {
    const pod = runPod(slowPostStart, 8, { defects: ['poststart-not-awaited'] });
    const runningAt = firstRunningAt(timedStatuses(pod.context.record)) ?? NaN;
    expect(runningAt).toBeLessThan(pod.context.logAt('kp poststart-end 0') ?? -Infinity);
  });

  it('a failing postStart kills and restarts with back-off (poststart-failing)', () => {
    const scenario = podScenario({
      terminationGracePeriodSeconds: 2,
      containers: [
        containerScenario('c', {
          lifecycle: { postStart: { kind: 'exec', durationSeconds: 0, exitCode: 2 } },
        }),
      ],
    });
    const pod = runPod(scenario, 25);
    const { context } = pod;
    expect(context.events('FailedPostStartHook')[0]).toMatchObject({
      type: 'Warning',
      message: 'PostStartHook failed',
    });
    expect(context.events('Killing')[0].message).toBe('FailedPostStartHook');
    const waitingReasons = context.statuses().map((s) => s.containerStatuses?.[0].state?.waiting?.reason);
    expect(waitingReasons).toContain('PostStartHookError');
    expect(waitingReasons).toContain('CrashLoopBackOff');
    expect(context.events('BackOff').length).toBeGreaterThan(0);
    expect(pod.container()?.restartCount).toBeGreaterThanOrEqual(1);
    expect(pod.container()?.lastState?.terminated?.exitCode).toBe(137);
  });

  it("an httpGet postStart to the container's own server is refused: it is not listening yet at start", () => {
    const scenario = podScenario({
      containers: [
        containerScenario('c', {
          lifecycle: {
            postStart: { kind: 'httpGet', port: 8080, path: '/hook', status: 200, durationSeconds: 0 },
          },
        }),
      ],
    });
    const pod = runPod(scenario, 3);
    expect(pod.context.logs('c').map((l) => l.text)).not.toContain('kp http /hook');
    expect(pod.context.events('FailedPostStartHook')).toHaveLength(1);
    expect(pod.context.events('Killing')[0].message).toBe('FailedPostStartHook');
  });
});

describe('simulated kubelet: probes', () => {
  const liveness = podScenario({
    terminationGracePeriodSeconds: 2,
    containers: [
      containerScenario('c', {
        behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' }, unhealthyAfterSeconds: 3 },
        probes: {
          liveness: {
            handler: { kind: 'exec' },
            initialDelaySeconds: 0,
            periodSeconds: 1,
            timeoutSeconds: 1,
            successThreshold: 1,
            failureThreshold: 2,
          },
        },
      }),
    ],
  });

  it('restarts a container whose liveness probe fails failureThreshold times (liveness-restarts)', () => {
    const pod = runPod(liveness, 25);
    const { context } = pod;
    const unhealthy = context.events('Unhealthy');
    expect(unhealthy[0].message).toMatch(/^Liveness probe failed: /);
    expect(context.events('Killing')[0].message).toBe('Container c failed liveness probe, will be restarted');
    expect(pod.container()?.restartCount).toBeGreaterThanOrEqual(2);
    // First Killing after the signal turned off (3 s) and two failed periods.
    const startedAt = context.logAt('kp started') ?? NaN;
    const killAt = context.eventAt('Killing') ?? NaN;
    expect((killAt - startedAt) / 1000).toBeGreaterThanOrEqual(4);
    expect((killAt - startedAt) / 1000).toBeLessThanOrEqual(5 + 0.01);
  });

  // computePodActions (v1.26.1): restartPolicy Never with nothing else running kills the whole pod
  // ("Stopping container", the pod's period); the real cluster's probes-liveness-restarts-r1 shows it.
  it('restartPolicy Never, one container: the pod is killed whole, with the pod period, never restarted', () => {
    const probeGrace = { ...liveness.containers[0].probes.liveness!, terminationGracePeriodSeconds: 9 };
    const never = {
      ...liveness,
      restartPolicy: 'Never' as const,
      containers: [{ ...liveness.containers[0], probes: { liveness: probeGrace } }],
    };
    const pod = runPod(never, 25);
    const { context } = pod;
    expect(context.events('Killing').map((e) => e.message)).toEqual(['Stopping container c']);
    expect(pod.container()?.restartCount).toBe(0);
    // SIGTERM ignored: SIGKILL after the pod's 2 s, not the probe's 9 s.
    const killAt = context.eventAt('Killing') ?? NaN;
    const exitedAt = context.logAt('kp sigterm') ?? NaN;
    expect((exitedAt - killAt) / 1000).toBeLessThan(1.5);
    const finished = pod.container()?.state?.terminated?.finishedAt;
    expect(finished && (new Date(finished).getTime() - killAt) / 1000).toBeLessThan(4);
  });

  it('with liveness-ignored the container is never restarted', () => {
    const pod = runPod(liveness, 25, { defects: ['liveness-ignored'] });
    expect(pod.context.events('Killing')).toHaveLength(0);
    expect(pod.container()?.restartCount).toBe(0);
  });

  const toggles = podScenario({
    containers: [
      containerScenario('c', {
        behaviour: {
          startDelaySeconds: 0,
          sigterm: { kind: 'ignore' },
          readyAfterSeconds: 4,
          unreadyAfterSeconds: 12,
        },
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
      }),
    ],
  });

  it('readiness turns Ready on and off without restarts (readiness-toggles)', () => {
    const pod = runPod(toggles, 20);
    expect(readyTimeline(pod.context.record)).toEqual(['False', 'True', 'False']);
    expect(pod.container()?.restartCount).toBe(0);
    expect(pod.context.events('Unhealthy')[0].message).toMatch(/^Readiness probe failed: /);
  });

  it('with readiness-ignored the pod is Ready as soon as it runs', () => {
    const pod = runPod(toggles, 20, { defects: ['readiness-ignored'] });
    expect(readyTimeline(pod.context.record)).toEqual(['False', 'True']);
  });

  it('the startup probe holds off liveness and readiness (startup-gates-liveness)', () => {
    const scenario = podScenario({
      containers: [
        containerScenario('c', {
          behaviour: {
            startDelaySeconds: 0,
            sigterm: { kind: 'ignore' },
            startupAfterSeconds: 6,
            readyAfterSeconds: 0,
          },
          probes: {
            startup: {
              handler: { kind: 'exec' },
              initialDelaySeconds: 0,
              periodSeconds: 1,
              timeoutSeconds: 1,
              successThreshold: 1,
              failureThreshold: 30,
            },
            readiness: {
              handler: { kind: 'exec' },
              initialDelaySeconds: 0,
              periodSeconds: 1,
              timeoutSeconds: 1,
              successThreshold: 1,
              failureThreshold: 3,
            },
          },
        }),
      ],
    });
    const pod = runPod(scenario, 12);
    const { context } = pod;
    const reasons = context.events('Unhealthy').map((e) => e.message?.split(' ')[0]);
    expect(new Set(reasons)).toEqual(new Set(['Startup']));
    const startedAt = context.logAt('kp started') ?? NaN;
    const firstStarted =
      timedStatuses(context.record).find((s) => s.status.containerStatuses?.[0].started)?.at ?? NaN;
    expect((firstStarted - startedAt) / 1000).toBeGreaterThanOrEqual(6);
    expect(pod.container()?.ready).toBe(true);
  });
});
