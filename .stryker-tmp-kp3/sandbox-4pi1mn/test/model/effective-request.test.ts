// @ts-nocheck
import fc from 'fast-check';
import { podLimits, podRequests, resolvePod } from '../../model/effective-request';
import { container, pod } from './resources-builders';

const cpu = (cpuMilli: number) => ({ cpuMilli });

// Cases follow the sidecar KEP's "Resources calculation for scheduling and pod admission"
// (keps/sig-node/753-sidecar-containers) and component-helpers resource helpers_test.go.
describe('effective pod request', () => {
  it('sums app containers', () => {
    expect(podRequests(resolvePod(pod('p', [container('a', cpu(100)), container('b', cpu(200))]))).cpu).toBe(
      300,
    );
  });

  it('takes the largest init container when it exceeds the app sum', () => {
    const p = pod('p', [container('a', cpu(100)), container('b', cpu(200))], {
      initContainers: [container('i', cpu(500))],
    });
    expect(podRequests(resolvePod(p)).cpu).toBe(500);
  });

  it('keeps the app sum when init containers are smaller (init containers run one at a time)', () => {
    const p = pod('p', [container('a', cpu(300))], {
      initContainers: [container('i', cpu(200)), container('j', cpu(250))],
    });
    expect(podRequests(resolvePod(p)).cpu).toBe(300);
  });

  it('adds sidecars to the app sum and to every later init container', () => {
    const p = pod('p', [container('app', cpu(3000))], {
      initContainers: [
        container('side', cpu(1000), {}, { restartPolicy: 'Always' }),
        container('init', cpu(2000)),
      ],
    });
    expect(podRequests(resolvePod(p)).cpu).toBe(4000);
    const initHeavy = pod('p', [container('app', cpu(1000))], {
      initContainers: [
        container('side', cpu(1000), {}, { restartPolicy: 'Always' }),
        container('init', cpu(5000)),
      ],
    });
    expect(podRequests(resolvePod(initHeavy)).cpu).toBe(6000);
  });

  it('a sidecar declared after an init container does not add to it', () => {
    const p = pod('p', [container('app', cpu(100))], {
      initContainers: [
        container('init', cpu(5000)),
        container('side', cpu(1000), {}, { restartPolicy: 'Always' }),
      ],
    });
    expect(podRequests(resolvePod(p)).cpu).toBe(5000);
  });

  it('treats restartPolicy Always as a plain init container where sidecars are unsupported', () => {
    const p = pod('p', [container('app', cpu(3000))], {
      initContainers: [
        container('side', cpu(1000), {}, { restartPolicy: 'Always' }),
        container('init', cpu(2000)),
      ],
    });
    expect(podRequests(resolvePod(p, false)).cpu).toBe(3000);
  });

  it('defaults a missing request to the limit (SetDefaults_Pod)', () => {
    const resolved = resolvePod(pod('p', [container('a', { cpuMilli: 10 }, { cpuMilli: 50, memoryMi: 32 })]));
    expect(resolved.containers[0].requests).toEqual({ cpu: 10, memory: 32 });
    expect(podRequests(resolved)).toEqual({ cpu: 10, memory: 32 });
  });

  it('adds overhead to requests, and to limits only where a limit is set', () => {
    const p = pod('p', [container('a', cpu(100), { memoryMi: 64 })], {
      overhead: { cpuMilli: 50, memoryMi: 16 },
    });
    expect(podRequests(resolvePod(p))).toEqual({ cpu: 150, memory: 80 });
    expect(podLimits(resolvePod(p))).toEqual({ memory: 80 });
  });

  it('carries extended resources and ephemeral storage under their API names', () => {
    const p = pod('p', [
      container('a', {}, { extended: { 'example.com/dongle': 2 }, ephemeralStorageMi: 5 }),
    ]);
    expect(podRequests(resolvePod(p))).toEqual({ 'example.com/dongle': 2, 'ephemeral-storage': 5 });
  });

  it('is at least every container request and at most their total', () => {
    const amounts = fc.array(fc.integer({ min: 0, max: 4000 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(amounts, amounts, fc.array(fc.boolean(), { maxLength: 4 }), (apps, inits, sidecarFlags) => {
        const p = pod(
          'p',
          apps.map((a, i) => container(`a${i}`, cpu(a))),
          {
            initContainers: inits.map((a, i) =>
              container(`i${i}`, cpu(a), {}, sidecarFlags[i] ? { restartPolicy: 'Always' } : {}),
            ),
          },
        );
        const total = podRequests(resolvePod(p)).cpu;
        const all = [...apps, ...inits];
        return all.every((a) => total >= a) && total <= all.reduce((s, a) => s + a, 0);
      }),
    );
  });
});
