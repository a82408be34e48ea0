import fc from 'fast-check';
import { manifestsFor, type CaseManifests } from '../generators/manifests';
import { networkPolicyManifests } from '../generators/manifests/networkpolicy';
import type { Capabilities } from '../model/capabilities';
import { netpolSctpImage } from '../model/networkpolicy/sctp';
import { assertedCells } from '../model/networkpolicy/topology';
import type { ModelOptions } from '../model/expectation';
import type { Scenario } from '../model/scenario';
import { planCase, type PlanStep, type WaitCondition } from '../harness/plan';
import { sharedClusterState } from '../harness/shared-cluster-state';
import type { PropertyDefinition } from './property-definition';

/**
 * What a wait typically takes on a real node when it is met, seconds (the recordings of
 * ../shared/recordings/kubeprop-runs: pod start 0.8–4 s, the kubelet reacting to a delete within
 * 0.1–1.1 s, a new quota's status within 0.1 s). Figures marked run10 are means measured by
 * bench/calibration.ts in the v1.26.1 default run at 6 slots (bench/calibration.md, the row named).
 */
const TYPICAL_WAIT_SECONDS: Record<WaitCondition['kind'], number> = {
  podRunning: 2,
  podStarted: 2,
  podReady: 3,
  podScheduleDecided: 1,
  podStopped: 2,
  podGone: 2,
  // The NetworkPolicy topology's nine pods, last create → all Running with an IP: 15.4–18.8 s, mean
  // 17.0 s (run10, "NetworkPolicy topology start", n 4).
  podsRunning: 17,
  quotaInitialised: 0.1,
  quotaSettled: 0.1,
  // The root CA ConfigMap is published as the namespace is created; a deleted object goes at once.
  objectListed: 0.1,
  // A spec change is synced at once (the controller's informer queues the quota).
  quotaHardSynced: 0.5,
  // A new CRD's names are accepted and it is established within a second or two.
  crdEstablished: 1,
};
/**
 * The quota controller discovers a new resource within its 30 s period, then counts it: 16.4–29.2 s,
 * mean 23.2 s (run10, "quota discovery of a new resource", n 4).
 */
const QUOTA_DISCOVERY_SECONDS = 23;
/** terminationGracePeriodSeconds when the pod spec leaves it unset (pkg/apis/core/v1 defaults). */
const DEFAULT_POD_GRACE_SECONDS = 30;
/** The kubelet's reaction to a delete plus the status reaching the watch, seconds. */
const STOP_REACTION_SECONDS = 1;
/**
 * A case's namespaces and watches, before its first object: mean 0.39 s at 6 slots on the 2-CPU node
 * (run10, "case set-up", n 215; 0.07–2.6 s, three namespaces for NetworkPolicy).
 */
const CASE_SETUP_SECONDS = 0.39;
/**
 * One API call (create, delete, snapshot), seconds: mean 0.12 s, p50 0.07 s on the loaded 2-CPU node
 * (run10, "API call", n 538; 0.01–0.05 s on the idle node of the recordings).
 */
const API_CALL_SECONDS = 0.12;
/**
 * The reachability matrix without SCTP, 216 cells (harness/netpol/probe-matrix.ts: an exec per cell,
 * denied cells waiting out their timeouts and a retry), after the plan's 3 s for the enforcer: 44–68 s
 * from the last policy to the last cell on the v1.26.1 node with kube-router, mean 54.4 s (run10,
 * "reachability matrix", n 4). With SCTP its 72 more cells are planned at the same rate: an SCTP probe
 * waits out the same 1 s when denied (agnhost connect --timeout=1s).
 */
const PROBE_MATRIX_SECONDS = 51.4;
const PROBE_MATRIX_CELLS = assertedCells(false).length;
/**
 * One phase of networkpolicy/updated-reachability (72 cells on 80/TCP): its 24 live cases on the v1.26.1
 * node took 24–53 s, mean 38 s, of which the topology's start (17 s) and the two 3 s enforcer waits
 * leave about 8 s for each of the two phases (three live runs of 6-8 cases at concurrency 2; in the
 * default run11 at 6 slots its four cases took 35–42 s, planned 40.7 s).
 */
const UPDATE_MATRIX_SECONDS = 8;
/**
 * A case holding a lock on shared node state cleans up before it returns (harness/run-case.ts
 * cleanupInBackground: the next holder needs the node restored): its namespace's deletion is part of
 * its duration, 5.7–20.4 s, mean 9.9 s (run10, "namespace deletion (locked cases)", n 12).
 */
