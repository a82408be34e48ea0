import type { V1Pod } from '@kubernetes/client-node';
import { EventRecorder } from '../../../../harness/fake/kubelet/event-recorder';
import { TestKubeletContext } from '../kubelet-test-context';
import { containerScenario, podScenario } from '../scenario-pods';
import { runPod } from './run-pod';

/**
 * client-go tools/record (events_cache.go, v1.26): the kubelet's events about one pod pass a token
 * bucket of 25 refilled one per 300 s; repeats count into one event; the 10th distinct message of a
 * reason becomes a combined event.
 */

const pod: V1Pod = { metadata: { name: 'p', namespace: 'ns', uid: 'uid-p' } };

function recorder(): { context: TestKubeletContext; events: EventRecorder } {
  const context = new TestKubeletContext();
  return { context, events: new EventRecorder(context, pod, 'kubelet', 'node-1') };
}

describe('simulated kubelet: event spam filter and correlator', () => {
  it('sends 25 events about a pod and drops the rest', () => {
    const { context, events } = recorder();
    for (let i = 0; i < 30; i += 1) events.record('Normal', `Reason${i}`, 'm', `spec.containers{c${i % 3}}`);
    expect(context.events().map((e) => e.reason)).toEqual(Array.from({ length: 25 }, (_, i) => `Reason${i}`));
  });

  it('refills one event 300 s after the budget was spent, not before', () => {
    const { context, events } = recorder();
    for (let i = 0; i < 25; i += 1) events.record('Normal', `Reason${i}`, 'm');
    context.clock.runFor(299_000);
    events.record('Warning', 'Early', 'm');
    context.clock.runFor(1_000);
    events.record('Warning', 'Refilled', 'm');
    events.record('Warning', 'Again', 'm');
    expect(
      context
        .events()
        .slice(25)
        .map((e) => e.reason),
    ).toEqual(['Refilled']);
  });

  it('a repeat bumps the count of the same event, and a dropped repeat still counts', () => {
    const { context, events } = recorder();
    events.record('Warning', 'Unhealthy', 'Readiness probe failed: ', 'spec.containers{c}');
    context.clock.runFor(1_000);
    events.record('Warning', 'Unhealthy', 'Readiness probe failed: ', 'spec.containers{c}');
    const [first, second] = context.events('Unhealthy');
    expect(second.metadata?.name).toBe(first.metadata?.name);
    expect([first.count, second.count]).toEqual([1, 2]);
    expect(second.firstTimestamp).toEqual(first.firstTimestamp);
    expect((second.lastTimestamp?.getTime() ?? 0) - (first.lastTimestamp?.getTime() ?? 0)).toBe(1_000);
    for (let i = 0; i < 23; i += 1) events.record('Normal', `Reason${i}`, 'm');
    events.record('Warning', 'Unhealthy', 'Readiness probe failed: ', 'spec.containers{c}');
    context.clock.runFor(300_000);
    events.record('Warning', 'Unhealthy', 'Readiness probe failed: ', 'spec.containers{c}');
    expect(context.events('Unhealthy').map((e) => e.count)).toEqual([1, 2, 4]);
  });

  it('combines the 10th distinct message of one reason into one counted event', () => {
    const { context, events } = recorder();
    for (let i = 0; i < 11; i += 1) events.record('Warning', 'Unhealthy', `Liveness probe failed: ${i}`);
    const combined = context.events('Unhealthy').slice(9);
    expect(combined.map((e) => e.message)).toEqual([
      '(combined from similar events): Liveness probe failed: 9',
      '(combined from similar events): Liveness probe failed: 10',
    ]);
    expect(combined.map((e) => e.count)).toEqual([1, 2]);
    expect(new Set(context.events('Unhealthy').map((e) => e.metadata?.name)).size).toBe(10);
  });

  it('the scheduler (events.k8s.io, no spam filter) is not throttled', () => {
    const context = new TestKubeletContext();
    const scheduler = new EventRecorder(context, pod, 'default-scheduler', '', { spamFilter: false });
    for (let i = 0; i < 30; i += 1) scheduler.record('Warning', `FailedScheduling${i}`, 'm');
    expect(context.events()).toHaveLength(30);
  });

  it('a pod whose readiness probe fails every second loses its later FailedPreStopHook', () => {
    const failingPreStop = (probes: boolean) =>
      podScenario({
        containers: [
          containerScenario('c', {
            behaviour: { startDelaySeconds: 0, sigterm: { kind: 'exit', afterSeconds: 1, exitCode: 0 } },
            lifecycle: { preStop: { kind: 'exec', durationSeconds: 0, exitCode: 1 } },
            probes: probes
              ? {
                  readiness: {
                    handler: { kind: 'exec' },
                    initialDelaySeconds: 0,
                    periodSeconds: 1,
                    timeoutSeconds: 1,
                    successThreshold: 1,
                    failureThreshold: 1,
                  },
                }
              : {},
          }),
        ],
      });
    const quiet = runPod(failingPreStop(false), 30);
    quiet.remove();
    quiet.run(10);
    expect(quiet.context.events('FailedPreStopHook')).toHaveLength(1);
    const noisy = runPod(failingPreStop(true), 30);
    expect(noisy.context.events('Unhealthy').at(-1)?.count).toBeGreaterThanOrEqual(22);
    noisy.remove();
    noisy.run(10);
    expect(noisy.context.events('FailedPreStopHook')).toHaveLength(0);
    expect(noisy.context.events().filter((e) => e.source?.component === 'kubelet')).toHaveLength(25);
  });
});
