import fc from 'fast-check';
import { parse, parseAllDocuments } from 'yaml';
import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';
import { scenarioObjects } from '../../../cli/commands/generate-documents';
import { scenarioArbitrary } from '../../../generators';
import { manifestYaml } from '../../../generators/manifests/manifest-yaml';
import {
  modelTypeOf,
  wireForm,
  type ModelledKind,
  type WireObject,
} from '../../../generators/manifests/wire-form';
import { defaultCapabilities, LATEST_VERSION, OLDEST_VERSION } from '../../../model/capabilities';
import { FAMILIES, type Scenario } from '../../../model/scenario';

/** Strings YAML 1.1 (kubectl's sigs.k8s.io/yaml) or 1.2 reads as something else when written plain. */
const AMBIGUOUS = [
  ...['yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'Yes', 'NO', 'On', 'OFF'],
  ...['true', 'True', 'FALSE', 'null', 'Null', '~', ''],
  ...['1', '-1', '1.0', '1e3', '.inf', '.NaN', '0x1F', '0o17', '017', '1_000', '0b101', '1:20', '2001-12-14'],
  ...['<<', '='],
];

const namespaceWith = (
  labels: Record<string, string>,
  annotations: Record<string, string> = {},
): WireObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name: 'n', labels, annotations },
});

/** Keys sorted, so key order is no difference. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );

describe('manifestYaml', () => {
  it.each(['1.1', '1.2'] as const)(
    'strings that look like booleans, numbers or null read back as strings, as values and keys (YAML %s)',
    (version) => {
      const values = Object.fromEntries(AMBIGUOUS.map((value, i) => [`k${i}`, value]));
      const keys = Object.fromEntries(AMBIGUOUS.filter((k) => k !== '').map((key) => [key, 'v']));
      const text = manifestYaml([], [namespaceWith(values, keys)]);
      const back = parse(text.replace(/^---\n/, ''), { version }) as {
        metadata: { labels: unknown; annotations: unknown };
      };
      expect(back.metadata.labels).toEqual(values);
      expect(back.metadata.annotations).toEqual(keys);
    },
  );

  it('leaves ordinary strings plain and writes scripts as block scalars', () => {
    const text = manifestYaml(
      [],
      [namespaceWith({ app: 'web', 'pod-security.kubernetes.io/enforce': 'baseline' }, { script: 'a\nb\n' })],
    );
    expect(text).toContain('    app: web\n');
    expect(text).toContain('pod-security.kubernetes.io/enforce: baseline\n');
    expect(text).toContain('script: |\n      a\n      b\n');
  });

  it('writes wire names, not the client model property names', () => {
    const text = manifestYaml(
      [],
      [
        {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: 'p', namespace: 'n' },
          spec: {
            podSelector: {},
            ingress: [{ _from: [{ ipBlock: { cidr: '192.0.2.0/24', except: ['192.0.2.1/32'] } }] }],
          },
        },
        {
          apiVersion: 'v1',
          kind: 'LimitRange',
          metadata: { name: 'l', namespace: 'n' },
          spec: { limits: [{ type: 'Container', _default: { cpu: '100m' } }] },
        },
      ],
    );
    const [policy, limitRange] = parseAllDocuments(text).map(
      (d) => d.toJS() as { spec: Record<string, unknown> },
    );
    expect(policy.spec.ingress).toEqual([
      { from: [{ ipBlock: { cidr: '192.0.2.0/24', except: ['192.0.2.1/32'] } }] },
    ]);
    expect(limitRange.spec.limits).toEqual([{ type: 'Container', default: { cpu: '100m' } }]);
    expect(text).not.toMatch(/_from|_default/);
  });

  it('puts the comments first, one "#" line each, multi-line comments split', () => {
    const text = manifestYaml(['one', 'two\nthree', ''], [namespaceWith({})]);
    expect(text.startsWith('# one\n# two\n# three\n#\n---\napiVersion: v1\n')).toBe(true);
  });
});

describe('wireForm', () => {
  it.each(FAMILIES.map((f) => [f]))(
    '%s: the client serializer keeps every field the mappers write (nothing dropped as unknown)',
    (family) => {
      for (const version of [OLDEST_VERSION, LATEST_VERSION]) {
        const scenarios = fc.sample(scenarioArbitrary(family, defaultCapabilities(version)), {
          seed: 3,
          numRuns: 15,
        }) as Scenario[];
        for (const [i, scenario] of scenarios.entries()) {
          for (const object of scenarioObjects(scenario, i)) {
            // Family scenarios hold no custom resource (quota/custom-resource's generator alone makes them).
            const typed: unknown = ObjectSerializer.deserialize(
              wireForm(object),
              modelTypeOf(object.kind as ModelledKind),
              '',
            );
            expect(canonical(typed)).toBe(canonical(object));
          }
        }
      }
    },
  );
});
