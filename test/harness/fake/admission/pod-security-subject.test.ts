import type { V1Pod } from '@kubernetes/client-node';
import fc from 'fast-check';
import { defaultCapabilities, LATEST_VERSION, type ServerVersion } from '../../../../model/capabilities';
import { podSecurityDecision } from '../../../../model/podsecurity';
import { podSecurityScenario } from '../../../../generators/podsecurity-scenario';
import { podManifest, podSecurityNamespaceLabels } from '../../../../generators/manifests';
import { DefectSet } from '../../../../harness/fake/defects';
import { podSecurityAdmission } from '../../../../harness/fake/admission/pod-security';
import { podSecuritySubject } from '../../../../harness/fake/admission/pod-security-subject';
import { admissionContext } from './admission-context';

const OPTIONS = { image: 'busybox', namespace: 'ns', labels: {} };

const withVolumes = (volumes: NonNullable<V1Pod['spec']>['volumes']): { kind: 'Pod' } & V1Pod => ({
  kind: 'Pod',
  metadata: { name: 'v' },
  spec: { containers: [{ name: 'c', image: 'busybox' }], volumes },
});

describe('podSecuritySubject', () => {
  it('names volumes as the pod does (check_hostPathVolumes.go, check_restrictedVolumes.go details)', () => {
    const plugin = podSecurityAdmission(new DefectSet());
    const pod = withVolumes([
      { name: 'data', hostPath: { path: '/tmp' } },
      { name: 'scratch', emptyDir: {} },
    ]);
    const baseline = plugin.admit(
      'ns',
      pod,
      admissionContext([], [], { 'pod-security.kubernetes.io/enforce': 'baseline' }),
    );
    expect(baseline.allowed ? '' : baseline.body.message).toBe(
      'pods "v" is forbidden: violates PodSecurity "baseline:latest": hostPath volumes (volume "data")',
    );
    expect(podSecuritySubject(pod).namedVolumes).toEqual([
      { name: 'data', kind: 'hostPath' },
      { name: 'scratch', kind: 'emptyDir' },
    ]);
  });

  it('lets restricted pods use csi volumes and forbids other sources such as nfs', () => {
    const kinds = (pod: V1Pod) => podSecuritySubject(pod).namedVolumes?.map((v) => v.kind);
    const pod = withVolumes([
      { name: 'inline', csi: { driver: 'example.com' } },
      { name: 'share', nfs: { server: 'nfs', path: '/' } },
    ]);
    expect(kinds(pod)).toEqual(['csi', 'nfs']);
    const decision = podSecurityDecision(
      podSecuritySubject(pod),
      { enforce: { level: 'restricted', version: 'latest' } },
      LATEST_VERSION,
    );
    expect(decision.enforce.violations.find((v) => v.check === 'restrictedVolumes')?.detail).toBe(
      'volume "share" uses restricted volume type "nfs"',
    );
  });

  it('reads back from the manifest what the scenario says: the fake decides as the model does', () => {
    const versions: ServerVersion[] = [
      { major: 1, minor: 26, gitVersion: 'v1.26.0' },
      { major: 1, minor: 30, gitVersion: 'v1.30.0' },
      LATEST_VERSION,
    ];
    for (const version of versions) {
      const plugin = podSecurityAdmission(new DefectSet(), version);
      fc.assert(
        fc.property(podSecurityScenario(defaultCapabilities(version)), (scenario) => {
          const model = podSecurityDecision(scenario.pod, scenario.labels, version);
          const context = admissionContext([], [], podSecurityNamespaceLabels(scenario.labels));
          const fake = plugin.admit('ns', podManifest(scenario.pod, OPTIONS), context);
          if (fake.allowed) {
            expect(model.allowed).toBe(true);
            expect(fake.warnings).toEqual(model.warning === undefined ? [] : [model.warning]);
          } else {
            expect(fake.body.message).toBe(`pods "${scenario.pod.name}" is forbidden: ${model.rejection}`);
          }
        }),
        { numRuns: 150 },
      );
    }
  });
});
