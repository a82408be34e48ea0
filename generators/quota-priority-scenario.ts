import { quotaPod } from './quota-pod';
import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import { requirementSelects } from '../model/quota';
import type { PodScenario, QuotaScenario, QuotaSpec, QuotaStep } from '../model/scenario';

/** Short names of the PriorityClasses a case creates (generators/manifests/priority-class.ts). */
export const PRIORITY_CLASSES = ['high', 'low'] as const;

type Operator = NonNullable<QuotaSpec['priorityClassSelector']>['operator'];

/** cpu (millicores) and memory (Mi) a pod requests, limits equal (upstream's "cpu, memory quota set" test). */
interface Compute {
  cpuMilli: number;
  memoryMi: number;
}

/**
 * The first `fitting` pods created, some of them deleted again (each index once), then the rest
 * created: the later creates test both the freed room and the overflow.
 */
function createsAroundDeletes(pods: PodScenario[], fitting: number, deletions: number[]): QuotaStep[] {
  const deleted = fitting === 0 ? [] : [...new Set(deletions.map((d) => d % fitting))];
  return [
    ...pods.slice(0, fitting).map((pod) => ({ kind: 'create' as const, pod })),
    ...deleted.map((i) => ({ kind: 'delete' as const, podName: pods[i].name })),
    ...pods.slice(fitting).map((pod) => ({ kind: 'create' as const, pod })),
  ];
}

/**
 * A pod that asks for nothing (BestEffort) or for `compute`: only its PriorityClass (or affinity) decides
 * whether the quota counts it.
 */
function classPod(index: number, priorityClass: string | undefined, compute?: Compute): PodScenario {
  const pod = quotaPod(
    `pod-${index}`,
    compute ? { requests: { ...compute }, limits: { ...compute } } : { requests: {}, limits: {} },
  );
  return priorityClass ? { ...pod, priorityClass } : pod;
}

/**
 * A pods quota with a PriorityClass scopeSelector (In, NotIn, Exists, DoesNotExist) and pods of class
 * high, low or none, as upstream's priority class scope tests: hard counts the first pods the selector
 * matches (exactly, or with one to spare), so later matching pods overflow and the others never count.
 */
/**
 * A pods quota with scope CrossNamespacePodAffinity (in spec.scopeSelector, Exists) and pods with a
 * preferred affinity term naming namespaces, one with a namespaceSelector, or none, as upstream's cross
 * namespace pod affinity test: hard counts the first such pods (0 included: such pods are then forbidden
 * while the others are admitted).
 */
export function quotaAffinityScenario(_capabilities: Capabilities): fc.Arbitrary<QuotaScenario> {
  const affinity = fc.option(fc.constantFrom('namespaces' as const, 'namespaceSelector' as const), {
    nil: undefined,
  });
  return fc
    .record(
      {
        affinities: fc.array(affinity, { minLength: 1, maxLength: 4 }),
        fitting: fc.nat(),
        slack: fc.integer({ min: 0, max: 1 }),
        deletions: fc.array(fc.nat(), { maxLength: 1 }),
      },
      { noNullPrototype: true },
    )
    .map(({ affinities, fitting: seed, slack, deletions }) => {
      const pods = affinities.map((a, i) => ({
        ...classPod(i, undefined),
        ...(a ? { crossNamespaceAffinity: a } : {}),
      }));
      const fitting = seed % (pods.length + 1);
      const matched = pods.slice(0, fitting).filter((p) => p.crossNamespaceAffinity !== undefined).length;
      const steps = createsAroundDeletes(pods, fitting, deletions);
      return {
        family: 'quota' as const,
        quota: {
          name: 'quota',
          hard: { pods: matched + slack },
          scopes: ['CrossNamespacePodAffinity' as const],
          viaScopeSelector: true,
        },
        steps,
      };
    });
}

export function quotaPriorityScenario(_capabilities: Capabilities): fc.Arbitrary<QuotaScenario> {
  const operator = fc.constantFrom<Operator>('In', 'NotIn', 'Exists', 'DoesNotExist');
  const values = fc.subarray([...PRIORITY_CLASSES], { minLength: 1 });
  return fc
    .record(
      {
        operator,
        values,
        classes: fc.array(fc.option(fc.constantFrom(...PRIORITY_CLASSES), { nil: undefined }), {
          minLength: 1,
          maxLength: 4,
        }),
        fitting: fc.nat(),
        slack: fc.integer({ min: 0, max: 1 }),
        deletions: fc.array(fc.nat(), { maxLength: 1 }),
        compute: fc.option(
          fc.record(
            { cpuMilli: fc.integer({ min: 10, max: 100 }), memoryMi: fc.integer({ min: 16, max: 64 }) },
            { noNullPrototype: true },
          ),
          { nil: undefined },
        ),
      },
      { noNullPrototype: true },
    )
    .map(({ operator: op, values: vals, classes, fitting: seed, slack, deletions, compute }) => {
      const selector = { operator: op, values: op === 'In' || op === 'NotIn' ? vals : [] };
      const pods = classes.map((c, i) => classPod(i, c, compute));
      const fitting = seed % (pods.length + 1);
      const req = { scopeName: 'PriorityClass', ...selector };
      const matched = pods.slice(0, fitting).filter(
        (p) =>
          requirementSelects(req, {
            terminating: false,
            bestEffort: true,
            priorityClassName: p.priorityClass,
          }) === true,
      ).length;
      const steps = createsAroundDeletes(pods, fitting, deletions);
      return {
        family: 'quota' as const,
        quota: {
          name: 'quota',
          // With compute, requests.cpu and requests.memory too, with room for the same pods.
          hard: {
            pods: matched + slack,
            ...(compute
              ? {
                  'requests.cpu': compute.cpuMilli * (matched + slack),
                  'requests.memory': compute.memoryMi * (matched + slack),
                }
              : {}),
          },
          scopes: [],
          priorityClassSelector: selector,
        },
        steps,
      };
    });
}
