import { observeTermination } from '../../../harness/observe/termination';
import type { TerminationScenario } from '../../../model/scenario';
import { realCase } from '../../fixtures/real-runs';

describe('termination observer against this project’s real v1.26.1 runs', () => {
  // Grace 1 s, app-0's exec preStop of 0 s: on a node busy with three other cases the kubelet's exec
  // started late and was cut by the grace period before its first line; FailedPreStopHook followed.
  it('prestop-then-sigterm-r2-again: a preStop that ran (FailedPreStopHook) without a marker is not "never"', () => {
    const { scenario, trace } = realCase('v1.26.1-termination-prestop-then-sigterm-r2-again');
    const observation = observeTermination(trace, scenario as TerminationScenario);
    expect(observation.fields['app-0.failedPreStopHook']).toEqual({ kind: 'value', value: true });
    expect(observation.fields['app-0.sigtermAfterPreStopStartSeconds']).toEqual({
      kind: 'missing',
      reason: 'the preStop ran (FailedPreStopHook) but ended before writing its start marker',
    });
    // app-1's hook wrote its marker: its instant is measured as before.
    expect(observation.fields['app-1.sigtermAfterPreStopStartSeconds']).toMatchObject({ kind: 'instant' });
  });
});
