/**
 * resources/ephemeral-eviction
 * - A pod whose containers write more ephemeral storage than their limits MUST be evicted: phase
 *   Failed, reason Evicted, a message naming the exceeded limit; one writing well under MUST NOT be.
 *
 * generator: generators/resources-scenario.ts, other programs quiet, the first app container forced to
 *   an ephemeral-storage limit and writes beyond it or well under it, watched ≥ 35 s after it starts.
 * model rule: model/resources.ts expectResources / ephemeralEviction — resources.ephemeral-eviction.
 * observation: harness/observe/resources.ts observeResources.
 * verdict: `*.evicted`, `*.phase`, `*.statusReason`, `*.statusMessage`.
 */
import fc from 'fast-check';
import { observeResources } from '../../harness/observe/resources';
import { EVICTION_MARGIN_SECONDS, expectResources, initSeconds } from '../../model/resources';
import type { PropertyDefinition } from '../../runner/property-definition';
import { focusedResources, RESOURCES_BUDGET, placeable, withQuietPod } from './resources-focus';

export const ephemeralEviction: PropertyDefinition<'resources'> = {
  id: 'resources/ephemeral-eviction',
  family: 'resources',
  statement:
    'A pod writing beyond its ephemeral-storage limits MUST be evicted (Failed, Evicted, naming the limit); one well under MUST NOT be',
  arbitrary: (capabilities) =>
    focusedResources(
      capabilities,
      fc.record(
        {
          limitMi: fc.integer({ min: 8, max: 64 }),
          over: fc.boolean(),
          excessMi: fc.integer({ min: 4, max: 32 }),
        },
        { noNullPrototype: true },
      ),
      (scenario, { limitMi, over, excessMi }) => {
        const plain = placeable(scenario);
        const pod = withQuietPod(plain.pod, (c) => {
          const limit = c.resources.limits.ephemeralStorageMi ?? limitMi;
          const request = Math.min(c.resources.requests.ephemeralStorageMi ?? limit, limit);
          const write = over ? limit + excessMi : Math.max(1, Math.floor(limit / 4));
          return {
            ...c,
            behaviour: { ...c.behaviour, writeEphemeralMi: write },
            resources: {
              requests: { ...c.resources.requests, ephemeralStorageMi: request },
              limits: { ...c.resources.limits, ephemeralStorageMi: limit },
            },
          };
        });
        const latestStart =
          (initSeconds(pod) ?? 0) + Math.max(...pod.containers.map((c) => c.behaviour.startDelaySeconds));
        return {
          ...plain,
          pod,
          observeSeconds: Math.max(scenario.observeSeconds, latestStart + EVICTION_MARGIN_SECONDS + 5),
        };
      },
    ),
  expect: expectResources,
  observe: observeResources,
  fields: ['*.evicted', '*.phase', '*.statusReason', '*.statusMessage'],
  // The longest cases of the default run (a restart or an eviction to watch): 3 runs keep it within 10 minutes.
  budget: { ...RESOURCES_BUDGET, numRuns: 3 },
};
