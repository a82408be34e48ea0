import fc from 'fast-check';
import { defaultCapabilities, LATEST_VERSION, parseServerVersion } from '../../model/capabilities';
import type { HooksScenario } from '../../model/scenario';
import { HOOKS_PROPERTIES } from '../../suites/hooks';
import { poststartBeforeRunning } from '../../suites/hooks/poststart-before-running.property';
import { httpHook } from '../../suites/hooks/http-hook.property';
import { httpPrestopArrives } from '../../suites/hooks/http-prestop-arrives.property';
import { prestopThenSigterm } from '../../suites/termination/prestop-then-sigterm.property';
import { caught, containerCount, expectCaughtAndShrunk, failures, runOnFake } from './fake-run';

/** Issue 5, hooks family: every property passes on the conforming fake; poststart-not-awaited and prestop-skipped are caught. */
describe('hooks properties on the fake cluster', () => {
  it.each(HOOKS_PROPERTIES.map((p) => [p.id, p] as const))(
    '%s passes on a conforming cluster',
    async (_id, definition) => {
      const run = await runOnFake(definition, { runs: 10, seed: 7 });
      expect(failures(run)).toEqual([]);
      expect(run.end.verdict).toBe('pass');
    },
  );

  it('poststart-not-awaited fails poststart-before-running, confirmed and shrunk', async () => {
    const run = await runOnFake(
      { ...poststartBeforeRunning },
      { runs: 10, seed: 7, defects: ['poststart-not-awaited'] },
    );
    const { failedFields } = expectCaughtAndShrunk(run);
    // The symptom: the container was Running before its postStart hook returned.
    expect(failedFields).toContain('app-0.runningAfterStartSeconds');
  });

  it('prestop-skipped fails prestop-then-sigterm (the property that judges preStop), confirmed and shrunk', async () => {
    const run = await runOnFake(
      { ...prestopThenSigterm },
      { runs: 10, seed: 7, defects: ['prestop-skipped'] },
    );
    const { minimal, failedFields } = expectCaughtAndShrunk(run);
    expect(containerCount(minimal)).toBe(1);
    // The symptom: the hook's marker never came although the container's record is complete.
    expect(failedFields).toContain('app-0.sigtermAfterPreStopStartSeconds');
  });

  it("prestop-skipped: a complete record without the hook's marker fails the preStop field (never ran), not inconclusive", async () => {
    const run = await runOnFake(
      { ...prestopThenSigterm },
      { runs: 10, seed: 7, defects: ['prestop-skipped'] },
    );
    // The explored cases and their confirmations; structural shrink candidates may leave the
    // property's shape (and are inconclusive there), which the shrinker then rejects.
    const judged = run.cases
      .filter((c) => /-r\d+(-again)?$/.test(c.id))
      .flatMap((c) => c.verdict.diff.filter((d) => d.field.endsWith('.sigtermAfterPreStopStartSeconds')));
    expect(judged.length).toBeGreaterThan(0);
    expect(judged.filter((d) => d.outcome !== 'fail').map((d) => d.detail)).toEqual([]);
    expect(judged[0].detail).toContain('observed "never"');
  });

  it('poststart-skipped fails http-hook (the request never came) and poststart-before-running', async () => {
    const http = await runOnFake({ ...httpHook }, { runs: 10, seed: 7, defects: ['poststart-skipped'] });
    expect(http.end.verdict).toBe('fail');
    expect(caught(http).failedFields).toContain('app-0.postStartRequestSeen');
    const before = await runOnFake(
      { ...poststartBeforeRunning },
      { runs: 10, seed: 7, defects: ['poststart-skipped'] },
    );
    expect(before.end.verdict).toBe('fail');
    expect(caught(before).failedFields).toContain('app-0.runningAfterStartSeconds');
  });

  it('poststart-not-awaited fails http-hook: Running before the httpGet hook returned', async () => {
    const run = await runOnFake({ ...httpHook }, { runs: 10, seed: 7, defects: ['poststart-not-awaited'] });
    expect(run.end.verdict).toBe('fail');
    const { confirmed, failedFields } = caught(run);
    expect(confirmed).toBe(true);
    expect(failedFields).toContain('app-0.runningAfterStartSeconds');
  });

  it('prestop-http-not-sent fails http-prestop-arrives, confirmed and shrunk: the handler never got the GET', async () => {
    const run = await runOnFake(
      { ...httpPrestopArrives },
      { runs: 6, seed: 7, defects: ['prestop-http-not-sent'] },
    );
    const { failedFields } = expectCaughtAndShrunk(run);
    expect(failedFields).toContain('app-0.preStopRequestSeen');
  });

  describe('HTTPS hooks (upstream\'s "should execute poststart/prestop https hook properly")', () => {
    const schemes = (definition: typeof httpHook, capabilities: ReturnType<typeof defaultCapabilities>) =>
      new Set(
        fc.sample(definition.arbitrary(capabilities), { numRuns: 40, seed: 3 }).map((scenario) => {
          const [first] = (scenario as HooksScenario).pod.containers;
          const hook = first.lifecycle.postStart ?? first.lifecycle.preStop;
          return hook?.kind === 'httpGet' ? (hook.scheme ?? 'HTTP') : hook?.kind;
        }),
      );
    const withImage = { ...defaultCapabilities(LATEST_VERSION), serverImage: 'agnhost:test' };

    it.each([httpHook, httpPrestopArrives].map((p) => [p.id, p] as const))(
      '%s draws HTTP and HTTPS with the server image on v1.26+, HTTP only without it or before v1.26',
      (_id, definition) => {
        expect(schemes(definition, withImage)).toEqual(new Set(['HTTP', 'HTTPS']));
        expect(schemes(definition, defaultCapabilities(LATEST_VERSION))).toEqual(new Set(['HTTP']));
        const v125 = { ...defaultCapabilities(parseServerVersion('v1.25.0')), serverImage: 'agnhost:test' };
        expect(schemes(definition, v125)).toEqual(new Set(['HTTP']));
        // Without the image the property still runs: nothing makes it unsupported.
        expect(definition.unsupported?.(defaultCapabilities(LATEST_VERSION))).toBeUndefined();
      },
    );

    it.each([
      [httpHook.id, httpHook, 'app-0.postStartRequestSeen'],
      [httpPrestopArrives.id, httpPrestopArrives, 'app-0.preStopRequestSeen'],
    ] as const)(
      '%s passes its HTTPS cases on a conforming cluster: the request is seen in netexec’s log',
      async (_id, definition, field) => {
        const run = await runOnFake(definition, { runs: 10, seed: 7 });
        const https = run.cases.filter((c) => {
          const [first] = (c.scenario as HooksScenario).pod.containers;
          const hook = first.lifecycle.postStart ?? first.lifecycle.preStop;
          return hook?.kind === 'httpGet' && hook.scheme === 'HTTPS';
        });
        expect(https.length).toBeGreaterThan(0);
        for (const c of https) {
          expect(c.verdict.outcome).toBe('pass');
          expect(c.verdict.diff.find((d) => d.field === field)?.outcome).toBe('pass');
        }
      },
    );

    it.each([httpHook, httpPrestopArrives].map((p) => [p.id, p] as const))(
      '%s runs and passes on a conforming cluster without the server image (HTTP only)',
      async (_id, definition) => {
        const run = await runOnFake(definition, { runs: 6, seed: 7, serverImage: null });
        expect(failures(run)).toEqual([]);
        expect(run.end.verdict).toBe('pass');
      },
    );

    it.each([
      [httpHook.id, httpHook, 'app-0.postStartRequestSeen'],
      [httpPrestopArrives.id, httpPrestopArrives, 'app-0.preStopRequestSeen'],
    ] as const)(
      'hook-https-as-http fails %s, confirmed and shrunk: the TLS handler never served the request',
      async (_id, definition, field) => {
        const run = await runOnFake(
          { ...definition },
          { runs: 10, seed: 7, defects: ['hook-https-as-http'] },
        );
        const { minimal, failedFields } = expectCaughtAndShrunk(run);
        expect(failedFields).toContain(field);
        const [first] = (minimal as HooksScenario).pod.containers;
        const hook = first.lifecycle.postStart ?? first.lifecycle.preStop;
        expect(hook?.kind === 'httpGet' && hook.scheme).toBe('HTTPS');
      },
    );
  });
});
