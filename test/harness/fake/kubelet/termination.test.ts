import fc from 'fast-check';
import { STOP_TIMER_JITTER_SECONDS } from '../../../../harness/fake/kubelet/jitter';
import { HEARTBEAT_SECONDS } from '../../../../harness/markers';
import { containerScenario, podScenario } from '../scenario-pods';
import { runPod } from './run-pod';

/** Shapes of the recordings sigkill-after-grace, sigterm-handled, prestop-*, delete-grace-zero. */

const SIGNAL_SLACK = 0.06;

function lastTickBefore(ticks: number[], limit: number): number {
  return Math.max(...ticks.filter((t) => t <= limit));
}

describe('simulated kubelet: termination', () => {
  it('kills a container that ignores SIGTERM at Killing + grace with 137/Error (sigkill-after-grace)', () => {
    const pod = runPod(podScenario({ terminationGracePeriodSeconds: 3 }), 3);
    expect(pod.container()?.state?.running).toBeDefined();
    pod.remove();
    pod.run(10);
    const { context } = pod;
    const killing = context.events('Killing');
    expect(killing.map((e) => e.message)).toEqual(['Stopping container c']);
    const killAt = context.eventAt('Killing') ?? NaN;
    const sigtermAt = context.logAt('kp sigterm') ?? NaN;
    expect(sigtermAt - killAt).toBeLessThan(0.2 * 1000);
    const ticks = context
      .logs('c', true)
      .filter((l) => l.text === 'kp tick')
      .map((l) => l.at);
    // The heartbeat stops at SIGKILL: grace 3 s after SIGTERM was sent.
    const lastTick = Math.max(...ticks);
    expect((lastTick - killAt) / 1000).toBeGreaterThan(3 - HEARTBEAT_SECONDS - 0.01);
    expect((lastTick - killAt) / 1000).toBeLessThanOrEqual(3 + SIGNAL_SLACK);
    const terminated = context.statuses().at(-1)?.containerStatuses?.[0].state?.terminated;
    expect(terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(context.terminatedAt()).toBeDefined();
    expect(context.logs('c').map((l) => l.text)).toEqual(['kp boot', 'kp started', 'kp sigterm']);
  });

  it('with the sigkill-early defect the SIGKILL lands a second early', () => {
    const pod = runPod(podScenario({ terminationGracePeriodSeconds: 3 }), 3, { defects: ['sigkill-early'] });
    pod.remove();
    pod.run(10);
    const killAt = pod.context.eventAt('Killing') ?? NaN;
    const ticks = pod.context
      .logs('c', true)
      .filter((l) => l.text === 'kp tick')
      .map((l) => l.at);
    expect((Math.max(...ticks) - killAt) / 1000).toBeLessThan(2 + SIGNAL_SLACK);
  });

  it('a trapped SIGTERM exits with the chosen code one second later (sigterm-handled)', () => {
    const scenario = podScenario({
      terminationGracePeriodSeconds: 5,
      containers: [
        containerScenario('c', {
          behaviour: { startDelaySeconds: 0, sigterm: { kind: 'exit', afterSeconds: 1, exitCode: 7 } },
        }),
      ],
    });
    const pod = runPod(scenario, 3);
    pod.remove();
    pod.run(10);
    const { context } = pod;
    expect(context.logs('c').map((l) => l.text)).toEqual([
      'kp boot',
      'kp started',
      'kp sigterm',
      'kp exit 7',
    ]);
    const gap = ((context.logAt('kp exit 7') ?? NaN) - (context.logAt('kp sigterm') ?? NaN)) / 1000;
    expect(gap).toBeCloseTo(1, 5);
    expect(context.statuses().at(-1)?.containerStatuses?.[0].state?.terminated).toMatchObject({
      exitCode: 7,
      reason: 'Error',
    });
  });

  it('an untrapped SIGTERM kills with 143', () => {
    const scenario = podScenario({
      containers: [
        containerScenario('c', { behaviour: { startDelaySeconds: 0, sigterm: { kind: 'default' } } }),
      ],
    });
    const pod = runPod(scenario, 3);
    pod.remove();
    pod.run(5);
    expect(pod.context.statuses().at(-1)?.containerStatuses?.[0].state?.terminated?.exitCode).toBe(143);
  });

  it('runs preStop before SIGTERM and subtracts it from the grace period (prestop-then-handled-term)', () => {
    const scenario = podScenario({
      terminationGracePeriodSeconds: 30,
      containers: [
        containerScenario('c', {
          behaviour: { startDelaySeconds: 0, sigterm: { kind: 'exit', afterSeconds: 1, exitCode: 7 } },
          lifecycle: { preStop: { kind: 'exec', durationSeconds: 2, exitCode: 0 } },
        }),
      ],
    });
    const pod = runPod(scenario, 3);
    pod.remove();
    pod.run(10);
    const texts = pod.context.logs('c').map((l) => l.text);
    expect(texts).toEqual([
      'kp boot',
      'kp started',
      'kp prestop-start',
      'kp prestop-end 0',
      'kp sigterm',
      'kp exit 7',
    ]);
    const sigtermAfterKill =
      ((pod.context.logAt('kp sigterm') ?? NaN) - (pod.context.eventAt('Killing') ?? NaN)) / 1000;
    expect(sigtermAfterKill).toBeGreaterThanOrEqual(2);
    expect(sigtermAfterKill).toBeLessThan(2 + SIGNAL_SLACK + 0.01);
  });

  it('a failing preStop emits FailedPreStopHook and termination goes on (prestop-failing)', () => {
    const scenario = podScenario({
      containers: [
        containerScenario('c', {
          behaviour: { startDelaySeconds: 0, sigterm: { kind: 'exit', afterSeconds: 1, exitCode: 7 } },
          lifecycle: { preStop: { kind: 'exec', durationSeconds: 0, exitCode: 3 } },
        }),
      ],
    });
    const pod = runPod(scenario, 3);
    pod.remove();
    pod.run(10);
    expect(pod.context.events('FailedPreStopHook').map((e) => [e.type, e.message])).toEqual([
      ['Warning', 'PreStopHook failed'],
    ]);
    expect(pod.context.logs('c').map((l) => l.text)).toContain('kp exit 7');
  });

  it('with the prestop-skipped defect no preStop runs and SIGTERM comes at once', () => {
    const scenario = podScenario({
      containers: [
        containerScenario('c', { lifecycle: { preStop: { kind: 'exec', durationSeconds: 5, exitCode: 0 } } }),
      ],
    });
    const pod = runPod(scenario, 3, { defects: ['prestop-skipped'] });
    pod.remove();
    pod.run(40);
    expect(pod.context.logs('c').map((l) => l.text)).toEqual(['kp boot', 'kp started', 'kp sigterm']);
  });

  it('grace 0 still sends SIGTERM and kills 2 s later (delete-grace-zero)', () => {
    const pod = runPod(podScenario({ terminationGracePeriodSeconds: 30 }), 3);
    pod.remove(0);
    pod.run(6);
    const killAt = pod.context.eventAt('Killing') ?? NaN;
    const ticks = pod.context
      .logs('c', true)
      .filter((l) => l.text === 'kp tick')
      .map((l) => l.at);
    expect((Math.max(...ticks) - killAt) / 1000).toBeGreaterThan(2 - HEARTBEAT_SECONDS - 0.01);
    expect((Math.max(...ticks) - killAt) / 1000).toBeLessThanOrEqual(2 + SIGNAL_SLACK);
  });

  it('stops app containers first, then sidecars in reverse order', () => {
    const scenario = podScenario({
      terminationGracePeriodSeconds: 10,
      initContainers: [
        containerScenario('side1', { restartPolicy: 'Always' }),
        containerScenario('side2', { restartPolicy: 'Always' }),
      ],
      containers: [
        containerScenario('c', {
          behaviour: { startDelaySeconds: 0, sigterm: { kind: 'exit', afterSeconds: 1, exitCode: 0 } },
        }),
      ],
    });
    const pod = runPod(scenario, 8);
    expect(pod.container('c')?.state?.running).toBeDefined();
    pod.remove();
    pod.run(30);
    const sigterms = pod.context.record
      .filter((r) => r.kind === 'log' && r.text === 'kp sigterm')
      .map((r) => (r.kind === 'log' ? r.container : ''));
    expect(sigterms).toEqual(['c', 'side2', 'side1']);
  });

  it('property: SIGKILL lands max(G - floor(min(d, G)), 2) s after SIGTERM, whatever the preStop', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 150 }),
        fc.integer(),
        (grace, tenths, seed) => {
          const d = tenths / 10;
          const scenario = podScenario({
            terminationGracePeriodSeconds: grace,
            containers: [
              containerScenario('c', {
                lifecycle: { preStop: { kind: 'exec', durationSeconds: d, exitCode: 0 } },
              }),
            ],
          });
          const pod = runPod(scenario, 3, { seed });
          pod.remove();
          pod.run(grace + 20);
          const { context } = pod;
          const killAt = context.eventAt('Killing') ?? NaN;
          const sigtermAt = context.logAt('kp sigterm') ?? NaN;
          const effective = Math.max(grace, 1);
          const hook = Math.min(d, effective);
          const expectedKill = Math.max(effective - Math.floor(hook), 2);
          expect(Math.abs((sigtermAt - killAt) / 1000 - hook - 0.05)).toBeLessThan(0.011);
          const ticks = context
            .logs('c', true)
            .filter((l) => l.text === 'kp tick')
            .map((l) => l.at);
          const sigkillAt = lastTickBefore(ticks, Infinity);
          const measured = (sigkillAt - sigtermAt) / 1000 + 0.05;
          expect(measured).toBeGreaterThan(expectedKill - HEARTBEAT_SECONDS - 0.011);
          // containerd's stop timer fires up to STOP_TIMER_JITTER_SECONDS late (bench/real-cluster-jitter.md).
          expect(measured).toBeLessThanOrEqual(expectedKill + STOP_TIMER_JITTER_SECONDS + 0.011);
        },
      ),
      { numRuns: 60 },
    );
  });
});
