import type { V1Pod } from '@kubernetes/client-node';
import {
  procMountStrategy,
  procMountTypeDefault,
  unmaskedKept,
} from '../../../../harness/fake/admission/proc-mount';
import { defaultCapabilities, parseServerVersion, supportedVersions } from '../../../../model/capabilities';
import { admissionContext } from './admission-context';

const unmasked = (hostUsers?: boolean): { kind: 'Pod' } & V1Pod => ({
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: {
    ...(hostUsers === undefined ? {} : { hostUsers }),
    initContainers: [{ name: 'i', image: 'busybox', securityContext: { procMount: 'Unmasked' } }],
    containers: [
      { name: 'a', image: 'busybox', securityContext: { procMount: 'Default' } },
      { name: 'b', image: 'busybox', securityContext: { procMount: 'Unmasked' } },
    ],
  },
});

const procMounts = (pod: V1Pod) =>
  [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map(
    (c) => c.securityContext?.procMount,
  );

describe('fake ProcMountType strategy', () => {
  const v126 = parseServerVersion('v1.26.1');
  const v133 = parseServerVersion('v1.33.0');

  it('with the gate off (1.26 default) sets every procMount back to Default, as dropDisabledProcMountField', () => {
    const decision = procMountStrategy(v126).admit('ns', unmasked(), admissionContext());
    expect(decision.allowed && decision.object.kind === 'Pod' ? procMounts(decision.object) : []).toEqual([
      'Default',
      'Default',
      'Default',
    ]);
  });

  it('with the gate on before 1.30 keeps Unmasked', () => {
    const decision = procMountStrategy(v126, true).admit('ns', unmasked(), admissionContext());
    expect(decision.allowed && decision.object.kind === 'Pod' ? procMounts(decision.object) : []).toEqual([
      'Unmasked',
      'Default',
      'Unmasked',
    ]);
  });

  it('from 1.30 (gate on by default from 1.33) rejects Unmasked without hostUsers: false, containers first', () => {
    const decision = procMountStrategy(v133).admit('ns', unmasked(), admissionContext());
    expect(decision.allowed ? 0 : decision.status).toBe(422);
    expect(decision.allowed ? '' : decision.body.message).toBe(
      'Pod "p" is invalid: [spec.containers[1].securityContext.procMount: Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`, ' +
        'spec.initContainers[0].securityContext.procMount: Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`]',
    );
    expect(procMountStrategy(v133).admit('ns', unmasked(false), admissionContext()).allowed).toBe(true);
  });

  it("keeps Unmasked on a hostUsers-unset pod on no supported release at the gate's default, as the model's default says", () => {
    const kept = supportedVersions().filter((v) => unmaskedKept(procMountTypeDefault(v), v));
    expect(kept).toEqual([]);
    expect(supportedVersions().filter((v) => defaultCapabilities(v).procMount)).toEqual([]);
    expect(unmaskedKept(true, parseServerVersion('v1.29.0'))).toBe(true);
    expect(unmaskedKept(true, parseServerVersion('v1.30.0'))).toBe(false);
  });
});
