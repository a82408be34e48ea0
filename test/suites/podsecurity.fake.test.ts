import { parseServerVersion } from '../../model/capabilities';
import { PODSECURITY_PROPERTIES } from '../../suites/podsecurity';
import { auditAnnotates } from '../../suites/podsecurity/audit-annotates.property';
import { enforceRejectsViolations } from '../../suites/podsecurity/enforce-rejects-violations.property';
import { containerCount, expectCaughtAndShrunk, failures, runOnFake } from './fake-run';

/**
 * Issue 5, podsecurity family: every property passes on a conforming fake; podsecurity-enforce-ignored
 * and podsecurity-audit-ignored are caught.
 */
describe('podsecurity properties on the fake cluster', () => {
  it.each(PODSECURITY_PROPERTIES.map((p) => [p.id, p] as const))(
    '%s passes on a conforming cluster',
    async (_id, definition) => {
      const run = await runOnFake(definition, { runs: 15, seed: 9 });
      expect(failures(run)).toEqual([]);
      expect(run.end.verdict).toBe('pass');
    },
  );

  it('podsecurity-enforce-ignored (enforce only warns) fails enforce-rejects-violations, confirmed and shrunk', async () => {
    const run = await runOnFake(
      { ...enforceRejectsViolations },
      { runs: 15, seed: 9, defects: ['podsecurity-enforce-ignored'] },
    );
    const { minimal, firstFailing, failedFields } = expectCaughtAndShrunk(run);
    expect(containerCount(minimal)).toBe(1);
    const violations = (scenario: typeof firstFailing) =>
      scenario.family === 'podsecurity' ? (scenario.intendedViolations?.length ?? 0) : 0;
    // Shrunk towards few violated checks: never more than the first failing pod had.
    expect(violations(minimal)).toBeLessThanOrEqual(violations(firstFailing));
    expect(violations(minimal)).toBeGreaterThanOrEqual(1);
    // The symptom: a pod the enforced level forbids was admitted.
    expect(failedFields).toContain('pod.admitted');
  });
  it('audit-annotates judges the audit event of every case, with and without violations', async () => {
    const run = await runOnFake(auditAnnotates, { runs: 15, seed: 9 });
    expect(run.end.verdict).toBe('pass');
    const audited = run.cases.map((c) => c.verdict.diff.find((d) => d.field.endsWith('.audit.violations')));
    // Never a vacuous pass: each case's audit field was read from the audit log and compared.
    expect(audited.every((d) => d?.outcome === 'pass')).toBe(true);
    const violating = run.cases.filter((c) => c.observation.fields['pod.audit.message']?.kind === 'text');
    expect(violating.length).toBeGreaterThan(0);
    expect(violating.length).toBeLessThan(run.cases.length);
  });

  it('podsecurity-audit-ignored (no audit annotations) fails audit-annotates, confirmed and shrunk', async () => {
    const run = await runOnFake(auditAnnotates, {
      runs: 15,
      seed: 9,
      defects: ['podsecurity-audit-ignored'],
    });
    const { minimal, failedFields } = expectCaughtAndShrunk(run);
    expect(containerCount(minimal)).toBe(1);
    // The symptom: the audit event does not name the failed checks of the audit level.
    expect(failedFields).toContain('pod.audit.violations');
    // The pod itself was still admitted: only the audit record is missing.
    expect(failedFields).not.toContain('pod.admitted');
  });

  /**
   * The AppArmor beta annotations (before 1.30), hostProcess (from 1.23) and the seccomp alpha
   * annotations (before 1.27) are drawn on a 1.26 server, the release of the test node.
   */
  const v126 = parseServerVersion('v1.26.1');

  it.each(PODSECURITY_PROPERTIES.map((p) => [p.id, p] as const))(
    '%s passes on a conforming 1.26 cluster',
    async (_id, definition) => {
      const run = await runOnFake(definition, { runs: 40, seed: 9, serverVersion: v126 });
      expect(failures(run)).toEqual([]);
      expect(run.end.verdict).toBe('pass');
    },
  );

  /** The test node's setup: 1.26 with the ProcMountType gate on, so the server keeps procMount Unmasked. */
  const unmaskedCases = (run: Awaited<ReturnType<typeof runOnFake>>) =>
    run.cases.filter((c) => JSON.stringify(c.objects).includes('"procMount":"Unmasked"'));

  it.each(PODSECURITY_PROPERTIES.map((p) => [p.id, p] as const))(
    '%s passes on a conforming 1.26 cluster with ProcMountType on, procMount Unmasked among its cases',
    async (_id, definition) => {
      // Seed 9 draws its first Unmasked pods from about the 46th case on.
      const run = await runOnFake(definition, {
        runs: 100,
        seed: 9,
        serverVersion: v126,
        procMountType: true,
      });
      expect(failures(run)).toEqual([]);
      expect(run.end.verdict).toBe('pass');
      const unmasked = unmaskedCases(run);
      expect(unmasked.length).toBeGreaterThan(0);
      // Judged, not vacuous: some case expects procMount among the failed checks of a baseline or restricted mode.
      expect(unmasked.some((c) => JSON.stringify(c.expectation).includes('"procMount"'))).toBe(true);
    },
  );

  it('on a 1.26 cluster with ProcMountType off, no case sets procMount Unmasked', async () => {
    const run = await runOnFake(enforceRejectsViolations, { runs: 100, seed: 9, serverVersion: v126 });
    expect(run.end.verdict).toBe('pass');
    expect(unmaskedCases(run)).toEqual([]);
  });

  it('podsecurity-procmount-ignored fails enforce-rejects-violations on 1.26 with ProcMountType on, shrunk to an Unmasked pod', async () => {
    const run = await runOnFake(enforceRejectsViolations, {
      runs: 150,
      seed: 9,
      defects: ['podsecurity-procmount-ignored'],
      serverVersion: v126,
      procMountType: true,
    });
    const { minimal, failedFields } = expectCaughtAndShrunk(run);
    expect(JSON.stringify(minimal)).toContain('"procMount":"Unmasked"');
    expect(failedFields.some((f) => f === 'pod.admitted' || f === 'pod.enforce.violations')).toBe(true);
  });

  it.each([
    ['podsecurity-apparmor-annotations-ignored', 'appArmorAnnotation'],
    ['podsecurity-seccomp-annotations-ignored', 'seccompAnnotation'],
    ['podsecurity-hostprocess-ignored', 'windowsHostProcess'],
  ] as const)(
    '%s fails enforce-rejects-violations on 1.26, shrunk to a pod that sets %s',
    async (defect, setting) => {
      const run = await runOnFake(enforceRejectsViolations, {
        runs: 150,
        seed: 9,
        defects: [defect],
        serverVersion: v126,
      });
      const { minimal, failedFields } = expectCaughtAndShrunk(run);
      // The symptom is about what the defect ignores: the minimal pod still sets it.
      expect(JSON.stringify(minimal)).toContain(`"${setting}"`);
      expect(failedFields.some((f) => f === 'pod.admitted' || f === 'pod.enforce.violations')).toBe(true);
    },
  );
});
