import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import type { V1Pod } from '@kubernetes/client-node';
import { HOOK_HANDLER_POD } from '../../harness/hook-handler-program';
import { renderReproducer } from '../../runner/reproducer';
import { httpHook } from '../../suites/hooks/http-hook.property';
import { fakeTarget } from '../support/fake-target';

/** An http-hook case on the fake cluster: the handler pod is in the run and in its reproducer. */
describe('hook handler pod in a case and its reproducer', () => {
  it('serves the postStart (request seen, no failure), and the reproducer applies it first with its IP put in', async () => {
    const target = fakeTarget();
    const [scenario] = fc.sample(httpHook.arbitrary(target.cluster.capabilities), { seed: 5, numRuns: 1 });
    const report = await target.executorFor(httpHook)(scenario, 'c1', { number: 1 });
    const seen = report.verdict.diff.find((d) => d.field.endsWith('.postStartRequestSeen'));
    expect(seen?.outcome).toBe('pass');
    expect(report.verdict.diff.find((d) => d.field.endsWith('.failedPostStartHook'))?.outcome).toBe('pass');
    const pods = report.objects.filter((o) => o.kind === 'Pod') as V1Pod[];
    expect(pods.map((p) => p.metadata?.name)).toEqual([HOOK_HANDLER_POD, scenario.pod.name]);
    const host = pods[1].spec?.containers[0].lifecycle?.postStart?.httpGet?.host ?? '';
    expect(host).toMatch(/^\d+\.\d+\.\d+\.\d+$/);

    const text = renderReproducer({
      propertyId: httpHook.id,
      statement: httpHook.statement,
      seed: 5,
      path: '0:1',
      serverVersion: 'v1.26.1',
      minimal: report,
    });
    const kinds = parseAllDocuments(text).map((d) => (d.toJS() as V1Pod & { kind: string }).metadata?.name);
    expect(kinds.indexOf(HOOK_HANDLER_POD)).toBeLessThan(kinds.indexOf(scenario.pod.name));
    expect(text).toContain(`-l kubeprop.dev/role=${HOOK_HANDLER_POD}`);
    expect(text).toContain(`sed "s/${host.replace(/\./g, '\\.')}/$(kubectl get pod ${HOOK_HANDLER_POD}`);
  });
});
