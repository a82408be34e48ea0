import { manifestsFor, wireForm } from '../../../generators/manifests';
import { serverProgramOf } from '../../../harness/agnhost-program';
import { planCase, type PlanStep } from '../../../harness/plan';
import { expandContainerCommandAndArgs } from '../../../harness/fake/kubelet/command-expansion';
import {
  HOOK_HANDLER_CONTAINER,
  HOOK_HANDLER_HOST,
  HOOK_HANDLER_POD,
  HOOK_HANDLER_PORT,
  HOOK_HANDLER_TLS_CONTAINER,
  HOOK_HANDLER_TLS_PORT,
} from '../../../harness/hook-handler-program';
import { withHookHandlerIp } from '../../../generators/manifests/hook-handler-pod';
import { defaultCapabilities, LATEST_VERSION } from '../../../model/capabilities';
import type { HooksScenario, PodScenario } from '../../../model/scenario';
import { apiRuleViolations } from '../support/api-rules';
import { buildValidators, schemaErrors } from '../support/openapi-schema';

const CAPABILITIES = defaultCapabilities(LATEST_VERSION);

/** httpGet postStart hooks are served by a handler pod created and Ready before the pod under test. */

const OPTIONS = { image: 'busybox:1.36.1', namespace: 'kp-ns', labels: { 'kubeprop.dev/case-id': 'x' } };

function pod(postStart: PodScenario['containers'][number]['lifecycle']['postStart']): PodScenario {
  return {
    name: 'p',
    restartPolicy: 'Always',
    initContainers: [],
    labels: {},
    containers: ['a', 'b'].map((name) => ({
      name,
      behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' } },
      ports: [],
      resources: { requests: {}, limits: {} },
      lifecycle: name === 'a' ? { postStart } : {},
      probes: {},
    })),
  };
}

const httpPostStart = pod({
  kind: 'httpGet',
  port: 8080,
  path: '/cgi-bin/poststart',
  status: 404,
  durationSeconds: 1,
});
const scenario: HooksScenario = { family: 'hooks', pod: httpPostStart, observeSeconds: 10 };

describe('hook handler pod', () => {
  it('comes first, serves one CGI per hooked container, and the pod under test points its postStart at it', () => {
    const { objects } = manifestsFor(scenario, OPTIONS);
    expect(objects.map((o) => o.metadata?.name)).toEqual([HOOK_HANDLER_POD, 'p']);
    const [handler, underTest] = objects;
    if (handler.kind !== 'Pod' || underTest.kind !== 'Pod') throw new Error('pods expected');
    const program = expandContainerCommandAndArgs(handler.spec!.containers[0]).command[2];
    expect(program).toContain(`"$D/www/cgi-bin/poststart-a"`);
    expect(program).toContain('say http /cgi-bin/poststart-a');
    expect(program).toContain('echo $$ > "$D/pid.tmp"');
    expect(program).toMatch(new RegExp(`exec httpd -f -p ${HOOK_HANDLER_PORT} `));
    expect(handler.spec!.containers[0].readinessProbe?.tcpSocket?.port).toBe(HOOK_HANDLER_PORT);
    expect(handler.metadata?.labels?.['kubeprop.dev/case-id']).toBe('x');
    expect(underTest.spec!.containers[0].lifecycle?.postStart?.httpGet).toEqual({
      host: HOOK_HANDLER_HOST,
      path: '/cgi-bin/poststart-a',
      port: HOOK_HANDLER_PORT,
    });
    const resolved = withHookHandlerIp(underTest, '10.1.2.3');
    expect(resolved.spec!.containers[0].lifecycle?.postStart?.httpGet?.host).toBe('10.1.2.3');
    // The container's own program serves no postStart CGI.
    expect(underTest.spec!.containers[0].command![2]).not.toContain('poststart');
  });

  it('is created and waited Ready before the pod under test', () => {
    const steps = planCase(scenario, { family: 'hooks', fields: {} }, manifestsFor(scenario, OPTIONS));
    const shape = steps
      .slice(0, 3)
      .map((s: PlanStep) =>
        s.kind === 'create'
          ? `create ${s.object.metadata?.name}`
          : s.kind === 'wait'
            ? `wait ${s.condition.kind} ${'target' in s.condition ? s.condition.target.pod : ''}`
            : s.kind,
      );
    expect(shape).toEqual([`create ${HOOK_HANDLER_POD}`, `wait podReady ${HOOK_HANDLER_POD}`, 'create p']);
  });

  it('is absent without an httpGet postStart, and pods of admission-only families never name it', () => {
    const exec = pod({ kind: 'exec', durationSeconds: 0, exitCode: 0 });
    expect(manifestsFor({ ...scenario, pod: exec }, OPTIONS).objects).toHaveLength(1);
    const admitted = manifestsFor({ family: 'podsecurity', pod: httpPostStart, labels: {} }, OPTIONS).objects;
    expect(admitted.map((o) => o.metadata?.name)).toEqual(['p']);
    const only = admitted[0];
    if (only.kind !== 'Pod') throw new Error('pod expected');
    expect(only.spec!.containers[0].lifecycle?.postStart?.httpGet?.host).toBeUndefined();
  });
});

