import type { V1LimitRange } from '@kubernetes/client-node';
import { DefectSet } from '../../../../harness/fake/defects';
import {
  LIMIT_RANGER_ANNOTATION,
  limitRangerAdmission,
} from '../../../../harness/fake/admission/limit-ranger';
import { admissionContext, pod } from './admission-context';

/** The recording limitrange; messages in their current (capitalised) form from limitranger/admission.go. */
const range: { kind: 'LimitRange' } & V1LimitRange = {
  kind: 'LimitRange',
  metadata: { name: 'lr' },
  spec: {
    limits: [
      {
        type: 'Container',
        _default: { cpu: '100m', memory: '64Mi' },
        defaultRequest: { cpu: '50m', memory: '32Mi' },
        max: { cpu: '200m' },
        min: { cpu: '10m' },
        maxLimitRequestRatio: { cpu: '4' },
      },
    ],
  },
};

describe('fake LimitRanger admission', () => {
  const plugin = limitRangerAdmission(new DefectSet());
  const context = admissionContext([range]);

  it('applies defaults and annotates what it set', () => {
    const decision = plugin.admit('ns', pod('defaulted', [{ name: 'c' }]), context);
    if (!decision.allowed || decision.object.kind !== 'Pod') throw new Error('expected admission');
    expect(decision.object.spec?.containers[0].resources).toEqual({
      limits: { cpu: '100m', memory: '64Mi' },
      requests: { cpu: '50m', memory: '32Mi' },
    });
    expect(decision.object.metadata?.annotations?.[LIMIT_RANGER_ANNOTATION]).toBe(
      'LimitRanger plugin set: cpu, memory request for container c; cpu, memory limit for container c',
    );
  });

  it.each([
    [
      'overmax',
      { cpu: '100m' },
      { cpu: '300m' },
      'maximum cpu usage per Container is 200m, but limit is 300m',
    ],
    ['undermin', { cpu: '5m' }, { cpu: '20m' }, 'minimum cpu usage per Container is 10m, but request is 5m'],
    [
      'ratio',
      { cpu: '10m' },
      { cpu: '100m' },
      'cpu max limit to request ratio per Container is 4, but provided ratio is 10.000000',
    ],
  ])('rejects %s', (name, requests, limits, expected) => {
    const decision = plugin.admit('ns', pod(name, [{ name: 'c', requests, limits }]), context);
    expect(decision.allowed ? '' : decision.body.message).toBe(`pods "${name}" is forbidden: ${expected}`);
  });

  it('with limitrange-defaults-skipped nothing is defaulted', () => {
    const decision = limitRangerAdmission(new DefectSet(['limitrange-defaults-skipped'])).admit(
      'ns',
      pod('d', [{ name: 'c', requests: { cpu: '50m' }, limits: { cpu: '100m' } }]),
      context,
    );
    if (!decision.allowed || decision.object.kind !== 'Pod') throw new Error('expected admission');
    expect(decision.object.metadata?.annotations?.[LIMIT_RANGER_ANNOTATION]).toBeUndefined();
    expect(decision.object.spec?.containers[0].resources?.limits).toEqual({ cpu: '100m' });
  });

  it('without a LimitRange, still defaults requests from limits (the API does, pkg/apis/core/v1/defaults.go SetDefaults_Pod)', () => {
    const decision = plugin.admit(
      'ns',
      pod('bare', [{ name: 'c', limits: { memory: '209Mi' } }]),
      admissionContext([]),
    );
    if (!decision.allowed || decision.object.kind !== 'Pod') throw new Error('expected admission');
    expect(decision.object.spec?.containers[0].resources).toEqual({
      limits: { memory: '209Mi' },
      requests: { memory: '209Mi' },
    });
    expect(decision.object.metadata?.annotations?.[LIMIT_RANGER_ANNOTATION]).toBeUndefined();
  });

  it('with limitrange-ephemeral-ignored, ephemeral-storage gets no default and no bound', () => {
    const ephemeral: typeof range = {
      ...range,
      spec: {
        limits: [
          {
            type: 'Container',
            _default: { 'ephemeral-storage': '64Mi' },
            max: { 'ephemeral-storage': '128Mi' },
          },
        ],
      },
    };
    const conforming = plugin.admit('ns', pod('e', [{ name: 'c' }]), admissionContext([ephemeral]));
    if (!conforming.allowed || conforming.object.kind !== 'Pod') throw new Error('expected admission');
    expect(conforming.object.spec?.containers[0].resources?.limits).toEqual({ 'ephemeral-storage': '64Mi' });
    const defective = limitRangerAdmission(new DefectSet(['limitrange-ephemeral-ignored']));
    const over = defective.admit(
      'ns',
      pod('o', [{ name: 'c', limits: { 'ephemeral-storage': '200Mi' } }]),
      admissionContext([ephemeral]),
    );
    expect(over.allowed).toBe(true);
  });
});
