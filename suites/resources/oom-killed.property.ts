/**
 * resources/oom-killed
 * - A container allocating more memory than its limit MUST be OOM-killed (reason OOMKilled), then
 *   restarted unless restartPolicy is Never (a pod whose only container was killed then fails); one
 *   allocating well under its limit MUST NOT be.
 *
 * generator: generators/resources-scenario.ts, other programs quiet, the first app container forced to a
 *   memory limit and an allocation beyond it or well under it, watched ≥ 35 s after it starts.
 * model rule: model/resources.ts expectResources — resources.oom-killed, resources.oom-restart-policy.
 * observation: harness/observe/resources.ts observeResources.
 * verdict: `*.oomKilled`, `*.restartCount`, `*.phase`.
 */
import fc from 'fast-check';
import { observeResources } from '../../harness/observe/resources';
import {
  expectResources,
  initSeconds,
  MEMORY_HEADROOM_MI,
  RESTART_MARGIN_SECONDS,
} from '../../model/resources';
import type { PropertyDefinition } from '../../runner/property-definition';
import { focusedResources, RESOURCES_BUDGET, placeable, withQuietPod } from './resources-focus';

export const oomKilled: PropertyDefinition<'resources'> = {
  id: 'resources/oom-killed',
  family: 'resources',
  statement:
    'A container allocating beyond its memory limit MUST be OOMKilled and restarted per restartPolicy; one well under MUST NOT be',
  arbitrary: (capabilities) =>
    focusedResources(
      capabilities,
      fc.record(
        {
          limitMi: fc.integer({ min: 48, max: 128 }),
          over: fc.boolean(),
          excessMi: fc.integer({ min: 16, max: 64 }),
        },
        { noNullPrototype: true },
      ),
      (scenario, { limitMi, over, excessMi }) => {
        const plain = placeable(scenario);
        const pod = withQuietPod(plain.pod, (c) => {
          const limit = c.resources.limits.memoryMi ?? limitMi;
          const request = Math.min(c.resources.requests.memoryMi ?? limit, limit);
          // Under: half the limit less the shell's headroom, so the model can decide "not killed".
          const allocate = over
            ? limit + excessMi
            : Math.max(1, Math.floor((limit - MEMORY_HEADROOM_MI) / 2));
          return {
            ...c,
            behaviour: { ...c.behaviour, allocateMemoryMi: allocate },
            resources: {
              requests: { ...c.resources.requests, memoryMi: request },
              limits: { ...c.resources.limits, memoryMi: limit },
            },
          };
        });
        const start = (initSeconds(pod) ?? 0) + pod.containers[0].behaviour.startDelaySeconds;
        return {
          ...plain,
          pod,
          observeSeconds: Math.max(scenario.observeSeconds, start + RESTART_MARGIN_SECONDS + 5),
        };
      },
    ),
  expect: expectResources,
  observe: observeResources,
  fields: ['*.oomKilled', '*.restartCount', '*.phase'],
  // The longest cases of the default run (a restart or an eviction to watch): 3 runs keep it within 10 minutes.
  budget: { ...RESOURCES_BUDGET, numRuns: 3 },
};
