import { INTENT_ANNOTATION } from '../../../model/labels';
import type { ContainerScenario, PodScenario, QuotaScenario, Scenario } from '../../../model/scenario';
import {
  manifestsFor,
  podManifest,
  quantityFor,
  resourceList,
  wireForm,
} from '../../../generators/manifests';
import { MANIFEST_OPTIONS } from '../support/validity';

function container(name: string, extra: Partial<ContainerScenario> = {}): ContainerScenario {
  return {
    name,
    behaviour: { startDelaySeconds: 0, sigterm: { kind: 'exit', afterSeconds: 0, exitCode: 0 } },
    ports: [],
    resources: { requests: {}, limits: {} },
    lifecycle: {},
    probes: {},
    ...extra,
  };
}

function pod(name: string, containers: ContainerScenario[], extra: Partial<PodScenario> = {}): PodScenario {
  return { name, restartPolicy: 'Always', initContainers: [], containers, labels: { app: name }, ...extra };
}

describe('quantities', () => {
  it('writes cpu in millicores, memory and storage in Mi, counts plain', () => {
    expect(
      resourceList({
        cpuMilli: 250,
        memoryMi: 64,
        ephemeralStorageMi: 5,
        extended: { 'example.com/dongle': 2 },
      }),
    ).toEqual({
      cpu: '250m',
      memory: '64Mi',
      'ephemeral-storage': '5Mi',
      'example.com/dongle': '2',
    });
    expect(resourceList({})).toBeUndefined();
    expect(quantityFor('requests.cpu', 100)).toBe('100m');
    expect(quantityFor('limits.memory', 128)).toBe('128Mi');
    expect(quantityFor('pods', 3)).toBe('3');
    expect(quantityFor('count/pods', 3)).toBe('3');
    expect(quantityFor('requests.example.com/dongle', 2)).toBe('2');
  });
});

describe('podManifest', () => {
  const scenario = pod(
    'web',
    [
      container('app-0', {
        resources: { requests: { cpuMilli: 100 }, limits: { cpuMilli: 200, memoryMi: 64 } },
      }),
    ],
    {
      terminationGracePeriodSeconds: 3,
    },
  );
  const manifest = podManifest(scenario, MANIFEST_OPTIONS);

  it('carries the namespace, the case labels plus its own, and the intent as JSON', () => {
    expect(manifest.metadata?.namespace).toBe(MANIFEST_OPTIONS.namespace);
    expect(manifest.metadata?.labels).toEqual({ ...MANIFEST_OPTIONS.labels, app: 'web' });
    expect(JSON.parse(manifest.metadata!.annotations![INTENT_ANNOTATION])).toEqual(scenario);
  });

  it('maps grace, restart policy and resources as quantity strings', () => {
    expect(manifest.spec?.terminationGracePeriodSeconds).toBe(3);
    expect(manifest.spec?.restartPolicy).toBe('Always');
    expect(manifest.spec?.containers[0].resources).toEqual({
      requests: { cpu: '100m' },
      limits: { cpu: '200m', memory: '64Mi' },
    });
    expect(manifest.spec?.containers[0].image).toBe(MANIFEST_OPTIONS.image);
    expect(manifest.spec?.containers[0].command?.slice(0, 2)).toEqual(['sh', '-c']);
  });

  it('shares the PID namespace only when a container relies on the default SIGTERM action (PID 1 ignores it)', () => {
    expect(manifest.spec?.shareProcessNamespace).toBeUndefined();
    const withDefault = pod('p', [
      container('a', { behaviour: { startDelaySeconds: 0, sigterm: { kind: 'default' } } }),
    ]);
    expect(podManifest(withDefault, MANIFEST_OPTIONS).spec?.shareProcessNamespace).toBe(true);
  });

  it('maps hooks, probes and security to their API fields', () => {
    const full = container('a', {
      ports: [{ name: 'http-0', containerPort: 8080 }],
      lifecycle: {
        postStart: {
          kind: 'httpGet',
          port: 8080,
          path: '/cgi-bin/poststart',
          status: 200,
          durationSeconds: 0,
        },
        preStop: { kind: 'sleep', seconds: 2 },
      },
      probes: {
        readiness: {
          handler: { kind: 'tcpSocket', port: 8081 },
          initialDelaySeconds: 0,
          periodSeconds: 1,
          timeoutSeconds: 1,
          successThreshold: 2,
          failureThreshold: 3,
        },
        liveness: {
          handler: { kind: 'grpc', port: 8084 },
          initialDelaySeconds: 1,
          periodSeconds: 2,
          timeoutSeconds: 1,
          successThreshold: 1,
          failureThreshold: 1,
          terminationGracePeriodSeconds: 4,
        },
      },
      security: {
        privileged: true,
        capabilitiesAdd: ['SYS_ADMIN'],
        seccompProfile: 'Unconfined',
        hostPort: 30080,
      },
    });
    const c = podManifest(pod('p', [full]), MANIFEST_OPTIONS).spec!.containers[0];
    expect(c.lifecycle).toEqual({
      postStart: { httpGet: { path: '/cgi-bin/poststart', port: 8080 } },
      preStop: { sleep: { seconds: 2 } },
    });
    expect(c.readinessProbe).toEqual({
      tcpSocket: { port: 8081 },
      initialDelaySeconds: 0,
      periodSeconds: 1,
      timeoutSeconds: 1,
      successThreshold: 2,
      failureThreshold: 3,
    });
    expect(c.livenessProbe?.grpc).toEqual({ port: 8084 });
    expect(c.livenessProbe?.terminationGracePeriodSeconds).toBe(4);
    expect(c.securityContext).toEqual({
      privileged: true,
      capabilities: { add: ['SYS_ADMIN'] },
      seccompProfile: { type: 'Unconfined' },
    });
    expect(c.ports).toEqual([
      { name: 'http-0', containerPort: 8080, protocol: 'TCP' },
      { containerPort: 30080, hostPort: 30080, protocol: 'TCP' },
    ]);
  });

  it('maps pod security: host namespaces, sysctls with values, volumes that need no other object', () => {
    const p = podManifest(
      pod('p', [container('a')], {
        security: {
          hostNetwork: true,
          runAsUser: 1000,
          sysctls: ['kernel.msgmax'],
          volumes: ['hostPath', 'configMap'],
        },
      }),
      MANIFEST_OPTIONS,
    );
    expect(p.spec?.hostNetwork).toBe(true);
    expect(p.spec?.securityContext).toEqual({
      runAsUser: 1000,
      sysctls: [{ name: 'kernel.msgmax', value: '65536' }],
    });
    expect(p.spec?.volumes).toEqual([
      { name: 'vol-hostpath', hostPath: { path: '/tmp', type: 'Directory' } },
      { name: 'vol-configmap', configMap: { name: 'kubeprop-absent', optional: true } },
    ]);
  });
});

