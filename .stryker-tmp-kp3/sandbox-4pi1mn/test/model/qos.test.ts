// @ts-nocheck
import { resolvePod } from '../../model/effective-request';
import { computePodQos } from '../../model/qos';
import { container, pod } from './resources-builders';

// Cases from the QoS rules in the docs (concepts/workloads/pods/pod-qos) and qos.go ComputePodQOS.
const qos = (p: Parameters<typeof resolvePod>[0]) => computePodQos(resolvePod(p));

describe('QoS class', () => {
  it('BestEffort: nothing set anywhere', () => {
    expect(qos(pod('p', [container('a'), container('b')]))).toBe('BestEffort');
  });

  it('BestEffort: only resources other than cpu and memory, or zero amounts', () => {
    expect(qos(pod('p', [container('a', {}, { ephemeralStorageMi: 5 })]))).toBe('BestEffort');
    expect(qos(pod('p', [container('a', {}, { extended: { 'example.com/dongle': 2 } })]))).toBe('BestEffort');
    expect(qos(pod('p', [container('a', { cpuMilli: 0, memoryMi: 0 })]))).toBe('BestEffort');
  });

  it('Guaranteed: cpu and memory limits on every container, requests defaulted or equal', () => {
    expect(qos(pod('p', [container('a', {}, { cpuMilli: 50, memoryMi: 32 })]))).toBe('Guaranteed');
    const both = [
      container('a', { cpuMilli: 50, memoryMi: 32 }, { cpuMilli: 50, memoryMi: 32 }),
      container('b', {}, { cpuMilli: 10, memoryMi: 8 }),
    ];
    expect(qos(pod('p', both))).toBe('Guaranteed');
  });

  it('Burstable: a request below its limit', () => {
    expect(qos(pod('p', [container('a', { cpuMilli: 10 }, { cpuMilli: 50, memoryMi: 32 })]))).toBe(
      'Burstable',
    );
  });

  it('Burstable: a request alone', () => {
    expect(qos(pod('p', [container('a', { cpuMilli: 10 })]))).toBe('Burstable');
  });

  it('Burstable: mixed, one container without limits', () => {
    const mixed = [container('a', {}, { cpuMilli: 50, memoryMi: 32 }), container('b')];
    expect(qos(pod('p', mixed))).toBe('Burstable');
  });

  it('Burstable: a cpu limit without a memory limit', () => {
    expect(qos(pod('p', [container('a', {}, { cpuMilli: 50 })]))).toBe('Burstable');
  });

  it('init containers count: one without limits makes a Guaranteed app Burstable', () => {
    const app = [container('a', {}, { cpuMilli: 50, memoryMi: 32 })];
    expect(qos(pod('p', app, { initContainers: [container('i')] }))).toBe('Burstable');
    expect(qos(pod('p', app, { initContainers: [container('i', {}, { cpuMilli: 5, memoryMi: 4 })] }))).toBe(
      'Guaranteed',
    );
  });
});
