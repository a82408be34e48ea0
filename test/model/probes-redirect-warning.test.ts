import fc from 'fast-check';
import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import { expectProbes } from '../../model/probes';
import { httpRedirects } from '../../suites/probes/http-redirects.property';

/** The ProbeWarning text of a non-local redirect (pkg/probe/http/http.go DoHTTPProbe), by release. */
describe('probes.http-redirects: the warning names the redirect from 1.24 (kubernetes PR #103967)', () => {
  const warnings = (gitVersion: string): unknown[] => {
    const capabilities = {
      ...defaultCapabilities(parseServerVersion(gitVersion)),
      serverImage: 'agnhost:test',
    };
    return fc.sample(httpRedirects.arbitrary(capabilities), { seed: 3, numRuns: 40 }).flatMap((scenario) =>
      Object.entries(expectProbes(scenario, capabilities, DEFAULT_MODEL_OPTIONS).fields)
        .filter(([name]) => name.endsWith('.probeWarningMessage'))
        .map(([, field]) => field.expected),
    );
  };

  test('v1.26: "Probe terminated redirects, Response body: …"', () => {
    const expected = warnings('v1.26.1');
    expect(expected.length).toBeGreaterThan(0);
    for (const value of expected)
      expect(value).toEqual({
        kind: 'contains',
        parts: ['Liveness probe warning: Probe terminated redirects'],
      });
  });

  test('v1.23: the response body alone, Go’s redirect page (as the v1.23.13 node sent it)', () => {
    const expected = warnings('v1.23.13');
    expect(expected.length).toBeGreaterThan(0);
    for (const value of expected)
      expect(value).toEqual({ kind: 'contains', parts: ['Liveness probe warning: <a href="'] });
  });
});