describe('manifestsFor', () => {
  it('quota: the quota first, then the pods of create steps in order', () => {
    const scenario: QuotaScenario = {
      family: 'quota',
      quota: {
        name: 'q',
        hard: { 'requests.cpu': 100, 'limits.memory': 128, pods: 3 },
        scopes: ['NotBestEffort'],
      },
      steps: [
        { kind: 'create', pod: pod('pod-0', [container('app-0')]) },
        { kind: 'delete', podName: 'pod-0' },
        { kind: 'create', pod: pod('pod-1', [container('app-0')]) },
      ],
    };
    const { objects, namespaceLabels } = manifestsFor(scenario, MANIFEST_OPTIONS);
    expect(namespaceLabels).toEqual({});
    expect(objects.map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual([
      'ResourceQuota/q',
      'Pod/pod-0',
      'Pod/pod-1',
    ]);
    expect(objects[0].kind === 'ResourceQuota' && objects[0].spec).toEqual({
      hard: { 'requests.cpu': '100m', 'limits.memory': '128Mi', pods: '3' },
      scopes: ['NotBestEffort'],
    });
    for (const o of objects) expect(o.metadata?.labels).toMatchObject(MANIFEST_OPTIONS.labels);
  });

  it('termination with a Service: a Service selecting the pod by its labels comes first', () => {
    const scenario: Scenario = {
      family: 'termination',
      pod: pod('web', [container('app-0')]),
      delete: { afterRunningSeconds: 0 },
      withService: true,
    };
    const { objects } = manifestsFor(scenario, MANIFEST_OPTIONS);
    expect(objects.map((o) => o.kind)).toEqual(['Service', 'Pod']);
    const [service, podObject] = objects;
    const selector = service.kind === 'Service' ? service.spec?.selector : undefined;
    expect(Object.entries(selector ?? {}).every(([k, v]) => podObject.metadata?.labels?.[k] === v)).toBe(
      true,
    );
    expect(
      manifestsFor({ ...scenario, withService: false }, MANIFEST_OPTIONS).objects.map((o) => o.kind),
    ).toEqual(['Pod']);
  });

  it('podsecurity: mode and version labels for the namespace', () => {
    const scenario: Scenario = {
      family: 'podsecurity',
      labels: {
        enforce: { level: 'baseline', version: 'v1.26' },
        warn: { level: 'restricted', version: 'latest' },
      },
      pod: pod('p', [container('a')]),
      intendedViolations: [],
    };
    expect(manifestsFor(scenario, MANIFEST_OPTIONS).namespaceLabels).toEqual({
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/enforce-version': 'v1.26',
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/warn-version': 'latest',
    });
  });

  it('limitrange: the LimitRange first; on the wire its limit field is `default`, the ratio a plain number', () => {
    const scenario: Scenario = {
      family: 'limitrange',
      limitRange: {
        name: 'lr',
        limits: [
          { type: 'Container', default: { cpu: 100 }, min: { memory: 16 }, maxLimitRequestRatio: { cpu: 4 } },
        ],
      },
      pod: pod('p', [container('a')]),
    };
    const [limitRange, podObject] = manifestsFor(scenario, MANIFEST_OPTIONS).objects;
    expect(podObject.kind).toBe('Pod');
    expect((wireForm(limitRange).spec as { limits: unknown[] }).limits).toEqual([
      {
        type: 'Container',
        default: { cpu: '100m' },
        min: { memory: '16Mi' },
        maxLimitRequestRatio: { cpu: '4' },
      },
    ]);
  });

  it('refuses NetworkPolicy scenarios, which span three namespaces', () => {
    expect(() => manifestsFor({ family: 'networkpolicy', policies: [] }, MANIFEST_OPTIONS)).toThrow(
      /networkPolicyManifests/,
    );
  });
});
