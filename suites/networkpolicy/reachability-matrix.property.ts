/**
 * networkpolicy/reachability-matrix
 *
 * For any set of NetworkPolicies over the fixed topology (namespaces x, y, z × pods a, b, c, each
 * serving 80/TCP, 81/TCP and 80/UDP, and 80/SCTP where the cluster carries SCTP traffic):
 * - every connection between two distinct topology pods MUST get through exactly when the source's
 *   egress and the destination's ingress both allow it;
 * - a side that no policy selects for a direction MUST be open in that direction;
 * - a side that policies select MUST allow exactly the union of their rules (peers, ports,
 *   named ports, endPort ranges, ipBlocks with their excepts; an SCTP port admits SCTP only, and a
 *   TCP or UDP port never SCTP; namespaces also match on the `kubernetes.io/metadata.name` label the
 *   API server sets).
 * The SCTP cells exist only where the enforcement canary's SCTP control connected and the server image
 * runs (model/networkpolicy/sctp.ts); elsewhere the run's log and report say why they are left out.
 *
 * Generator: generators/networkpolicy.ts networkPolicyScenario (1–3 policies, unfocused: every
 *   scenario judges the whole matrix).
 * Model rule: model/networkpolicy/expect.ts expectNetworkPolicy — rules networkpolicy.not-isolated,
 *   networkpolicy.rule-allows, networkpolicy.end-port-range, networkpolicy.ingress-isolation,
 *   networkpolicy.egress-isolation and their -shared-policy variants (docs/semantics.md, NetworkPolicy).
 * Observation: harness/observe/networkpolicy.ts observeNetworkPolicy (the last probe of each cell
 *   from harness/netpol/probe-matrix.ts).
 * Verdict: every non-loopback cell "<ns>/<pod>-><ns>/<pod>:<port>/<protocol>" (pattern "*->*"), the
 *   SCTP ones included when probed.
 */
import { networkPolicyScenario } from '../../generators/networkpolicy';
import { expectNetworkPolicy } from '../../model/networkpolicy/expect';
import { observeNetworkPolicy } from '../../harness/observe/networkpolicy';
import type { PropertyDefinition } from '../../runner/property-definition';
import { networkPolicyUnsupported } from './unsupported';

export const reachabilityMatrix: PropertyDefinition<'networkpolicy'> = {
  id: 'networkpolicy/reachability-matrix',
  family: 'networkpolicy',
  statement:
    'Every connection between two topology pods MUST get through exactly when the NetworkPolicies allow both its egress and its ingress',
  unsupported: networkPolicyUnsupported,
  arbitrary: (capabilities) => networkPolicyScenario(capabilities),
  expect: expectNetworkPolicy,
  observe: observeNetworkPolicy,
  fields: ['*->*'],
  // A case starts 9 pods (up to 120 s when images are slow), then probes 216 cells (288 with SCTP),
  // 16 at once; a denied cell waits out the probe's 1 s timeout, 1 s, and a re-probe: up to ~45 s
  // (~55 s with SCTP). Each case judges 216–288 cells, so few runs; ~1–2 min live at concurrency 4.
  budget: { numRuns: 4, caseSeconds: 200, totalSeconds: 420, shrinkSeconds: 150 },
};
