import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { findLiveCluster } from '../harness/live-cluster';
import { DEFAULT_IMAGE, DEFAULT_SERVER_IMAGE } from '../runner/defaults';
import { DEFAULT_MODEL_OPTIONS } from '../model/expectation';
import { runConformance } from '../runner/conformance-run';
import { openLiveTarget } from '../runner/live-target';
import type { PropertyDefinition } from '../runner/property-definition';

/** Seconds jest allows a live property beyond its own budget: setup, cleanup and namespace deletion. */
const SETUP_AND_CLEANUP_SECONDS = 240;

/**
 * Asserts a property on the live cluster: registers a jest test that runs it on the cluster chosen by suites/live-setup.ts
 * (skipped, with the one line that setup printed, when there is none). The report of each property
 * goes to reports/npm-test-<run>/<property>/; a confirmed failure fails the test with its seed, path
 * and reproducer.
 */
/** KUBEPROP_SERVER_IMAGE as `kubeprop run` reads it ("none": no server image), else agnhost 2.43. */
function liveServerImage(): string | undefined {
  const image = process.env.KUBEPROP_SERVER_IMAGE ?? DEFAULT_SERVER_IMAGE;
  return image === 'none' ? undefined : image;
}

export function assertLiveProperty(definition: PropertyDefinition): void {
  const live = process.env.KUBEPROP_LIVE === '1';
  (live ? describe : describe.skip)(definition.id, () => {
    test(
      definition.statement,
      async () => {
        const found = await findLiveCluster();
        if ('skipReason' in found) throw new Error(found.skipReason);
        const runId = randomUUID().slice(0, 8);
        const controller = new AbortController();
        const target = await openLiveTarget(found.port, {
          runId,
          image: process.env.KUBEPROP_IMAGE ?? DEFAULT_IMAGE,
          serverImage: liveServerImage(),
          families: [definition.family],
          signal: controller.signal,
          keepTraces: true,
        });
        try {
          const seed = Number(process.env.KUBEPROP_SEED ?? Date.now() % 2 ** 31);
          // A copy is checked structurally: PropertyDefinition<F> is not assignable to PropertyDefinition as such.
          const result = await runConformance([definition], target, {
            runId,
            seed,
            families: [definition.family],
            propertyIds: [definition.id],
            runs: process.env.KUBEPROP_RUNS === undefined ? undefined : Number(process.env.KUBEPROP_RUNS),
            concurrency: Number(process.env.KUBEPROP_CONCURRENCY ?? 2),
            image: process.env.KUBEPROP_IMAGE ?? DEFAULT_IMAGE,
            reportDir: join('reports', `npm-test-${runId}`, definition.id.replace('/', '-')),
            knownIssues: [],
            keepTraces: true,
            modelOptions: DEFAULT_MODEL_OPTIONS,
            kubepropVersion: 'npm-test',
          });
          const end = result.outcomes[0]?.end;
          const failure =
            end?.verdict === 'fail'
              ? `${definition.id} failed (seed ${seed}, path ${end.path}); reproducer ${end.counterexample?.reproducerPath}: ` +
                end.counterexample?.failedFields.map((f) => `${f.field}: ${f.detail}`).join('; ')
              : undefined;
          expect(failure).toBeUndefined();
        } finally {
          await target.cleanup.runAll();
        }
      },
      (definition.budget.totalSeconds + SETUP_AND_CLEANUP_SECONDS) * 1000,
    );
  });
}
