import { scopeSelects } from '../../model/quota';

// pkg/quota/v1/evaluator/core/pods.go podMatchesScopeFunc: Terminating ⇔ activeDeadlineSeconds ≥ 0,
// BestEffort ⇔ QoS BestEffort; the Not- scopes are their negations.
describe('scopeSelects', () => {
  test.each([
    ['Terminating', { terminating: true, bestEffort: false }, true],
    ['Terminating', { terminating: false, bestEffort: true }, false],
    ['NotTerminating', { terminating: false, bestEffort: false }, true],
    ['NotTerminating', { terminating: true, bestEffort: false }, false],
    ['BestEffort', { terminating: false, bestEffort: true }, true],
    ['BestEffort', { terminating: true, bestEffort: false }, false],
    ['NotBestEffort', { terminating: false, bestEffort: false }, true],
    ['NotBestEffort', { terminating: false, bestEffort: true }, false],
  ])('%s with %o selects: %s', (scope, facts, selected) => {
    expect(scopeSelects(scope, facts)).toBe(selected);
  });

  test('a scope kubeprop does not model is undecided, for the caller to treat', () => {
    expect(scopeSelects('PriorityClass', { terminating: true, bestEffort: true })).toBeUndefined();
  });
});
