import { defaultCapabilities, parseServerVersion } from '../../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../../model/expectation';
import { expectProbes } from '../../../model/probes';
import type { ProbesScenario } from '../../../model/scenario';
import { observeProbes } from '../../../harness/observe/probes';
import { judgeCase } from '../../../verdicts/case-verdict';
import { realCase } from '../../fixtures/real-runs';

describe('probes observer against this project’s real v1.26.1 runs', () => {
  // The first readiness attempt reached the container before its httpd listened ("connection
  // refused"); every later one got the CGI's 404. The model's Unhealthy text is the handler's answer.
  it('http-status-r1: the readiness failure message is the handler’s answer, not the first refused connection', () => {
    const { scenario, trace } = realCase('v1.26.1-probes-http-status-r1');
    // The busy node started this pod 6.5 s after its create, and the harness of that run did not yet
    // watch a late pod longer: its whole window is inconclusive, and judged over the 16 s it watched.
    const recorded = observeProbes(trace, scenario as ProbesScenario);
    expect(recorded.fields['app-0.readinessFailureMessage']).toEqual({
      kind: 'missing',
      reason: expect.stringContaining('started the pod 6.5 s after its create') as unknown as string,
    });
    const probes = { ...(scenario as ProbesScenario), observeSeconds: 11 };
    const observation = observeProbes(trace, probes);
    expect(observation.fields['app-0.readinessFailureMessage']).toEqual({
      kind: 'text',
      text: 'Readiness probe failed: HTTP probe failed with statuscode: 404',
    });
    const expectation = expectProbes(
      probes,
      defaultCapabilities(parseServerVersion('v1.26.1')),
      DEFAULT_MODEL_OPTIONS,
    );
    const field = judgeCase(expectation, observation).diff.find(
      (d) => d.field === 'app-0.readinessFailureMessage',
    );
    expect(field?.outcome).toBe('pass');
  });
});
