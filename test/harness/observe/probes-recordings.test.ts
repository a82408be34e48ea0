import { defaultCapabilities, parseServerVersion } from '../../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../../model/expectation';
import { expectProbes } from '../../../model/probes';
import type { ProbeHandler, ProbeSpec, ProbesScenario } from '../../../model/scenario';
import { observeProbes } from '../../../harness/observe/probes';
import { judgeCase } from '../../../verdicts/case-verdict';
import { loadRecording, RECORDED_VERSION } from '../../fixtures/recordings';
import { container, pod } from '../../model/builders';

const capabilities = defaultCapabilities(parseServerVersion(RECORDED_VERSION));

/** A probe with the API defaults (SetDefaults_Probe) except period 1 s, as the recordings use. */
function probe(handler: ProbeHandler, overrides: Partial<ProbeSpec> = {}): ProbeSpec {
  return {
    handler,
    initialDelaySeconds: 0,
    periodSeconds: 1,
    timeoutSeconds: 1,
    successThreshold: 1,
    failureThreshold: 3,
    ...overrides,
  };
}

function judge(name: string, scenario: ProbesScenario) {
  const expectation = expectProbes(scenario, capabilities, DEFAULT_MODEL_OPTIONS);
  const observation = observeProbes(loadRecording(name).trace, scenario);
  const verdict = judgeCase(expectation, observation);
  return {
    verdict,
    expectation,
    observation,
    text: verdict.diff.map((d) => `${d.field}: ${d.outcome} (${d.detail})`).join('\n'),
  };
}

const exec: ProbeHandler = { kind: 'exec' };

describe('probes model and reducer against the v1.26.1 recordings', () => {
  it('readiness-toggles: ready ~4 s after start, not ready ~12 s, never restarted', () => {
    const scenario: ProbesScenario = {
      family: 'probes',
      observeSeconds: 20,
      withService: false,
      pod: pod(
        [
          container(
            'c',
            { probes: { readiness: probe(exec, { failureThreshold: 1 }) } },
            { readyAfterSeconds: 4, unreadyAfterSeconds: 12 },
          ),
        ],
        { terminationGracePeriodSeconds: 1 },
      ),
    };
    const v = judge('readiness-toggles', scenario);
    expect(v.text).not.toMatch(/: (fail|inconclusive)/);
    expect(Object.keys(v.expectation.fields).sort()).toEqual([
      'c.readinessFailureMessage',
      'c.readyAfterStartSeconds',
      'c.readyAtEnd',
      // Never restarted (readiness alone): judged, and the recording agrees.
      'c.restartCount',
      'c.unreadyAfterStartSeconds',
    ]);
  });

  it('liveness-restarts: fails after 3 s, failureThreshold 2 → killed and restarted with back-off', () => {
    const scenario: ProbesScenario = {
      family: 'probes',
      observeSeconds: 30,
      withService: false,
      pod: pod(
        [
          container(
            'c',
            { probes: { liveness: probe(exec, { failureThreshold: 2 }) } },
            { unhealthyAfterSeconds: 3 },
          ),
        ],
        {
          terminationGracePeriodSeconds: 1,
        },
      ),
    };
    const v = judge('liveness-restarts', scenario);
    expect(v.text).not.toMatch(/: (fail|inconclusive)/);
    expect(v.observation.fields['c.restartCount']).toEqual({ kind: 'value', value: 2 });
  });

  it('startup-gates-liveness: startup passes at 6 s; liveness and readiness wait for it', () => {
    const scenario: ProbesScenario = {
      family: 'probes',
      observeSeconds: 12,
      withService: false,
      pod: pod(
        [
          container(
            'c',
            {
              probes: {
                startup: probe(exec, { failureThreshold: 20 }),
                liveness: probe(exec, { failureThreshold: 1 }),
                readiness: probe(exec),
              },
            },
            { startupAfterSeconds: 6, readyAfterSeconds: 0 },
          ),
        ],
        { terminationGracePeriodSeconds: 1 },
      ),
    };
    const v = judge('startup-gates-liveness', scenario);
    expect(v.text).not.toMatch(/: (fail|inconclusive)/);
    expect(v.verdict.diff.map((d) => d.field)).toEqual(
      expect.arrayContaining(['c.startedAfterStartSeconds', 'c.readyAfterStartSeconds', 'c.restartCount']),
    );
  });

  it('http-probe-status: 200 ready, then 404 not ready (200 <= status < 400 succeeds)', () => {
    const scenario: ProbesScenario = {
      family: 'probes',
      observeSeconds: 12,
      withService: false,
      pod: pod(
        [
          container(
            'c',
            {
              probes: {
                readiness: probe(
                  { kind: 'httpGet', port: 8080, okStatus: 200, failStatus: 404 },
                  { failureThreshold: 1 },
                ),
              },
            },
            { readyAfterSeconds: 0, unreadyAfterSeconds: 5 },
          ),
        ],
        { terminationGracePeriodSeconds: 1 },
      ),
    };
    const v = judge('http-probe-status', scenario);
    expect(v.text).not.toMatch(/: (fail|inconclusive)/);
    expect(v.expectation.fields['c.readyAtEnd'].expected).toEqual({ kind: 'equals', value: false });
  });

  it('tcp-probe: refused until a listener starts at 3 s', () => {
    const scenario: ProbesScenario = {
      family: 'probes',
      observeSeconds: 10,
      withService: false,
      pod: pod(
        [
          container(
            'c',
            { probes: { readiness: probe({ kind: 'tcpSocket', port: 9000 }) } },
            { readyAfterSeconds: 3 },
          ),
        ],
        {
          terminationGracePeriodSeconds: 1,
        },
      ),
    };
    const v = judge('tcp-probe', scenario);
    expect(v.text).not.toMatch(/: (fail|inconclusive)/);
    expect(v.observation.fields['c.readyAtEnd']).toEqual({ kind: 'value', value: true });
  });
});
