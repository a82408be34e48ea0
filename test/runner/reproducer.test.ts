import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import type { V1Namespace } from '@kubernetes/client-node';
import { podSecurityNamespaceLabels } from '../../generators/manifests/policy-manifests';
import { IP_BLOCKS_ANNOTATION, KEEP_FINALIZER, CASE_ID_LABEL } from '../../model/labels';
import type { Family, NetworkPolicyScenario, ScenarioOf } from '../../model/scenario';
import type { CaseReport } from '../../reporting/report-types';
import { renderReproducer } from '../../runner/reproducer';
import type { PropertyDefinition } from '../../runner/property-definition';
import { reachabilityMatrix } from '../../suites/networkpolicy/reachability-matrix.property';
import { updatedReachability } from '../../suites/networkpolicy/updated-reachability.property';
import type { NetpolMutation } from '../../model/scenario/policies';
import { enforceRejectsViolations } from '../../suites/podsecurity/enforce-rejects-violations.property';
import { defaultsApplied } from '../../suites/limitrange/defaults-applied.property';
import { graceOverride } from '../../suites/termination/grace-override.property';
import { customResource } from '../../suites/quota/custom-resource.property';
import { CUSTOM_RESOURCE_COUNT_KEY } from '../../model/quota-objects';
import { fakeTarget } from '../support/fake-target';
import { manifestProblems } from '../support/manifest-checks';

/** One case of the property on the fake cluster, as the runner hands it to the reproducer. */
async function caseOn<F extends Family>(
  definition: PropertyDefinition<F>,
  scenario?: ScenarioOf<F>,
): Promise<CaseReport> {
  const target = fakeTarget();
  const [sampled] = fc.sample(definition.arbitrary(target.cluster.capabilities), { seed: 5, numRuns: 1 });
  return target.executorFor(definition)(scenario ?? sampled, 'c1', { number: 1 });
}

function reproducerOf(definition: PropertyDefinition, minimal: CaseReport): string {
  return renderReproducer({
    propertyId: definition.id,
    statement: definition.statement,
    seed: 5,
    path: '0:1',
    serverVersion: 'v1.34.0',
    minimal,
  });
}

type Document = { kind: string; metadata: V1Namespace['metadata'] } & Record<string, unknown>;

function documents(text: string): Document[] {
  return parseAllDocuments(text).map((d) => d.toJS() as Document);
}

/** Egress to every pod by ipBlock, except x/b: the run resolves both to pod IPs. */
const ipBlockScenario: NetworkPolicyScenario = {
  family: 'networkpolicy',
  policies: [
    {
      name: 'p0',
      namespace: 'x',
      podSelector: { matchLabels: { pod: 'a' } },
      policyTypes: ['Egress'],
      egress: [{ peers: [{ kind: 'ipBlock', cidr: 'pods', except: ['pod:x/b'] }], ports: [] }],
    },
    {
      name: 'p1',
      namespace: 'y',
      podSelector: {
        matchLabels: {},
        matchExpressions: [{ key: 'pod', operator: 'In', values: ['y', 'a'] }],
      },
      ingress: [
        { peers: [{ kind: 'namespace', namespaceSelector: { matchLabels: { ns: 'y' } } }], ports: [] },
      ],
    },
  ],
};