describe('hook handler pod for HTTPS hooks', () => {
  const SERVER = { ...OPTIONS, serverImage: 'registry.k8s.io/e2e-test-images/agnhost:2.43' };
  const https = pod({
    kind: 'httpGet',
    port: HOOK_HANDLER_TLS_PORT,
    path: '/cgi-bin/poststart',
    status: 500,
    durationSeconds: 0,
    scheme: 'HTTPS',
  });

  it('runs upstream’s netexec TLS server and the pod under test sends scheme HTTPS to its /echo', () => {
    const { objects } = manifestsFor({ ...scenario, pod: https }, SERVER);
    const [handler, underTest] = objects;
    if (handler.kind !== 'Pod' || underTest.kind !== 'Pod') throw new Error('pods expected');
    // Only the TLS container: no hook needs the busybox one.
    expect(handler.spec!.containers.map((c) => c.name)).toEqual([HOOK_HANDLER_TLS_CONTAINER]);
    const tls = handler.spec!.containers[0];
    expect(tls.image).toBe(SERVER.serverImage);
    expect(tls.command).toBeUndefined();
    expect(tls.args).toEqual([
      'netexec',
      '--http-port=9090',
      '--udp-port=9091',
      '--tls-cert-file=/localhost.crt',
      '--tls-private-key-file=/localhost.key',
    ]);
    expect(tls.readinessProbe?.httpGet).toEqual({ scheme: 'HTTPS', path: '/healthz', port: 9090 });
    expect(underTest.spec!.containers[0].lifecycle?.postStart?.httpGet).toEqual({
      scheme: 'HTTPS',
      host: HOOK_HANDLER_HOST,
      path: '/echo?msg=poststart-a&code=500',
      port: HOOK_HANDLER_TLS_PORT,
    });
    // The host is put in with the scheme kept.
    const resolved = withHookHandlerIp(underTest, '10.1.2.3');
    expect(resolved.spec!.containers[0].lifecycle?.postStart?.httpGet?.scheme).toBe('HTTPS');
    // The fake reads the TLS program back from the args.
    expect(serverProgramOf(tls.args)).toEqual({ kind: 'netexec', httpPort: 9090, tls: true });
  });

  it('holds both handlers when HTTP and HTTPS hooks share a pod, each manifest valid for the API', () => {
    const both: PodScenario = {
      ...https,
      containers: https.containers.map((c) =>
        c.name === 'b'
          ? {
              ...c,
              lifecycle: {
                postStart: {
                  kind: 'httpGet',
                  port: 8080,
                  path: '/cgi-bin/poststart',
                  status: 200,
                  durationSeconds: 1,
                },
              },
            }
          : c,
      ),
    };
    const { objects } = manifestsFor({ ...scenario, pod: both }, SERVER);
    const [handler] = objects;
    if (handler.kind !== 'Pod') throw new Error('pod expected');
    expect(handler.spec!.containers.map((c) => c.name)).toEqual([
      HOOK_HANDLER_CONTAINER,
      HOOK_HANDLER_TLS_CONTAINER,
    ]);
    const validators = buildValidators();
    for (const object of objects) {
      const wire = wireForm(object);
      expect([...schemaErrors(validators, wire), ...apiRuleViolations(wire, CAPABILITIES)]).toEqual([]);
    }
  });

  it('needs the server image', () => {
    expect(() => manifestsFor({ ...scenario, pod: https }, OPTIONS)).toThrow(/server image/);
  });
});
