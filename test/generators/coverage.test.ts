import fc from 'fast-check';
import { defaultCapabilities, LATEST_VERSION } from '../../model/capabilities';
import type { Family } from '../../model/scenario';
import { scenarioArbitrary } from '../../generators';
import { scenarioFeatures } from '../../generators/scenario-features';

/**
 * Every feature the generators promise shows up in at least 5% of 1,000 scenarios of its family
 * (the fc.statistics idea, counted so it can be asserted).
 */
const capabilities = defaultCapabilities(LATEST_VERSION);
const RUNS = 1000;
const MIN_SHARE = 0.05;

const POD_FEATURES = [
  'containers 1',
  'containers 2',
  'restartPolicy Always',
  'restartPolicy OnFailure',
  'restartPolicy Never',
  'qos BestEffort',
  'qos Burstable',
  'qos Guaranteed',
  'grace default',
  'grace 0',
  'grace > 0',
  'sigterm exit',
  'sigterm ignore',
  'sigterm default',
  'start delay',
  'fractional seconds',
];

const EXPECTED: Partial<Record<Family, string[]>> = {
  termination: [
    ...POD_FEATURES,
    'containers 3',
    'no init containers',
    'init containers',
    'delete spec',
    'delete zero',
    'delete below',
    'delete above',
    'service',
    'no service',
    'preStop exec',
    'preStop httpGet',
    'preStop sleep',
    'readiness probe',
  ],
  hooks: [
    ...POD_FEATURES,
    'exits 0',
    'exits non-zero',
    'postStart exec',
    'postStart httpGet',
    'postStart sleep',
    'preStop exec',
    'preStop httpGet',
    'preStop sleep',
    'preStop sleep 0',
    'postStart exec fails',
    'preStop exec fails',
    'postStart httpGet fails',
    'deleted',
    'not deleted',
  ],
  probes: [
    ...POD_FEATURES,
    'readiness probe',
    'liveness probe',
    'startup probe',
    'exec probe',
    'httpGet probe',
    'tcpSocket probe',
    'grpc probe',
    'exec probe hangs',
    'probe-level grace',
    'successThreshold > 1',
    'ready after',
    'unready after',
    'unhealthy after',
    'startup after',
    'service',
    'no service',
  ],
  init: [...POD_FEATURES, 'plain init', 'sidecar', 'exits 0', 'exits non-zero', 'deleted', 'not deleted'],
  resources: [
    ...POD_FEATURES,
    'extended resource',
    'ephemeral-storage',
    'memory over limit',
    'memory under limit',
    'ephemeral over limit',
    'ephemeral under limit',
    'extended insufficient',
    'extended fits',
  ],
  quota: [
    'scopes none',
    'scopes BestEffort',
    'scopes NotBestEffort',
    'scopes Terminating',
    'scopes NotTerminating',
    'tracks pods',
    'tracks count/pods',
    'tracks requests.cpu',
    'tracks requests.memory',
    'tracks limits.cpu',
    'tracks limits.memory',
    'tracks cpu',
    'tracks memory',
    'tracks requests.example.com/dongle',
    'fits',
    'exact fill',
    'overflow',
    'must specify',
    'deletion',
    'pod outside scope',
    'pod with init container',
  ],
  limitrange: [
    'limitrange min',
    'limitrange max',
    'limitrange default',
    'limitrange defaultRequest',
    'limitrange maxLimitRequestRatio',
    'cpu defaulted',
    'memory defaulted',
    'below min',
    'above max',
    'over ratio',
  ],
  podsecurity: [
    'enforce privileged',
    'enforce baseline',
    'enforce restricted',
    'warn restricted',
    'audit restricted',
    'enforce latest',
    'enforce pinned',
    'compliant',
    ...[
      'privileged',
      'hostNamespaces',
      'hostPorts',
      'hostPathVolumes',
      'capabilities_baseline',
      'seLinuxOptions',
      'seccompProfile_baseline',
      'sysctls',
      'appArmorProfile',
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'runAsNonRoot',
      'runAsUser',
      'seccompProfile_restricted',
      'restrictedVolumes',
    ].map((check) => `violates ${check}`),
  ],
};

describe('coverage over 1,000 scenarios per family', () => {
  for (const [family, features] of Object.entries(EXPECTED) as [Family, string[]][]) {
    it(`${family}: every feature in at least 5%`, () => {
      const counts = new Map<string, number>();
      for (const scenario of fc.sample(scenarioArbitrary(family, capabilities), {
        seed: 2024,
        numRuns: RUNS,
      })) {
        for (const feature of new Set(scenarioFeatures(scenario)))
          counts.set(feature, (counts.get(feature) ?? 0) + 1);
      }
      const rare = features
        .filter((f) => (counts.get(f) ?? 0) < RUNS * MIN_SHARE)
        .map((f) => `${f}: ${counts.get(f) ?? 0}`);
      expect(rare).toEqual([]);
    });
  }
});
