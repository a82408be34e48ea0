import fc from 'fast-check';
import { quotaCustomResourceScenario } from '../../generators';
import { manifestsFor } from '../../generators/manifests';
import { customResourceType } from '../../generators/manifests/custom-resource';
import { manifestYaml } from '../../generators/manifests/manifest-yaml';
import { caseNamespaceName } from '../../harness/namespace';
import { defaultCapabilities, LATEST_VERSION } from '../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import { expectQuota } from '../../model/quota';
import { CUSTOM_RESOURCE_COUNT_KEY, scenarioQuotaText } from '../../model/quota-objects';
import { manifestProblems } from '../support/manifest-checks';

const CAPABILITIES = defaultCapabilities(LATEST_VERSION);
const arbitrary = quotaCustomResourceScenario(CAPABILITIES);
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** The name part of a qualified name (apimachinery IsQualifiedName), as a quota key's after `count/`. */
const QUALIFIED_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

describe('quotaCustomResourceScenario', () => {
  it('gives the same values for the same seed, and values that survive a JSON round trip', () => {
    const values = fc.sample(arbitrary, { seed: 7, numRuns: 25 });
    expect(values).toStrictEqual(fc.sample(arbitrary, { seed: 7, numRuns: 25 }));
    expect(JSON.parse(JSON.stringify(values))).toStrictEqual(values);
  });

  it('creates before it deletes, deletes only admitted custom resources, and always counts them', () => {
    fc.assert(
      fc.property(arbitrary, (scenario) => {
        const hard = scenario.quota.hard[CUSTOM_RESOURCE_COUNT_KEY];
        expect(hard).toBeGreaterThanOrEqual(0);
        const created: string[] = [];
        for (const step of scenario.steps) {
          if (step.kind === 'createObject') created.push(step.object.name);
          else if (step.kind === 'deleteObject') expect(created.indexOf(step.name)).toBeLessThan(hard);
          else throw new Error(`unexpected step ${step.kind}`);
        }
        expect(new Set(created).size).toBe(created.length);
      }),
      { numRuns: 200 },
    );
  });

  it('shrinks to one custom resource against hard 0 when that is what fails', () => {
    const result = fc.check(
      fc.property(arbitrary, (scenario) => {
        const expectation = expectQuota(scenario, CAPABILITIES, DEFAULT_MODEL_OPTIONS);
        return !Object.values(expectation.fields).some((f) => f.rule === 'quota.exceeded-rejected');
      }),
      { seed: 11, numRuns: 100 },
    );
    expect(result.failed).toBe(true);
    expect(result.counterexample?.[0].steps).toHaveLength(1);
    expect(result.counterexample?.[0].quota.hard[CUSTOM_RESOURCE_COUNT_KEY]).toBe(0);
  });
});

describe("the case's CustomResourceDefinition", () => {
  // Namespaces as the runner names them, long ones cut with a hash (harness/namespace.ts).
  const namespaces = [
    caseNamespaceName('fake', 'quota-custom-resource-r0'),
    caseNamespaceName('20261202-064541-6202', 'quota-custom-resource-r3-shrink-0:1:2:3-again'),
    caseNamespaceName('20261202-064541-6202', 'quota-custom-resource-r3-shrink-0:1:2:4-again'),
  ];

  it.each(namespaces.map((n) => [n]))('%s: valid names, a quota key the API accepts', (namespace) => {
    const type = customResourceType(namespace);
    for (const name of [type.plural, type.kind.toLowerCase(), `${type.kind}List`.toLowerCase()]) {
      expect(name).toMatch(DNS1035_LABEL);
      expect(name.length).toBeLessThanOrEqual(63);
    }
    const keyName = `${type.plural}.${type.group}`;
    expect(keyName).toMatch(QUALIFIED_NAME);
    expect(keyName.length).toBeLessThanOrEqual(63);
    // Read back as the scenario names it, whatever the case.
    expect(scenarioQuotaText(`count/${keyName}`)).toBe(CUSTOM_RESOURCE_COUNT_KEY);
  });

  it('differs for every case, however long and alike their namespaces', () => {
    const plurals = namespaces.map((n) => customResourceType(n).plural);
    const kinds = namespaces.map((n) => customResourceType(n).kind);
    expect(new Set(plurals).size).toBe(namespaces.length);
    expect(new Set(kinds).size).toBe(namespaces.length);
  });

  it('comes first in the manifests, and they apply as written (the custom resources of its kind)', () => {
    for (const [i, scenario] of fc.sample(arbitrary, { seed: 3, numRuns: 20 }).entries()) {
      const options = { image: 'busybox', namespace: namespaces[i % namespaces.length], labels: {} };
      const { objects } = manifestsFor(scenario, options);
      expect(objects[0].kind).toBe('CustomResourceDefinition');
      expect(objects[1].kind).toBe('ResourceQuota');
      const namespace = {
        apiVersion: 'v1',
        kind: 'Namespace' as const,
        metadata: { name: options.namespace },
      };
      expect(manifestProblems(manifestYaml([], [namespace, ...objects]))).toEqual([]);
    }
  });
});
