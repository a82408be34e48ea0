import fc from 'fast-check';
import { manifestsFor, type CaseManifests } from '../generators/manifests';
import { networkPolicyManifests } from '../generators/manifests/networkpolicy';
import type { Capabilities } from '../model/capabilities';
import type { ModelOptions } from '../model/expectation';
import type { Scenario } from '../model/scenario';
import { planCase, type PlanStep, type WaitCondition } from '../harness/plan';
import type { PropertyDefinition } from './property-definition';

/**
 * What a wait typically takes on a real node when it is met, seconds (the recordings of
 * ../shared/recordings/kubeprop-runs: pod start 0.8–4 s, the kubelet reacting to a delete within
 * 0.1–1.1 s, a new quota's status within 0.1 s).
 */
const TYPICAL_WAIT_SECONDS: Record<WaitCondition['kind'], number> = {
  podRunning: 2,
  podStarted: 2,
  podReady: 3,
  podScheduleDecided: 1,
  podStopped: 2,
  podGone: 2,
  // The NetworkPolicy topology's nine pods: 12.8–14.2 s on the v1.26.1 node (run7).
  podsRunning: 13,
  quotaInitialised: 0.1,
  quotaSettled: 0.1,
  // The root CA ConfigMap is published as the namespace is created; a deleted object goes at once.
  objectListed: 0.1,
  // A spec change is synced at once (the controller's informer queues the quota).
  quotaHardSynced: 0.5,
  // A new CRD's names are accepted and it is established within a second or two.
  crdEstablished: 1,
};
/** The quota controller discovers a new resource within its 30 s period: half of it on average. */
const QUOTA_DISCOVERY_SECONDS = 15;
/** The kubelet's reaction to a delete plus the status reaching the watch, seconds. */
const STOP_REACTION_SECONDS = 1;
/** Namespace, watches and the final reads of a case, seconds (the shortest real cases, ~0.1–0.4 s). */
const CASE_SETUP_SECONDS = 0.2;
/** One API call (create, delete, snapshot), seconds (0.01–0.05 in the recordings). */
const API_CALL_SECONDS = 0.03;
/**
 * The reachability matrix (harness/netpol/probe-matrix.ts: an exec per cell, denied cells waiting out
 * their timeouts and a retry): 43–68 s on the v1.26.1 node with kube-router (run7), mean 53 s.
 */
const PROBE_MATRIX_SECONDS = 53;

/**
 * The time a case's plan is expected to take, ms: its observe windows (counted from the pod's
 * creation when the plan says so), each wait at its typical duration, and its API calls. A guess
 * from the plan alone, known before the case runs: reporting/eta.ts scales it by what the run
 * observes, so only the relative sizes of different properties' cases need to be right.
 */
export function plannedCaseMs(steps: readonly PlanStep[]): number {
  let now = CASE_SETUP_SECONDS;
  let podCreatedAt = 0;
  const graceOf = new Map<string, number>();
  let deletedGrace: number | undefined;
  for (const step of steps) {
    switch (step.kind) {
      case 'create':
        now += API_CALL_SECONDS;
        if (step.object.kind === 'Pod') {
          podCreatedAt = now;
          const grace = step.object.spec?.terminationGracePeriodSeconds;
          if (grace !== undefined) graceOf.set(step.object.metadata?.name ?? '', grace);
        }
        break;
      case 'deletePod':
        now += API_CALL_SECONDS;
        deletedGrace = step.gracePeriodSeconds ?? graceOf.get(step.target.pod);
        break;
      case 'wait': {
        const stop = step.condition.kind === 'podStopped' || step.condition.kind === 'podGone';
        // A scenario that sets a grace period mostly runs into it (hooks, SIGTERM ignored); one that
        // leaves the default 30 s has a program that exits on SIGTERM at once.
        const typical =
          stop && deletedGrace !== undefined
            ? deletedGrace + STOP_REACTION_SECONDS
            : TYPICAL_WAIT_SECONDS[step.condition.kind];
        // A Ready that may never come (its timeout an allowed outcome) ran out about as often as
        // not in the recordings: half its deadline.
        const mayNeverCome = step.timeoutIsOutcome === true && step.condition.kind === 'podReady';
        now += mayNeverCome
          ? Math.max(Math.min(step.deadlineSeconds, typical), step.deadlineSeconds / 2)
          : Math.min(step.deadlineSeconds, typical);
        break;
      }
      case 'observe':
        now = Math.max(now, (step.from === 'now' ? now : podCreatedAt) + step.seconds);
        break;
      case 'probeReachability':
        now += PROBE_MATRIX_SECONDS;
        break;
      case 'awaitQuotaDiscovery':
        now += QUOTA_DISCOVERY_SECONDS;
        break;
      default:
        now += API_CALL_SECONDS;
    }
  }
  return Math.round(now * 1000);
}

function manifestsOf(scenario: Scenario, image: string, serverImage: string | undefined): CaseManifests {
  const labels = {};
  // A scenario with a server program (or an HTTPS hook handler) has its manifests only with the server image.
  if (scenario.family !== 'networkpolicy')
    return manifestsFor(scenario, { image, serverImage, namespace: 'ns', labels });
  const netpol = networkPolicyManifests(scenario, { image, namespacePrefix: 'ns', labels, caseId: 'c' });
  return {
    namespaceLabels: {},
    objects: [...netpol.pods.map((p) => p.object), ...netpol.policies.map((p) => p.object)],
  };
}

/** One scenario's planned duration, ms (plannedCaseMs of the plan run-case.ts would execute). */
export function scenarioCaseMs(
  definition: PropertyDefinition,
  scenario: Scenario,
  capabilities: Capabilities,
  modelOptions: ModelOptions,
): number {
  const expectation = definition.expect(scenario, capabilities, modelOptions);
  return plannedCaseMs(
    planCase(scenario, expectation, manifestsOf(scenario, 'busybox', capabilities.serverImage)),
  );
}

/**
 * The mean planned duration of a property's exploration cases, ms: the same scenarios the runner
 * will explore (fast-check's sample with the run's seed, as runner/property-runner.ts draws them).
 * Undefined when the plan cannot be made offline (the ETA then relies on observed cases alone).
 */
export function expectedCaseMs(
  definition: PropertyDefinition,
  capabilities: Capabilities,
  options: { seed: number; numRuns: number; modelOptions: ModelOptions },
): number | undefined {
  if (options.numRuns <= 0) return undefined;
  try {
    const scenarios = fc.sample(definition.arbitrary(capabilities), {
      seed: options.seed,
      numRuns: options.numRuns,
    });
    const total = scenarios.reduce(
      (sum, scenario) => sum + scenarioCaseMs(definition, scenario, capabilities, options.modelOptions),
      0,
    );
    return total / scenarios.length;
  } catch {
    return undefined;
  }
}