describe('renderReproducer', () => {
  it.each([
    ['termination', graceOverride],
    ['limitrange', defaultsApplied],
    ['podsecurity', enforceRejectsViolations],
    ['networkpolicy', reachabilityMatrix],
  ] as [string, PropertyDefinition][])(
    '%s: applies as written (wire names, quoted strings, the namespaces as the run made them)',
    async (_family, definition) => {
      const minimal = await caseOn(definition);
      const text = reproducerOf(definition, minimal);
      expect(manifestProblems(text)).toEqual([]);
      expect(text).not.toContain(KEEP_FINALIZER);
      const docs = documents(text);
      const namespaces = docs.filter((d) => d.kind === 'Namespace');
      const used = [...new Set(minimal.objects.map((o) => o.metadata?.namespace))];
      expect(namespaces.map((n) => n.metadata?.name)).toEqual(used);
      expect(docs.slice(namespaces.length)).toHaveLength(minimal.objects.length);
      for (const n of namespaces) expect(n.metadata?.labels?.[CASE_ID_LABEL]).toBeDefined();
      if (minimal.scenario.family === 'podsecurity') {
        expect(namespaces[0].metadata?.labels).toMatchObject(
          podSecurityNamespaceLabels(minimal.scenario.labels),
        );
      }
      if (minimal.scenario.family === 'networkpolicy') {
        expect(namespaces.map((n) => n.metadata?.labels?.ns)).toEqual(['x', 'y', 'z']);
      }
    },
  );

  it('quota/custom-resource: the CRD before the quota and the custom resources it serves, and how to apply them', async () => {
    const minimal = await caseOn(customResource, {
      family: 'quota',
      quota: { name: 'quota', hard: { [CUSTOM_RESOURCE_COUNT_KEY]: 1 }, scopes: [] },
      steps: [
        { kind: 'createObject', object: { kind: 'CustomResource', name: 'cr-0' } },
        { kind: 'createObject', object: { kind: 'CustomResource', name: 'cr-1' } },
      ],
    });
    const text = reproducerOf(customResource, minimal);
    expect(manifestProblems(text)).toEqual([]);
    const docs = documents(text);
    const crd = docs[1] as unknown as {
      metadata: { name: string };
      spec: { group: string; names: { plural: string; kind: string } };
    };
    const kind = crd.spec.names.kind;
    expect(docs.map((d) => d.kind)).toEqual([
      'Namespace',
      'CustomResourceDefinition',
      'ResourceQuota',
      kind,
      kind,
    ]);
    expect(docs.slice(3).map((d) => d.metadata?.name)).toEqual(['cr-0', 'cr-1']);
    expect(crd.metadata.name).toBe(`${crd.spec.names.plural}.${crd.spec.group}`);
    // The quota counts the CRD's own resource, as the cluster names it.
    const quota = docs[2] as unknown as { spec: { hard: Record<string, string> } };
    expect(quota.spec.hard).toEqual({ [`count/${crd.metadata.name}`]: '1' });
    expect(text).toContain(`kubectl wait --for condition=Established crd/${crd.metadata.name}`);
  });

  it('NetworkPolicy: ipBlocks carry the run pod IPs, which pod each stands for, and how to re-apply', async () => {
    const minimal = await caseOn(reachabilityMatrix, ipBlockScenario);
    const text = reproducerOf(reachabilityMatrix, minimal);
    expect(manifestProblems(text)).toEqual([]);
    const [policy] = documents(text).filter((d) => d.kind === 'NetworkPolicy');
    const spec = policy.spec as { egress: { to: { ipBlock: { cidr: string; except: string[] } }[] }[] };
    const { cidr, except } = spec.egress[0].to[0].ipBlock;
    const annotation = policy.metadata?.annotations?.[IP_BLOCKS_ANNOTATION];
    expect(annotation).toBe(`pods=${cidr} pod:x/b=${except[0]}`);
    expect(except[0]).toMatch(/^\d+\.\d+\.\d+\.\d+\/32$/);
    expect(text).toMatch(/^# ipBlock CIDRs are the pod IPs of the run/m);
    // A label value that reads as a boolean to YAML 1.1 stays the string "y".
    expect(text).toMatch(/values:\n\s+- "y"|values:\n\s+- 'y'/);
  });

  it('says a known deviation was not shrunk, and why, rather than claiming a time limit', async () => {
    const minimal = await caseOn(graceOverride);
    const text = renderReproducer({
      propertyId: graceOverride.id,
      statement: graceOverride.statement,
      seed: 5,
      path: '3',
      serverVersion: 'v1.26.1',
      minimal,
      shrink: {
        steps: 0,
        candidatesRun: 0,
        localMinimum: false,
        seconds: 0,
        structuralSteps: 0,
        notShrunk: 'it fails known rules only',
      },
    });
    expect(text).toContain('# not shrunk: it fails known rules only');
    expect(text).not.toContain('time limit');
  });

  describe('networkpolicy/updated-reachability: the mid-case change as a kubectl command with the case names', () => {
    const policy = ipBlockScenario.policies[1];
    const changed: NetpolMutation = {
      kind: 'updatePolicy',
      policy: {
        ...policy,
        ingress: [{ peers: [{ kind: 'pod', podSelector: { matchLabels: { pod: 'b' } } }], ports: [] }],
      },
    };
    const scenarioWith = (mutation: NetpolMutation): NetworkPolicyScenario => ({
      family: 'networkpolicy',
      policies: [policy],
      mutation,
    });
    const rendered = async (
      mutation: NetpolMutation,
    ): Promise<{ text: string; names: string[]; change: string }> => {
      const minimal = await caseOn(updatedReachability, scenarioWith(mutation));
      const text = reproducerOf(updatedReachability, minimal);
      expect(manifestProblems(text)).toEqual([]);
      const names = documents(text)
        .filter((d) => d.kind === 'Namespace')
        .map((d) => d.metadata?.name ?? '');
      const change = /^# change: (.*)$/m.exec(text)?.[1] ?? '';
      return { text, names, change };
    };

    it('a label on a pod or a namespace: kubectl label, in the namespaces the file creates', async () => {
      const pod = await rendered({ kind: 'labelPod', namespace: 'y', pod: 'b' });
      const y = pod.names.find((name) => name.endsWith('-y'));
      expect(pod.change).toBe(`kubectl label pod b -n ${y} updated=yes`);
      const ns = await rendered({ kind: 'labelNamespace', namespace: 'z' });
      expect(ns.change).toBe(
        `kubectl label namespace ${ns.names.find((name) => name.endsWith('-z'))} updated=yes`,
      );
      expect(ns.text).toMatch(/^# probe: {2}every cell once/m);
    });

    it('a policy deleted: kubectl delete in its namespace', async () => {
      const { change, names } = await rendered({ kind: 'deletePolicy', name: 'p1' });
      expect(change).toBe(`kubectl delete networkpolicy p1 -n ${names.find((name) => name.endsWith('-y'))}`);
    });

    it('a policy updated: a JSON patch of its whole spec in wire form, selectors scoped to the case as applied', async () => {
      const { change, text } = await rendered(changed);
      const match = /^kubectl patch networkpolicy p1 -n (\S+) --type=json -p '(.*)'$/.exec(change);
      expect(match).not.toBeNull();
      const [op] = JSON.parse(match?.[2] ?? '[]') as {
        op: string;
        path: string;
        value: Record<string, unknown>;
      }[];
      expect(op).toMatchObject({ op: 'replace', path: '/spec' });
      const ingress = op.value.ingress as Record<string, unknown>[];
      expect(Object.keys(ingress[0])).toEqual(['from']);
      // The policy keeps its pod selector, as applied; the new peer selects pod b of its namespace.
      const [applied] = documents(text).filter((d) => d.kind === 'NetworkPolicy');
      expect(op.value.podSelector).toEqual((applied.spec as { podSelector: unknown }).podSelector);
      expect(ingress[0].from).toEqual([{ podSelector: { matchLabels: { pod: 'b' } } }]);
    });

    it('the reachability matrix, which changes nothing mid-case, has no change line', async () => {
      const text = reproducerOf(reachabilityMatrix, await caseOn(reachabilityMatrix, ipBlockScenario));
      expect(text).not.toMatch(/^# change:/m);
    });
  });
});
