/**
 * probes/ready-after-startup
 * - A container whose readiness probe already passes MUST turn Ready right after its startup probe succeeds, not a
 *   readiness period later: the pod sync that follows the startup result runs readiness at once
 *   (pkg/kubelet/prober/prober_manager.go UpdatePodStatus: a started container without a readiness success gets
 *   `w.manualTriggerCh <- struct{}{}`; worker.go run takes it like a tick). Upstream: container_probe.go "should be
 *   ready immediately after startupProbe succeeds".
 *
 * generator: generators/probes-scenario.ts, steadied, the first app container forced to an exec startup probe (period 2 s)
 *   whose signal turns on after 3–6 s and an exec readiness probe whose signal is on from the start, with a period of
 *   20–30 s (initialDelaySeconds 0, successThreshold 1): a kubelet waiting for the next readiness tick would turn Ready
 *   up to that long after startup. The other containers lose their readiness probes. Window 20 s.
 * model rule: model/probes.ts expectProbes — probes.readiness-after-startup, probes.startup-gates-others.
 * observation: harness/observe/probes.ts observeProbes.
 * observation: readyAfterStartedSeconds, from the started flag to Ready (the startup success itself lags on a loaded
 *   node: a v1.26.1 node showed it up to 2 s after the model's window, Ready 41 ms to 0.5 s after it).
 * verdict: `*.readyAfterStartedSeconds`, `*.readyAtEnd`.
 */
import fc from 'fast-check';
import { probesScenario } from '../../generators';
import { expectProbes } from '../../model/probes';
import { observeProbes } from '../../harness/observe/probes';
import { steadyPod } from '../termination/steady-pod';
import { focusedProbe, probingFirstContainer } from './probes-focus';
import { PROBES_BUDGET } from './probes-budget';
import type { ContainerScenario } from '../../model/scenario';
import type { PropertyDefinition } from '../../runner/property-definition';

export const readyAfterStartup: PropertyDefinition<'probes'> = {
  id: 'probes/ready-after-startup',
  family: 'probes',
  statement:
    'A container whose readiness already passes MUST turn Ready right after its startup probe succeeds, not a readiness period later',
  arbitrary: (capabilities) =>
    fc
      .tuple(
        probesScenario(capabilities, { maxContainers: 2, maxObserveSeconds: 12 }),
        fc.integer({ min: 3, max: 6 }),
        fc.integer({ min: 20, max: 30 }),
      )
      .map(([scenario, startupAfterSeconds, readinessPeriod]) => {
        const steady = steadyPod(scenario.pod);
        const block = scenario.pod.initContainers.length;
        const startup = focusedProbe({ kind: 'exec' }, { failureThreshold: startupAfterSeconds + 10 });
        const readiness = focusedProbe({ kind: 'exec' }, { periodSeconds: readinessPeriod });
        const first = steady.containers[0];
        const behaviour = { ...first.behaviour, startupAfterSeconds, readyAfterSeconds: 0 };
        delete behaviour.unreadyAfterSeconds;
        const probed: ContainerScenario = { ...first, behaviour, probes: { startup, readiness } };
        return {
          ...scenario,
          pod: probingFirstContainer(steady, probed, 'readiness', block),
          observeSeconds: 20,
        };
      }),
  expect: expectProbes,
  observe: observeProbes,
  fields: ['*.readyAfterStartedSeconds', '*.readyAtEnd'],
  budget: PROBES_BUDGET,
};
