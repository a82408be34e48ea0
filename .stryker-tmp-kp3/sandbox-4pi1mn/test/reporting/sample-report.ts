// @ts-nocheck
import type { ManagedObject } from '../../harness/cluster-port';
import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import type { Expectation } from '../../model/expectation';
import type { Observation } from '../../model/observation';
import type { TerminationScenario } from '../../model/scenario';
import type { Trace } from '../../model/trace';
import type { CaseReport, PropertyReport, Report, ReportHeader } from '../../reporting/report-types';
import { judgeCase } from '../../verdicts/case-verdict';

/**
 * Report fixtures built from Kubernetes facts: a container that ignores SIGTERM with a grace period
 * of G seconds is killed G seconds after SIGTERM (pkg/kubelet/kuberuntime/kuberuntime_container.go
 * killContainer: StopContainer with the grace period as timeout), exiting 137 (128 + SIGKILL 9).
 */
export const T0 = Date.parse('2025-01-02T03:04:05.000Z');

export function sampleHeader(version = 'v1.34.1'): ReportHeader {
  const serverVersion = parseServerVersion(version);
  return {
    kubepropVersion: '0.1.0',
    runId: 'run-1',
    startedAt: new Date(T0).toISOString(),
    seed: 42,
    options: {
      families: ['termination', 'probes', 'hooks'],
      concurrency: 2,
      image: 'busybox:1.36',
      keepTraces: true,
    },
    cluster: {
      serverVersion,
      distribution: 'kind',
      nodeImages: [{ node: 'kind-control-plane', image: `kindest/node:${version}` }],
      capabilities: defaultCapabilities(serverVersion),
    },
  };
}

export function terminationScenario(graceSeconds: number): TerminationScenario {
  return {
    family: 'termination',
    withService: false,
    delete: { afterRunningSeconds: 1 },
    pod: {
      name: 'p',
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: graceSeconds,
      initContainers: [],
      labels: {},
      containers: [
        {
          name: 'app',
          behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' } },
          ports: [],
          resources: { requests: {}, limits: {} },
          lifecycle: {},
          probes: {},
        },
      ],
    },
  };
}

/** The model's answer for the SIGTERM-ignoring container above. */
export function sigkillExpectation(graceSeconds: number, slack = 1): Expectation {
  return {
    family: 'termination',
    fields: {
      'app.sigkillAfterSigtermSeconds': {
        expected: { kind: 'window', earliest: graceSeconds, latest: graceSeconds, slack },
        rule: 'termination.sigkill-after-grace',
        because: `grace ${graceSeconds} s, SIGTERM ignored`,
      },
      'app.exitCode': {
        expected: { kind: 'equals', value: 137 },
        rule: 'termination.sigkill-exit-code',
        because: '128 + SIGKILL (9)',
      },
    },
  };
}

/** What a cluster showed: SIGTERM at 2 s after creation, the kill `killDelay` seconds later. */
export function sigkillObservation(killDelay: [number, number], exitCode = 137): Observation {
  const sigterm = T0 + 2000;
  return {
    fields: {
      'app.sigkillAfterSigtermSeconds': { kind: 'instant', lo: killDelay[0], hi: killDelay[1] },
      'app.exitCode': { kind: 'value', value: exitCode },
    },
    anchors: { 'app.sigterm': sigterm },
    timeline: [
      { at: T0, what: 'created', pod: 'p', source: 'api' },
      { at: T0 + 400, what: 'started', container: 'app', source: 'runtime' },
      { at: T0 + 1900, what: 'delete', pod: 'p', source: 'client' },
      { at: sigterm, what: 'sigterm', container: 'app', source: 'runtime' },
      {
        at: sigterm + killDelay[1] * 1000,
        what: 'exit',
        container: 'app',
        source: 'api',
        detail: `${exitCode}`,
      },
    ],
  };
}

export function podManifest(): ManagedObject {
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name: 'p', namespace: 'kp-1' },
    spec: { containers: [{ name: 'app', image: 'busybox:1.36' }], terminationGracePeriodSeconds: 3 },
  };
}

export function sigkillCase(
  id: string,
  killDelay: [number, number],
  options: { grace?: number; attempt?: CaseReport['attempt']; trace?: Trace } = {},
): CaseReport {
  const grace = options.grace ?? 3;
  const expectation = sigkillExpectation(grace);
  const observation = sigkillObservation(killDelay);
  return {
    id,
    scenario: terminationScenario(grace),
    objects: [podManifest()],
    observation,
    expectation,
    verdict: judgeCase(expectation, observation),
    attempt: options.attempt ?? { number: 1 },
    durationMs: 7000,
    ...(options.trace ? { trace: options.trace } : {}),
  };
}

export function sigkillProperty(
  cases: CaseReport[],
  overrides: Partial<PropertyReport> = {},
): PropertyReport {
  return {
    id: 'termination/sigkill-after-grace',
    family: 'termination',
    statement: 'A container that ignores SIGTERM MUST be killed when the grace period ends.',
    verdict: 'pass',
    runsPlanned: cases.length,
    runsMade: cases.length,
    outOfTime: false,
    durationMs: 20000,
    seed: 42,
    cases,
    ...overrides,
  };
}

/** A small report: one failing property with a counterexample, one passing, one skipped. */
export function sampleReport(): Report {
  const failing = sigkillCase('c2', [6.2, 6.4]);
  return {
    schemaVersion: 1,
    ...sampleHeader(),
    endedAt: new Date(T0 + 60000).toISOString(),
    properties: [
      sigkillProperty([sigkillCase('c1', [3.1, 3.3]), failing], {
        verdict: 'fail',
        path: '1:0',
        counterexample: {
          caseId: 'c2',
          reproducerPath: 'reproducers/termination-sigkill-after-grace.yaml',
          failedFields: failing.verdict.diff.filter((d) => d.outcome === 'fail'),
        },
      }),
      sigkillProperty([sigkillCase('c3', [5.0, 5.2], { grace: 5 })], {
        id: 'termination/grace-override',
        statement: 'A delete with gracePeriodSeconds MUST override the spec.',
      }),
      {
        id: 'hooks/sleep-prestop',
        family: 'hooks',
        statement: 'A sleep preStop MUST delay SIGTERM.',
        verdict: 'skipped',
        reason: 'sleep action not supported before v1.30',
        runsPlanned: 10,
        runsMade: 0,
        outOfTime: false,
        durationMs: 0,
        seed: 42,
        cases: [],
      },
    ],
  };
}
