import type { KnownIssue } from './known-issues';

/**
 * Deviations of released kubelets from upstream's documented contract that upstream itself confirmed
 * as bugs and fixed in a later release. The model keeps the contract, so such a release fails the
 * rule; a run reports those failures as `known`, with the reference, unless the user turns this list
 * off (`--no-upstream-known-issues`). Only bugs with an upstream issue and a merged fix belong here.
 */
export const UPSTREAM_KNOWN_ISSUES: readonly KnownIssue[] = [
  {
    // Since 1.22 syncTerminatingPod passes the pod's grace period to killPod as gracePeriodOverride,
    // and killContainer applies the override after subtracting the preStop's time, so SIGKILL comes a
    // full period after SIGTERM (seen on v1.26.1: G = 9 s, preStop 3 s, SIGKILL 9 s after SIGTERM).
    rule: 'termination.prestop-counts-against-grace',
    versions: '>=1.22 <1.28',
    reason:
      'kubelet 1.22–1.27 gives the container the whole grace period after a preStop hook (kubernetes/kubernetes#115817, fixed by #115835 in v1.28.0)',
  },
  {
    // The same ordering: the override also replaced the 2 s minimum that killContainer gives a
    // container after SIGTERM, so a period of 1 s kills after 1 s (seen on v1.26.1). Since #115835
    // the override is applied first and the minimum after it.
    rule: 'termination.minimum-grace',
    versions: '>=1.22 <1.28',
    reason:
      'kubelet 1.22–1.27 lets a grace period under 2 s replace the 2 s minimum after SIGTERM (the ordering fixed by kubernetes/kubernetes#115835 in v1.28.0)',
  },
  {
    // The same ordering: killContainer takes the recorded deletionGracePeriodSeconds (0) as the hook's
    // budget before the override, so `gracePeriod > 0` fails and the preStop is skipped; SIGTERM comes
    // at once and SIGKILL after the override (seen on v1.23.13 and v1.26.1 alike).
    rule: 'termination.grace-zero-prestop',
    versions: '>=1.22 <1.28',
    reason:
      'kubelet 1.22–1.27 skips the preStop hook of a pod deleted with gracePeriodSeconds 0: it reads the recorded 0 before the grace period override (the ordering fixed by kubernetes/kubernetes#115835 in v1.28.0)',
  },
];
