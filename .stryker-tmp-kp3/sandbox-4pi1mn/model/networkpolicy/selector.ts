// @ts-nocheck
import type { Selector } from '../scenario/policies';

/**
 * Whether a label selector matches a label set: every matchLabels pair and every requirement must
 * hold; an empty selector matches everything.
 * Source: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector
 * and staging/src/k8s.io/apimachinery/pkg/labels/selector.go Requirement.Matches.
 */
export function selectorMatches(selector: Selector, labels: Record<string, string>): boolean {
  const pairs = Object.entries(selector.matchLabels).every(([key, value]) => labels[key] === value);
  const requirements = (selector.matchExpressions ?? []).every((req) => {
    const present = Object.prototype.hasOwnProperty.call(labels, req.key);
    switch (req.operator) {
      case 'In':
        return present && (req.values ?? []).includes(labels[req.key]);
      // NotIn also matches a label set without the key (selector.go Requirement.Matches).
      case 'NotIn':
        return !present || !(req.values ?? []).includes(labels[req.key]);
      case 'Exists':
        return present;
      case 'DoesNotExist':
        return !present;
    }
  });
  return pairs && requirements;
}

/** True for the empty selector (`{}`), which selects every object in its scope. */
export function isEmptySelector(selector: Selector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && (selector.matchExpressions ?? []).length === 0;
}