const LOCKED_CLEANUP_SECONDS = 9.9;

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
        // A zero grace is the spec's period on kubelets before 1.27, and may be on later ones
        // (model/termination-plan.ts kubeletGraceSeconds).
        deletedGrace =
          step.gracePeriodSeconds === 0
            ? (graceOf.get(step.target.pod) ?? DEFAULT_POD_GRACE_SECONDS)
            : (step.gracePeriodSeconds ?? graceOf.get(step.target.pod));
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
        now +=
          step.cells === 'update'
            ? UPDATE_MATRIX_SECONDS
            : (PROBE_MATRIX_SECONDS * assertedCells(step.sctp === true).length) / PROBE_MATRIX_CELLS;
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

function manifestsOf(scenario: Scenario, image: string, capabilities: Capabilities): CaseManifests {
  const labels = {};
  // A scenario with a server program (or an HTTPS hook handler) has its manifests only with the server image.
  if (scenario.family !== 'networkpolicy')
    return manifestsFor(scenario, { image, serverImage: capabilities.serverImage, namespace: 'ns', labels });
  // The topology serves SCTP, and so its matrix has the SCTP cells, when the run carries SCTP.
  const netpol = networkPolicyManifests(scenario, {
    image,
    sctpImage: netpolSctpImage(capabilities),
    namespacePrefix: 'ns',
    labels,
    caseId: 'c',
  });
  // As harness/run-case.ts builds them: with the policy change, a case is planned as its two update
  // phases, not the whole matrix.
  return {
    namespaceLabels: {},
    objects: [...netpol.pods.map((p) => p.object), ...netpol.policies.map((p) => p.object)],
    ...(netpol.change !== undefined && { netpolChange: netpol.change }),
  };
}

/**
 * One scenario's planned duration, ms: plannedCaseMs of the plan run-case.ts would execute, plus the
 * cleanup a case under a shared-node-state lock does before it returns.
 */
export function scenarioCaseMs(
  definition: PropertyDefinition,
  scenario: Scenario,
  capabilities: Capabilities,
  modelOptions: ModelOptions,
): number {
  const expectation = definition.expect(scenario, capabilities, modelOptions);
  const locked = sharedClusterState(scenario).length > 0 ? LOCKED_CLEANUP_SECONDS * 1000 : 0;
  return (
    plannedCaseMs(planCase(scenario, expectation, manifestsOf(scenario, 'busybox', capabilities))) + locked
  );
}

/**
 * What the ETA knows of a property before it runs (reporting/progress.ts PlannedProperty): the mean
 * planned duration of its exploration cases, ms, and the lock keys (harness/shared-cluster-state.ts)
 * each takes, in run order, so that cases waiting for each other are planned one after another.
 */
export interface PropertyPlan {
  expectedCaseMs?: number;
  lockKeys: string[][];
}

/** The plan of given exploration scenarios (a real run's, when it is replayed). */
export function planOfScenarios(
  definition: PropertyDefinition,
  scenarios: readonly Scenario[],
  capabilities: Capabilities,
  modelOptions: ModelOptions,
): PropertyPlan {
  if (scenarios.length === 0) return { lockKeys: [] };
  const total = scenarios.reduce(
    (sum, scenario) => sum + scenarioCaseMs(definition, scenario, capabilities, modelOptions),
    0,
  );
  return {
    expectedCaseMs: total / scenarios.length,
    lockKeys: scenarios.map((scenario) => sharedClusterState(scenario)),
  };
}

/**
 * The plan of the scenarios the runner will explore (fast-check's sample with the run's seed, as
 * runner/property-runner.ts draws them). Without an estimate when the plan cannot be made offline
 * (the ETA then relies on observed cases alone).
 */
export function propertyPlan(
  definition: PropertyDefinition,
  capabilities: Capabilities,
  options: { seed: number; numRuns: number; modelOptions: ModelOptions },
): PropertyPlan {
  if (options.numRuns <= 0) return { lockKeys: [] };
  try {
    const scenarios = fc.sample(definition.arbitrary(capabilities), {
      seed: options.seed,
      numRuns: options.numRuns,
    });
    return planOfScenarios(definition, scenarios, capabilities, options.modelOptions);
  } catch {
    return { lockKeys: [] };
  }
}
