import { podManifest } from '../../../../generators/manifests';
import { hookHandlerPod, withHookHandlerIp } from '../../../../generators/manifests/hook-handler-pod';
import { netexecLoggedRequest } from '../../../../harness/agnhost-program';
import {
  HOOK_HANDLER_CONTAINER,
  HOOK_HANDLER_POD,
  HOOK_HANDLER_TLS_CONTAINER,
} from '../../../../harness/hook-handler-program';
import type { FakeDefect } from '../../../../harness/fake/defects';
import { createFakeKubelet } from '../../../../harness/fake/kubelet/fake-kubelet';
import type { PodScenario } from '../../../../model/scenario';
import { TestKubeletContext } from '../kubelet-test-context';
import { containerScenario, podScenario } from '../scenario-pods';

/** Pods as kubeprop's manifests build them: the fake runs their command as the kubelet expands it. */

function runManifest(scenario: PodScenario, seconds: number, deleteAfter: number) {
  const context = new TestKubeletContext();
  const kubelet = createFakeKubelet({ seed: 3 });
  const pod = context.addPod(podManifest(scenario, { image: 'busybox:1.36.1', namespace: 'ns', labels: {} }));
  kubelet.podCreated(pod, context);
  context.clock.runFor(deleteAfter * 1000);
  kubelet.podDeleting(context.readPod('ns', scenario.name) ?? pod, 5, context);
  context.clock.runFor((seconds - deleteAfter) * 1000);
  return context;
}

describe('fake kubelet: the program as its manifest says', () => {
  it('delivers the preStop exec hook markers into the main program log (its pid survives expansion)', () => {
    const scenario = podScenario({
      restartPolicy: 'Never',
      containers: [
        containerScenario('c', {
          lifecycle: { preStop: { kind: 'exec', durationSeconds: 1, exitCode: 0 } },
        }),
      ],
    });
    const context = runManifest(scenario, 12, 3);
    const markers = context.logs('c').map((l) => l.text);
    expect(markers).toContain('kp prestop-start');
    expect(markers).toContain('kp prestop-end 0');
  });

  it('loses hook markers when the pid line reaches the shell with `$$` reduced to `$`', () => {
    const scenario = podScenario({
      restartPolicy: 'Never',
      containers: [
        containerScenario('c', {
          lifecycle: { preStop: { kind: 'exec', durationSeconds: 1, exitCode: 0 } },
        }),
      ],
    });
    const manifest = podManifest(scenario, { image: 'busybox:1.36.1', namespace: 'ns', labels: {} });
    const container = manifest.spec!.containers[0];
    // The program text as main sent it before the fix: its `$$` unescaped.
    container.command = ['sh', '-c', 'D=/tmp/kp\necho $$ > "$D/pid.tmp" && mv "$D/pid.tmp" "$D/pid"'];
    const context = new TestKubeletContext();
    const kubelet = createFakeKubelet({ seed: 3 });
    kubelet.podCreated(context.addPod(manifest), context);
    context.clock.runFor(3000);
    kubelet.podDeleting(context.readPod('ns', 'p')!, 5, context);
    context.clock.runFor(9000);
    expect(context.logs('c').map((l) => l.text)).toEqual(['kp boot', 'kp started', 'kp sigterm']);
    expect(context.events('Killing')).toHaveLength(1);
  });
});

describe('fake kubelet: httpGet postStart served by the hook handler pod', () => {
  const options = { image: 'busybox:1.36.1', namespace: 'ns', labels: {} };
  const scenario = podScenario({
    containers: [
      containerScenario('c', {
        lifecycle: {
          postStart: {
            kind: 'httpGet',
            port: 8080,
            path: '/cgi-bin/poststart',
            status: 500,
            durationSeconds: 1,
          },
        },
      }),
    ],
  });

  it('reaches the handler at httpGet.host once it is Ready: the marker is in its log, the hook succeeds', () => {
    const context = new TestKubeletContext();
    const kubelet = createFakeKubelet({ seed: 5 });
    const handler = hookHandlerPod(scenario, options)!;
    kubelet.podCreated(context.addPod(handler), context);
    context.clock.runFor(3000);
    const handlerStatus = context.readPod('ns', HOOK_HANDLER_POD)?.status;
    expect(handlerStatus?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    const ip = handlerStatus?.podIP ?? '';
    const pod = withHookHandlerIp(podManifest(scenario, { ...options, hookHandler: true }), ip);
    kubelet.podCreated(context.addPod(pod), context);
    context.clock.runFor(5000);
    expect(context.logs(HOOK_HANDLER_CONTAINER).map((l) => l.text)).toContain('kp http /cgi-bin/poststart-c');
    expect(context.events('FailedPostStartHook')).toHaveLength(0);
    expect(context.lastStatus('p')?.containerStatuses?.[0].state?.running).toBeDefined();
  });

  it('fails the hook when nothing serves httpGet.host', () => {
    const context = new TestKubeletContext();
    const kubelet = createFakeKubelet({ seed: 5 });
    const pod = withHookHandlerIp(podManifest(scenario, { ...options, hookHandler: true }), '10.244.9.9');
    kubelet.podCreated(context.addPod(pod), context);
    context.clock.runFor(3000);
    expect(context.events('FailedPostStartHook')).toHaveLength(1);
  });
});

describe('fake kubelet: an HTTPS hook served by the hook handler pod’s agnhost TLS server', () => {
  const options = { image: 'busybox:1.36.1', serverImage: 'agnhost:test', namespace: 'ns', labels: {} };
  const hook = { kind: 'httpGet', port: 9090, path: '/cgi-bin/poststart', status: 404 } as const;
  const scenario = podScenario({
    containers: [
      containerScenario('c', {
        lifecycle: { postStart: { ...hook, durationSeconds: 0, scheme: 'HTTPS' } },
      }),
    ],
  });

  function run(defects: FakeDefect[]) {
    const context = new TestKubeletContext();
    const kubelet = createFakeKubelet({ seed: 5, defects });
    kubelet.podCreated(context.addPod(hookHandlerPod(scenario, options)!), context);
    context.clock.runFor(3000);
    const ip = context.readPod('ns', HOOK_HANDLER_POD)?.status?.podIP ?? '';
    const pod = withHookHandlerIp(podManifest(scenario, { ...options, hookHandler: true }), ip);
    kubelet.podCreated(context.addPod(pod), context);
    context.clock.runFor(5000);
    return context;
  }

  it('logs the request as netexec does (klog header, GET /echo?msg=&code=); the hook succeeds', () => {
    const context = run([]);
    const lines = context.logs(HOOK_HANDLER_TLS_CONTAINER).map((l) => l.text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^I\d{4} \d{2}:\d{2}:\d{2}\.\d{6} {7}1 log\.go:198\] GET \/echo\?msg=poststart-c&code=404$/,
    );
    expect(netexecLoggedRequest(lines[0])).toBe('/echo?msg=poststart-c&code=404');
    expect(context.events('FailedPostStartHook')).toHaveLength(0);
    expect(context.lastStatus('p')?.containerStatuses?.[0].state?.running).toBeDefined();
  });

  it('hook-https-as-http: the plain GET gets the TLS server’s 400 unlogged, and the hook still succeeds', () => {
    const context = run(['hook-https-as-http']);
    expect(context.logs(HOOK_HANDLER_TLS_CONTAINER)).toEqual([]);
    expect(context.events('FailedPostStartHook')).toHaveLength(0);
    expect(context.lastStatus('p')?.containerStatuses?.[0].state?.running).toBeDefined();
  });
});
