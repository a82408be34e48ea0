import fc from 'fast-check';
import type { DetectedNode } from '../../harness/capabilities';
import { chooseConcurrency, MAX_SLOTS, MIN_SLOTS, PODS_PER_SLOT } from '../../runner/concurrency';

function node(cpu: string | undefined, pods: string | undefined, schedulable = true): DetectedNode {
  const allocatable: Record<string, string> = {};
  if (cpu !== undefined) allocatable.cpu = cpu;
  if (pods !== undefined) allocatable.pods = pods;
  return {
    name: 'n',
    schedulable,
    roles: [],
    allocatable,
    kubeletVersion: 'v1.26.1',
    containerRuntimeVersion: 'containerd://1.6.20',
    osImage: 'Debian',
  };
}

describe('chooseConcurrency', () => {
  test('the single 2-CPU real node (110 pods) runs 6 cases at once, and says why', () => {
    expect(chooseConcurrency([node('2', '110')])).toEqual({
      concurrency: 6,
      reason: `from the cluster: 1 schedulable node, 2 allocatable CPU × 3 = 6, 110 allocatable pods ÷ ${PODS_PER_SLOT} allow 6; bounds 2–16`,
    });
  });

  test('kind-config.yaml: the tainted control plane counts for nothing, two 4-CPU workers give 12 (pods bound)', () => {
    const choice = chooseConcurrency([node('8', '110', false), node('4', '110'), node('4', '110')]);
    // 24 by CPU, but 220 pods ÷ 18 = 12.
    expect(choice.concurrency).toBe(12);
  });

  test('millicores: 1900m allocatable (kubelet reserved) gives 5 slots', () => {
    expect(chooseConcurrency([node('1900m', '110')]).concurrency).toBe(5);
  });

  test('a tiny node still runs 2; nodes without allocatable CPU or none schedulable fall back to 2', () => {
    expect(chooseConcurrency([node('500m', '110')]).concurrency).toBe(MIN_SLOTS);
    expect(chooseConcurrency([node(undefined, undefined)]).concurrency).toBe(MIN_SLOTS);
    expect(chooseConcurrency([node('4', '110', false)]).concurrency).toBe(MIN_SLOTS);
    expect(chooseConcurrency([]).concurrency).toBe(MIN_SLOTS);
  });

  test('a big cluster stops at 16; a pod-starved node wins over the minimum but never goes below 1', () => {
    expect(chooseConcurrency(Array.from({ length: 20 }, () => node('16', '250'))).concurrency).toBe(
      MAX_SLOTS,
    );
    expect(chooseConcurrency([node('8', '20')]).concurrency).toBe(1);
    expect(chooseConcurrency([node('8', '40')]).concurrency).toBe(2);
  });

  test('within 1..16, never above the pods bound, and more schedulable capacity never lowers it', () => {
    const arbitraryNode = fc
      .record({
        cpu: fc.integer({ min: 0, max: 64_000 }),
        pods: fc.integer({ min: 0, max: 500 }),
        on: fc.boolean(),
      })
      .map(({ cpu, pods, on }) => node(`${cpu}m`, String(pods), on));
    fc.assert(
      fc.property(fc.array(arbitraryNode, { maxLength: 12 }), arbitraryNode, (nodes, extra) => {
        const base = chooseConcurrency(nodes).concurrency;
        expect(base).toBeGreaterThanOrEqual(1);
        expect(base).toBeLessThanOrEqual(MAX_SLOTS);
        const pods = nodes
          .filter((n) => n.schedulable)
          .reduce((sum, n) => sum + Number(n.allocatable.pods), 0);
        if (pods > 0) expect(base).toBeLessThanOrEqual(Math.max(1, Math.floor(pods / PODS_PER_SLOT)));
        const more = chooseConcurrency([...nodes, extra]).concurrency;
        if (!extra.schedulable) expect(more).toBe(base);
        else if (pods === 0 && Number(extra.allocatable.pods) > 0) return;
        else expect(more).toBeGreaterThanOrEqual(base);
      }),
    );
  });
});
