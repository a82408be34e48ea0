import fc from 'fast-check';
import { customResourceType } from '../../generators/manifests/custom-resource';
import { observeQuota } from '../../harness/observe/quota';
import { defaultCapabilities, LATEST_VERSION } from '../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import { expectQuota } from '../../model/quota';
import { CUSTOM_RESOURCE_COUNT_KEY } from '../../model/quota-objects';
import type { QuotaScenario } from '../../model/scenario';
import { customResource } from '../../suites/quota/custom-resource.property';
import { judgeCase } from '../../verdicts/case-verdict';
import { leftovers, testHarness } from './support/harness';

const CAPABILITIES = defaultCapabilities(LATEST_VERSION);

/** Upstream's case: hard 1, a second create rejected, the first deleted and its count released. */
const UPSTREAM: QuotaScenario = {
  family: 'quota',
  quota: { name: 'quota', hard: { [CUSTOM_RESOURCE_COUNT_KEY]: 1, resourcequotas: 1 }, scopes: [] },
  steps: [
    { kind: 'createObject', object: { kind: 'CustomResource', name: 'cr-0' } },
    { kind: 'createObject', object: { kind: 'CustomResource', name: 'cr-1' } },
    { kind: 'deleteObject', objectKind: 'CustomResource', name: 'cr-0' },
  ],
};

describe('a custom-resource quota case on the fake cluster', () => {
  test("runs upstream's life of a custom resource: the CRD first, its count discovered, then the quota", async () => {
    const harness = testHarness({ nodes: [] });
    const expectation = expectQuota(UPSTREAM, CAPABILITIES, DEFAULT_MODEL_OPTIONS);
    const run = await harness.run(UPSTREAM, expectation, 'crd');
    expect(run.inconclusive).toBeUndefined();
    const type = customResourceType(run.namespace);
    const crd = `${type.plural}.${type.group}`;
    const results = run.trace.flatMap((e) =>
      e.kind === 'actionResult' ? [`${e.action} ${e.target ?? ''} ${e.ok ? 'ok' : (e.status ?? '')}`] : [],
    );
    expect(results).toEqual([
      'createNamespace kp-run1-crd ok',
      `create CustomResourceDefinition/${crd} ok`,
      'create ResourceQuota/discovery-probe ok',
      'delete ResourceQuota/discovery-probe ok',
      'create ResourceQuota/quota ok',
      'create CustomResource/cr-0 ok',
      'create CustomResource/cr-1 403',
      'delete CustomResource/cr-0 ok',
    ]);
    const waits = run.trace.flatMap((e) => (e.kind === 'waitDone' ? [e.what] : []));
    expect(waits.slice(0, 3)).toEqual([
      `CustomResourceDefinition ${crd} Established`,
      `count/${crd} counted by the quota controller`,
      'ResourceQuota discovery-probe gone',
    ]);
    // The CRD goes with the case's cleanup; the probe is none of the case's objects (nor the reproducer's).
    expect(harness.cluster.customResourceDefinitionNames()).toEqual([]);
    expect(leftovers(harness.cluster)).toEqual({ namespaces: [], pods: [] });
    expect(run.objects.map((o) => `${o.kind}/${o.metadata?.name ?? ''}`)).toEqual([
      `CustomResourceDefinition/${crd}`,
      'ResourceQuota/quota',
      'CustomResource/cr-0',
      'CustomResource/cr-1',
    ]);
    const verdict = judgeCase(expectation, observeQuota(run.trace, UPSTREAM), customResource.fields);
    expect(verdict.diff.filter((d) => d.outcome !== 'pass')).toEqual([]);
    expect(verdict.outcome).toBe('pass');
    // The rejection names the case's own count, judged under the scenario's name.
    const reason = verdict.diff.find((d) => d.field === 'step2.reason');
    expect(reason?.outcome).toBe('pass');
  });

  test('interrupted at any API call, the run leaves no CRD, namespace or pod behind', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 60 }), async (call) => {
        const harness = testHarness({
          nodes: [],
          faults: { interruptAt: { call, interrupt: () => harness.controller.abort(new Error('SIGINT')) } },
        });
        const running = harness.run(
          UPSTREAM,
          expectQuota(UPSTREAM, CAPABILITIES, DEFAULT_MODEL_OPTIONS),
          `i${call}`,
        );
        await new Promise<void>((resolve) => {
          if (harness.controller.signal.aborted) resolve();
          else harness.controller.signal.addEventListener('abort', () => resolve(), { once: true });
          void running.then(() => resolve());
        });
        const report = await harness.cleanup.runAll();
        expect(report.leftovers).toEqual([]);
        expect(harness.cluster.customResourceDefinitionNames()).toEqual([]);
        expect(leftovers(harness.cluster)).toEqual({ namespaces: [], pods: [] });
        await running;
        expect(harness.cluster.customResourceDefinitionNames()).toEqual([]);
      }),
      { numRuns: 20, seed: 7 },
    );
  });
});
