import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseServerVersion } from '../../model/capabilities';
import type { FieldDiff } from '../../verdicts/case-verdict';
import { knownIssueForFailure, knownIssueForProperty, loadKnownIssues } from '../../runner/known-issues';
import { UPSTREAM_KNOWN_ISSUES } from '../../runner/upstream-known-issues';

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'kp-known-')), 'known.yaml');
  writeFileSync(path, text);
  return path;
}

const failed = (rule: string): FieldDiff => ({ field: 'f', rule, because: '', outcome: 'fail', detail: '' });

describe('known issues', () => {
  const issues = loadKnownIssues(
    file(`
- property: termination/sigkill-after-grace
  versions: ">=1.26 <1.28"
  reason: "bug A"
- rule: quota.exceeded-message
  reason: "message differs on this distribution"
`),
  );

  test('a property matches only on the versions its range names', () => {
    expect(
      knownIssueForProperty(issues, 'termination/sigkill-after-grace', parseServerVersion('v1.27.3')),
    ).toBe('bug A');
    expect(
      knownIssueForProperty(issues, 'termination/sigkill-after-grace', parseServerVersion('v1.28.0')),
    ).toBeUndefined();
    expect(
      knownIssueForProperty(issues, 'termination/sigkill-after-grace', parseServerVersion('v1.25.0')),
    ).toBeUndefined();
    expect(
      knownIssueForProperty(issues, 'probes/liveness-restarts', parseServerVersion('v1.27.0')),
    ).toBeUndefined();
  });

  test('a failure is known only when every failing field is covered by a known rule', () => {
    const version = parseServerVersion('v1.34.0');
    expect(knownIssueForFailure(issues, [failed('quota.exceeded-message')], version)).toBe(
      'message differs on this distribution',
    );
    expect(
      knownIssueForFailure(issues, [failed('quota.exceeded-message'), failed('quota.admit')], version),
    ).toBeUndefined();
    expect(knownIssueForFailure(issues, [], version)).toBeUndefined();
  });

  test.each([
    ['not a list', 'property: x\nreason: y', 'must be a YAML list'],
    [
      'both property and rule',
      '- property: a\n  rule: b\n  reason: r',
      'exactly one of "property" or "rule"',
    ],
    ['no reason', '- property: a', '"reason" is required'],
    ['bad version term', '- property: a\n  reason: r\n  versions: "newest"', 'invalid version term "newest"'],
  ])('a file with %s is rejected with a clear message', (_name, text, message) => {
    expect(() => loadKnownIssues(file(text))).toThrow(message);
  });

  test('a missing file names the option to fix', () => {
    expect(() => loadKnownIssues('/nonexistent/known.yaml')).toThrow('--known-issues');
  });
});

describe('upstream known issues', () => {
  // The failing field of termination-sigkill-after-grace-r0 on the real v1.26.1 cluster
  // (../shared/recordings/kubeprop-runs/v1.26.1-dollar-escaped): SIGKILL 9 s after SIGTERM, not 5–6 s.
  const preStopNotSubtracted = failed('termination.prestop-counts-against-grace');

  test('a kubelet that gives the whole period after preStop is known on 1.22–1.27, a failure from 1.28', () => {
    expect(
      knownIssueForFailure(UPSTREAM_KNOWN_ISSUES, [preStopNotSubtracted], parseServerVersion('v1.26.1')),
    ).toContain('kubernetes/kubernetes#115817');
    expect(
      knownIssueForFailure(UPSTREAM_KNOWN_ISSUES, [preStopNotSubtracted], parseServerVersion('v1.28.0')),
    ).toBeUndefined();
    expect(
      knownIssueForFailure(UPSTREAM_KNOWN_ISSUES, [preStopNotSubtracted], parseServerVersion('v1.21.0')),
    ).toBeUndefined();
  });

  test('a kubelet that lets a 1 s period replace the 2 s minimum is known on 1.22–1.27 only', () => {
    const minimum = failed('termination.minimum-grace');
    expect(knownIssueForFailure(UPSTREAM_KNOWN_ISSUES, [minimum], parseServerVersion('v1.26.1'))).toContain(
      '#115835',
    );
    expect(
      knownIssueForFailure(UPSTREAM_KNOWN_ISSUES, [minimum], parseServerVersion('v1.28.0')),
    ).toBeUndefined();
  });

  test('another failing field next to it keeps the case a failure', () => {
    expect(
      knownIssueForFailure(
        UPSTREAM_KNOWN_ISSUES,
        [preStopNotSubtracted, failed('termination.sigkill-after-grace')],
        parseServerVersion('v1.26.1'),
      ),
    ).toBeUndefined();
  });
});

describe('the bundled upstream known issues', () => {
  const skipped = {
    field: 'app-0.sigtermAfterPreStopStartSeconds',
    rule: 'termination.grace-zero-prestop',
    because: 'deleted with gracePeriodSeconds 0, the preStop still runs',
    outcome: 'fail' as const,
    detail: 'expected 1.00–1.50 s (±0.35), observed "never"',
  };

  it('a skipped preStop on a grace-zero delete is known on 1.22–1.27 kubelets, a failure from 1.28', () => {
    expect(
      knownIssueForFailure(UPSTREAM_KNOWN_ISSUES, [skipped], { major: 1, minor: 23, gitVersion: 'v1.23.13' }),
    ).toMatch(/kubernetes#115835|kubernetes\/kubernetes#115835/);
    expect(
      knownIssueForFailure(UPSTREAM_KNOWN_ISSUES, [skipped], { major: 1, minor: 28, gitVersion: 'v1.28.0' }),
    ).toBeUndefined();
  });
});
