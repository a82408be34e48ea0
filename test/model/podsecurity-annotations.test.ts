import type { V1Pod } from '@kubernetes/client-node';
import { parseServerVersion } from '../../model/capabilities';
import { admittedSubject, podSecurityDecision } from '../../model/podsecurity';
import type { PodSecurityLabels } from '../../model/scenario';
import { podSecuritySubject } from '../../harness/fake/admission/pod-security-subject';

/**
 * The AppArmor and seccomp annotations and hostProcess, as the v1.26.1 test node answered them
 * (kubectl create --dry-run=server, 2026-12-02): the v1.26 messages are the node's, verbatim; the 1.24 and
 * 1.27 cases follow applySeccompVersionSkew of those releases.
 */
const v126 = parseServerVersion('v1.26.1');

function pod(annotations: Record<string, string>, spec: Partial<NonNullable<V1Pod['spec']>> = {}): V1Pod {
  return {
    metadata: { name: 'p', annotations },
    spec: {
      initContainers: [{ name: 'init-0', image: 'busybox' }],
      containers: [{ name: 'app-0', image: 'busybox' }],
      ...spec,
    },
  };
}

const enforce = (version: string): PodSecurityLabels => ({ enforce: { level: 'baseline', version } });
const rejection = (p: V1Pod, labels: PodSecurityLabels, server = v126): string | undefined =>
  podSecurityDecision(podSecuritySubject(p), labels, server).rejection;

describe('Pod Security over annotations and hostProcess on v1.26', () => {
  it('baseline v1.0 reads the seccomp alpha annotations', () => {
    expect(
      rejection(pod({ 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' }), enforce('v1.0')),
    ).toBe(
      'violates PodSecurity "baseline:v1.0": seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined")',
    );
    const containers = {
      'container.seccomp.security.alpha.kubernetes.io/app-0': 'unconfined',
      'container.seccomp.security.alpha.kubernetes.io/init-0': 'unconfined',
    };
    expect(rejection(pod(containers), enforce('v1.0'))).toBe(
      'violates PodSecurity "baseline:v1.0": seccompProfile (forbidden annotations container.seccomp.security.alpha.kubernetes.io/app-0="unconfined", container.seccomp.security.alpha.kubernetes.io/init-0="unconfined")',
    );
    const allowed = {
      'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default',
      'container.seccomp.security.alpha.kubernetes.io/app-0': 'localhost/testing',
    };
    expect(rejection(pod(allowed), enforce('v1.0'))).toBeUndefined();
    expect(rejection(pod(allowed), enforce('latest'))).toBeUndefined();
  });

  it('a 1.26 server copies an annotation to its unset field before admission; 1.27 does not', () => {
    const unconfined = pod({ 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' });
    expect(rejection(unconfined, enforce('latest'))).toBe(
      'violates PodSecurity "baseline:latest": seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")',
    );
    expect(rejection(unconfined, enforce('latest'), parseServerVersion('v1.27.0'))).toBeUndefined();
    // The node stored {"type":"RuntimeDefault"} on the pod and {"localhostProfile":"testing","type":"Localhost"} on app-0.
    const copied = admittedSubject(
      podSecuritySubject(
        pod({
          'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default',
          'container.seccomp.security.alpha.kubernetes.io/app-0': 'localhost/testing',
        }),
      ),
      26,
    );
    expect(copied.security?.seccompProfile).toBe('RuntimeDefault');
    expect(copied.containers[0].security?.seccompProfile).toBe('Localhost');
    // Before 1.25 the field is copied to the annotation too.
    const field = { securityContext: { seccompProfile: { type: 'Unconfined' } } };
    expect(rejection(pod({}, field), enforce('v1.0'), parseServerVersion('v1.24.0'))).toContain(
      'seccomp.security.alpha.kubernetes.io/pod="unconfined"',
    );
    expect(rejection(pod({}, field), enforce('v1.0'))).toBeUndefined();
  });

  it('the AppArmor beta annotations: unconfined forbidden, runtime/default and localhost/* allowed', () => {
    const unconfined = {
      'container.apparmor.security.beta.kubernetes.io/app-0': 'unconfined',
      'container.apparmor.security.beta.kubernetes.io/init-0': 'unconfined',
    };
    expect(rejection(pod(unconfined), enforce('v1.0'))).toBe(
      'violates PodSecurity "baseline:v1.0": forbidden AppArmor profiles (container.apparmor.security.beta.kubernetes.io/app-0="unconfined", container.apparmor.security.beta.kubernetes.io/init-0="unconfined")',
    );
    const allowed = {
      'container.apparmor.security.beta.kubernetes.io/app-0': 'runtime/default',
      'container.apparmor.security.beta.kubernetes.io/init-0': 'localhost/foo',
    };
    expect(rejection(pod(allowed), enforce('v1.0'))).toBeUndefined();
  });

  it('hostProcess on the pod or on containers fails baseline, with hostNetwork', () => {
    const onPod = pod({}, { hostNetwork: true, securityContext: { windowsOptions: { hostProcess: true } } });
    expect(rejection(onPod, enforce('latest'))).toBe(
      'violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true), hostProcess (pod must not set securityContext.windowsOptions.hostProcess=true)',
    );
    const hostProcess = { windowsOptions: { hostProcess: true } };
    const onContainers = pod(
      {},
      {
        hostNetwork: true,
        initContainers: [{ name: 'init-0', image: 'busybox', securityContext: hostProcess }],
        containers: [{ name: 'app-0', image: 'busybox', securityContext: hostProcess }],
      },
    );
    expect(rejection(onContainers, enforce('latest'))).toBe(
      'violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true), hostProcess (containers "init-0", "app-0" must not set securityContext.windowsOptions.hostProcess=true)',
    );
  });
});
