/**
 * probes/startup-fails
 * - A startup probe that fails failureThreshold times MUST kill the container (Killing "Container X failed startup
 *   probe, will be restarted") and it MUST be restarted; liveness and readiness never run meanwhile. The kill MUST use
 *   the startup probe's own terminationGracePeriodSeconds where one is set and supported, not the pod's
 *   (kuberuntime_manager.go computePodActions; ProbeTerminationGracePeriod beta 1.22, on by default from 1.25, GA 1.28).
 *   Upstream: container_probe.go "should be restarted startup probe fails", "should override timeoutGracePeriodSeconds
 *   when StartupProbe field is set".
 *
 * generator: generators/probes-scenario.ts, steadied, the first app container forced to a startup probe (period 2 s,
 *   failureThreshold 1–3) with an exec, httpGet (500/503) or tcpSocket handler whose signal never turns on, and an exec
 *   readiness probe that would pass at once (it must not run); its program ignores SIGTERM, so the kill lasts the whole
 *   grace: the probe's 2–4 s against the pod's 20–30 s where probe-level grace is supported, else the pod's 2–4 s.
 *   restartPolicy Always; the other containers lose their readiness probes. Window 30 s.
 * model rule: model/probes.ts expectProbes — probes.startup-restarts, probes.kill-message, probes.probe-level-grace,
 *   probes.startup-gates-others (never Ready), probes.restart-count-monotonic. restartCount: the third restart's
 *   10 s back-off counts from the second instance's exit (doBackOff reads the status from before the kill), so a
 *   third instance exiting 10 s after the second is restarted at once (model/timing.ts killRestartsWithin). Issue
 *   14: with failureThreshold 3 and grace 3 s instances exit 8 or 10 s apart, and the same case gave 2 restarts in
 *   30 s on v1.23.13 (8 s) and 3 on v1.26.1 (10.0 s); the model allows 1–3.
 * observation: harness/observe/probes.ts observeProbes (probeKillStopSeconds: Killing event → the first instance's
 *   finishedAt).
 * verdict: `*.firstKillAfterStartSeconds`, `*.killMessage`, `*.probeKillStopSeconds`, `*.restartCount`,
 *   `*.restartCountNeverDecreases`, `*.readyAtEnd`.
 */
import fc from 'fast-check';
import { probesScenario } from '../../generators';
import { expectProbes } from '../../model/probes';
import { observeProbes } from '../../harness/observe/probes';
import { steadyPod } from '../termination/steady-pod';
import {
  focusedProbe,
  NEVER_PASSING_HANDLERS,
  neverPassingHandler,
  probingFirstContainer,
} from './probes-focus';
import { PROBES_BUDGET } from './probes-budget';
import type { ContainerScenario } from '../../model/scenario';
import type { PropertyDefinition } from '../../runner/property-definition';

/** A signal time beyond any window: the startup probe's signal never turns on. */
const NEVER_SECONDS = 3600;

export const startupFails: PropertyDefinition<'probes'> = {
  id: 'probes/startup-fails',
  family: 'probes',
  statement:
    "A startup probe failing failureThreshold times MUST kill and restart the container, with the probe's own grace period where set",
  arbitrary: (capabilities) =>
    fc
      .tuple(
        probesScenario(capabilities, { maxContainers: 2, maxObserveSeconds: 12 }),
        fc.constantFrom(...NEVER_PASSING_HANDLERS),
        fc.constantFrom(500, 503),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 20, max: 30 }),
      )
      .map(([scenario, kind, failStatus, failureThreshold, shortGrace, podGrace]) => {
        const steady = steadyPod(scenario.pod);
        const block = scenario.pod.initContainers.length;
        const startup = focusedProbe(neverPassingHandler(kind, block, failStatus, 'startup'), {
          failureThreshold,
        });
        // The probe's short grace against a long pod grace; without probe-level grace, a short pod grace keeps
        // restarts within the window.
        if (capabilities.probeGrace) startup.terminationGracePeriodSeconds = shortGrace;
        const first = steady.containers[0];
        const behaviour = {
          ...first.behaviour,
          // The first instance can be killed within 2 s: a delayed `started` marker would date a later one.
          startDelaySeconds: 0,
          startupAfterSeconds: NEVER_SECONDS,
          readyAfterSeconds: 0,
          sigterm: { kind: 'ignore' as const },
        };
        delete behaviour.unreadyAfterSeconds;
        const readiness = focusedProbe({ kind: 'exec' });
        const probed: ContainerScenario = {
          ...first,
          behaviour,
          lifecycle: {},
          probes: { startup, readiness },
        };
        const pod = probingFirstContainer(steady, probed, 'liveness', block);
        return {
          ...scenario,
          pod: { ...pod, terminationGracePeriodSeconds: capabilities.probeGrace ? podGrace : shortGrace },
          observeSeconds: 30,
        };
      }),
  expect: expectProbes,
  observe: observeProbes,
  fields: [
    '*.firstKillAfterStartSeconds',
    '*.killMessage',
    '*.probeKillStopSeconds',
    '*.restartCount',
    '*.restartCountNeverDecreases',
    '*.readyAtEnd',
  ],
  budget: PROBES_BUDGET,
};
