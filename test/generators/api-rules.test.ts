import fc from 'fast-check';
import { defaultCapabilities, LATEST_VERSION, parseServerVersion } from '../../model/capabilities';
import { FAMILIES } from '../../model/scenario';
import { scenarioArbitrary } from '../../generators';
import { manifestsFor, wireForm } from '../../generators/manifests';
import { API_RULES } from './support/api-rules';
import { MANIFEST_OPTIONS } from './support/validity';

/**
 * The cross-field rules the API server enforces, one test each, named with its upstream source: every
 * generated object keeps it, and a hand-made object that breaks it is caught (so the check can fail).
 */
const latest = defaultCapabilities(LATEST_VERSION);
const old = defaultCapabilities(parseServerVersion('v1.26.1'));

type Obj = Record<string, unknown>;

function podWith(spec: Obj, name = 'p'): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'c', image: 'i' }], ...spec },
  };
}

const probe = {
  exec: { command: ['true'] },
  periodSeconds: 1,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 1,
};

/** A violating object per rule, and the capabilities to judge it with. */
const BROKEN: Record<string, [Obj, typeof latest]> = {
  'object names are DNS-1123 subdomains (Service: DNS-1035 label)': [podWith({}, 'Bad_Name'), latest],
  'container names are unique DNS-1123 labels across init and app containers': [
    podWith({ initContainers: [{ name: 'c', image: 'i' }] }),
    latest,
  ],
  'port names are IANA_SVC_NAMEs, unique in the container': [
    podWith({
      containers: [{ name: 'c', image: 'i', ports: [{ name: 'a-very-long-port-name', containerPort: 80 }] }],
    }),
    latest,
  ],
  'container ports are unique across the pod (shared network namespace) and in 1..65535': [
    podWith({
      containers: [
        { name: 'a', image: 'i', ports: [{ containerPort: 80 }] },
        { name: 'b', image: 'i', ports: [{ containerPort: 80 }] },
      ],
    }),
    latest,
  ],
  'limits >= requests for every resource': [
    podWith({
      containers: [
        { name: 'c', image: 'i', resources: { requests: { cpu: '200m' }, limits: { cpu: '100m' } } },
      ],
    }),
    latest,
  ],
  'extended resources: integer, limit set, request equal to limit': [
    podWith({
      containers: [
        {
          name: 'c',
          image: 'i',
          resources: { requests: { 'example.com/dongle': '1' }, limits: { 'example.com/dongle': '2' } },
        },
      ],
    }),
    latest,
  ],
  'liveness and startup probes have successThreshold 1': [
    podWith({ containers: [{ name: 'c', image: 'i', livenessProbe: { ...probe, successThreshold: 2 } }] }),
    latest,
  ],
  'probe-level terminationGracePeriodSeconds > 0, not on readiness, only where supported': [
    podWith({
      containers: [{ name: 'c', image: 'i', readinessProbe: { ...probe, terminationGracePeriodSeconds: 3 } }],
    }),
    latest,
  ],
  'probe timings: initialDelay >= 0, period/timeout/thresholds >= 1': [
    podWith({ containers: [{ name: 'c', image: 'i', readinessProbe: { ...probe, periodSeconds: 0 } }] }),
    latest,
  ],
  'exactly one handler per probe and hook; gRPC probes and sleep hooks only where supported': [
    podWith({ containers: [{ name: 'c', image: 'i', lifecycle: { preStop: { sleep: { seconds: 1 } } } }] }),
    defaultCapabilities(parseServerVersion('v1.29')),
  ],
  'sleep seconds <= terminationGracePeriodSeconds (defaulted 30), zero only where allowed': [
    podWith({
      terminationGracePeriodSeconds: 2,
      containers: [{ name: 'c', image: 'i', lifecycle: { preStop: { sleep: { seconds: 3 } } } }],
    }),
    latest,
  ],
  'hooks and probes only on sidecar init containers, never on plain ones': [
    podWith({ initContainers: [{ name: 'i', image: 'i', readinessProbe: probe }] }),
    latest,
  ],
  'container restartPolicy only Always, only on init containers, only where sidecars are supported': [
    podWith({ initContainers: [{ name: 'i', image: 'i', restartPolicy: 'Always' }] }),
    old,
  ],
  'terminationGracePeriodSeconds >= 0': [podWith({ terminationGracePeriodSeconds: -1 }), latest],
  'privileged excludes allowPrivilegeEscalation: false': [
    podWith({
      containers: [
        { name: 'c', image: 'i', securityContext: { privileged: true, allowPrivilegeEscalation: false } },
      ],
    }),
    latest,
  ],
  'hostNetwork: hostPort equals containerPort; shareProcessNamespace excludes hostPID': [
    podWith({ hostPID: true, shareProcessNamespace: true }),
    latest,
  ],
  'quota scopes are valid for the tracked resources and do not conflict': [
    {
      kind: 'ResourceQuota',
      metadata: { name: 'q' },
      spec: { hard: { 'requests.cpu': '1' }, scopes: ['BestEffort'] },
    },
    latest,
  ],
  'LimitRange: min <= defaultRequest <= default <= max, 1 <= maxLimitRequestRatio <= max/min': [
    {
      kind: 'LimitRange',
      metadata: { name: 'l' },
      spec: {
        limits: [
          {
            type: 'Container',
            min: { cpu: '100m' },
            max: { cpu: '200m' },
            maxLimitRequestRatio: { cpu: '3' },
          },
        ],
      },
    },
    latest,
  ],
};

describe('API cross-field rules', () => {
  it('has a broken example for every rule', () => {
    expect(Object.keys(BROKEN).sort()).toEqual(API_RULES.map((r) => r.id).sort());
  });

  for (const rule of API_RULES) {
    it(`${rule.id} — ${rule.source}`, () => {
      const [broken, capabilities] = BROKEN[rule.id];
      expect(rule.check(broken, capabilities)).not.toEqual([]);
      for (const caps of [latest, old]) {
        for (const family of FAMILIES.filter((f) => f !== 'networkpolicy')) {
          for (const scenario of fc.sample(scenarioArbitrary(family, caps), { seed: 99, numRuns: 40 })) {
            for (const object of manifestsFor(scenario, MANIFEST_OPTIONS).objects) {
              expect(rule.check(wireForm(object), caps)).toEqual([]);
            }
          }
        }
      }
    });
  }
});
