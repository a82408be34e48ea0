/**
 * Equality-based label selectors as the API accepts them in `labelSelector`: `k=v`, `k==v`, `k!=v`,
 * `k` (exists) and `!k` (does not exist), comma-separated and ANDed
 * (staging/src/k8s.io/apimachinery/pkg/labels/selector.go Parse).
 */
// @ts-nocheck

export function matchesLabelSelector(selector: string, labels: Record<string, string>): boolean {
  return selector
    .split(',')
    .map((term) => term.trim())
    .filter((term) => term.length > 0)
    .every((term) => {
      const notEqual = term.split('!=');
      if (notEqual.length === 2) return labels[notEqual[0].trim()] !== notEqual[1].trim();
      const equal = term.split(/==?/);
      if (equal.length === 2) return labels[equal[0].trim()] === equal[1].trim();
      if (term.startsWith('!')) return !(term.slice(1) in labels);
      return term in labels;
    });
}
