import fc from 'fast-check';
import type { Selector } from '../model/scenario/policies';

export interface NetpolSelectorConstraints {
  /** The label key the selector tests ("pod" or "ns"). */
  key: string;
  /** The values the topology uses for that key. */
  values: readonly string[];
}

/**
 * A label selector over one topology label: empty (everything), matchLabels, or one
 * matchExpressions requirement. In/NotIn always carry values, Exists/DoesNotExist none, as
 * validation requires (staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation ValidateLabelSelectorRequirement).
 * Shrinks toward the empty selector.
 */
export function netpolSelector(constraints: NetpolSelectorConstraints): fc.Arbitrary<Selector> {
  const { key, values } = constraints;
  return fc.oneof(
    fc.constant<Selector>({ matchLabels: {} }),
    fc.constantFrom(...values).map((value): Selector => ({ matchLabels: { [key]: value } })),
    fc
      .tuple(fc.constantFrom('In' as const, 'NotIn' as const), fc.subarray([...values], { minLength: 1 }))
      .map(([operator, chosen]): Selector => ({
        matchLabels: {},
        matchExpressions: [{ key, operator, values: chosen }],
      })),
    fc
      .constantFrom('Exists' as const, 'DoesNotExist' as const)
      .map((operator): Selector => ({ matchLabels: {}, matchExpressions: [{ key, operator }] })),
  );
}

/**
 * A selector over any of several labels: one label's selector, or (with two or more) all of them
 * together, as upstream's `{pod: b, pod2: updated}`.
 */
export function netpolSelectorOver(labels: readonly NetpolSelectorConstraints[]): fc.Arbitrary<Selector> {
  const each = labels.map(netpolSelector);
  if (each.length === 1) return each[0];
  const together = fc.tuple(...each).map((parts): Selector => {
    const expressions = parts.flatMap((part) => part.matchExpressions ?? []);
    return {
      matchLabels: Object.assign({}, ...parts.map((part) => part.matchLabels)) as Record<string, string>,
      ...(expressions.length > 0 && { matchExpressions: expressions }),
    };
  });
  return fc.oneof(...each, together);
}
