import { defaultCapabilities, parseServerVersion } from '../../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../../model/expectation';
import type { TerminationScenario } from '../../../model/scenario';
import { expectTermination } from '../../../model/termination';
import { observeTermination } from '../../../harness/observe/termination';
import { judgeCase } from '../../../verdicts/case-verdict';
import { loadRecording, RECORDED_VERSION } from '../../fixtures/recordings';
import { container, pod } from '../../model/builders';
import { NODE_LATENCY_SECONDS } from '../../../model/timing';

const capabilities = defaultCapabilities(parseServerVersion(RECORDED_VERSION));

function judge(name: string, scenario: TerminationScenario) {
  const { trace } = loadRecording(name);
  const expectation = expectTermination(scenario, capabilities, DEFAULT_MODEL_OPTIONS);
  const observation = observeTermination(trace, scenario);
  return { verdict: judgeCase(expectation, observation), expectation, observation };
}

function verdictText(v: ReturnType<typeof judge>): string {
  return v.verdict.diff.map((d) => `${d.field}: ${d.outcome} (${d.detail})`).join('\n');
}

describe('termination model and reducer against the v1.26.1 recordings', () => {
  it('sigkill-after-grace: grace 3 s, SIGTERM ignored → SIGKILL 3 s later, 137/Error', () => {
    const scenario: TerminationScenario = {
      family: 'termination',
      pod: pod([container('c')], { terminationGracePeriodSeconds: 3 }),
      delete: { afterRunningSeconds: 1 },
      withService: false,
    };
    const v = judge('sigkill-after-grace', scenario);
    expect(verdictText(v)).not.toMatch(/: (fail|inconclusive)/);
    expect(v.verdict.outcome).toBe('pass');
    expect(v.observation.fields['c.exitCode']).toEqual({ kind: 'value', value: 137 });
  });

  it('sigterm-handled: trap exits 7 one second after SIGTERM, grace 5 s', () => {
    const scenario: TerminationScenario = {
      family: 'termination',
      pod: pod([container('c', {}, { sigterm: { kind: 'exit', afterSeconds: 1, exitCode: 7 } })], {
        terminationGracePeriodSeconds: 5,
      }),
      delete: { afterRunningSeconds: 1 },
      withService: false,
    };
    const v = judge('sigterm-handled', scenario);
    expect(verdictText(v)).not.toMatch(/: (fail|inconclusive)/);
    expect(v.expectation.fields['c.exitCode'].expected).toEqual({ kind: 'equals', value: 7 });
  });

  it("delete-grace-override: DeleteOptions 2 s beats the spec's 30 s", () => {
    const scenario: TerminationScenario = {
      family: 'termination',
      pod: pod([container('c')], { terminationGracePeriodSeconds: 30 }),
      delete: { afterRunningSeconds: 1, gracePeriodSeconds: 2 },
      withService: false,
    };
    const v = judge('delete-grace-override', scenario);
    expect(verdictText(v)).not.toMatch(/: (fail|inconclusive)/);
    expect(v.observation.fields['pod.deletionGracePeriodSeconds']).toEqual({ kind: 'value', value: 2 });
  });

  it('delete-grace-zero: object gone at once; the v1.26 kubelet falls back to the spec period', () => {
    const scenario: TerminationScenario = {
      family: 'termination',
      pod: pod([container('c')], { terminationGracePeriodSeconds: 30 }),
      delete: { afterRunningSeconds: 1, gracePeriodSeconds: 0 },
      withService: false,
    };
    const v = judge('delete-grace-zero', scenario);
    // The recorder stopped 3 s after the delete, long before the SIGKILL at 30 s: those fields cannot be decided.
    const undecidable = ['c.sigkillAfterSigtermSeconds', 'c.exitCode', 'c.terminatedReason'];
    for (const d of v.verdict.diff) {
      expect(`${d.field}: ${d.outcome}`).toBe(
        `${d.field}: ${undecidable.includes(d.field) ? 'inconclusive' : 'pass'}`,
      );
    }
    expect(v.expectation.fields['c.sigkillAfterSigtermSeconds'].expected).toMatchObject({
      earliest: 30,
      latest: 30 + NODE_LATENCY_SECONDS,
    });
  });

  it('prestop-then-handled-term: 2 s exec preStop, then SIGTERM, trapped exit 7', () => {
    const scenario: TerminationScenario = {
      family: 'termination',
      pod: pod(
        [
          container(
            'c',
            { lifecycle: { preStop: { kind: 'exec', durationSeconds: 2, exitCode: 0 } } },
            { sigterm: { kind: 'exit', afterSeconds: 1, exitCode: 7 } },
          ),
        ],
        { terminationGracePeriodSeconds: 10 },
      ),
      delete: { afterRunningSeconds: 1 },
      withService: false,
    };
    const v = judge('prestop-then-handled-term', scenario);
    expect(verdictText(v)).not.toMatch(/: (fail|inconclusive)/);
    expect(v.verdict.diff.map((d) => d.field)).toContain('c.sigtermAfterPreStopStartSeconds');
  });

  it('prestop-failing: preStop exits 3 → FailedPreStopHook, SIGTERM follows at once', () => {
    const scenario: TerminationScenario = {
      family: 'termination',
      pod: pod(
        [
          container(
            'c',
            { lifecycle: { preStop: { kind: 'exec', durationSeconds: 0, exitCode: 3 } } },
            { sigterm: { kind: 'exit', afterSeconds: 1, exitCode: 7 } },
          ),
        ],
        { terminationGracePeriodSeconds: 10 },
      ),
      delete: { afterRunningSeconds: 1 },
      withService: false,
    };
    const v = judge('prestop-failing', scenario);
    expect(verdictText(v)).not.toMatch(/: (fail|inconclusive)/);
    expect(v.observation.fields['c.failedPreStopHook']).toEqual({ kind: 'value', value: true });
  });
});
