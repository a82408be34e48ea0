import { poststartFailing } from '../../suites/hooks/poststart-failing.property';
import { initFailure } from '../../suites/init/failure.property';
import { grpcUnservedFails } from '../../suites/probes/grpc-unserved-fails.property';
import { readyAfterStartup } from '../../suites/probes/ready-after-startup.property';
import { startupGates } from '../../suites/probes/startup-gates.property';
import type { PropertyDefinition } from '../../runner/property-definition';
import { failures, runOnFake } from './fake-run';

/**
 * A busy node (a loaded real v1.26.1 node: FailedScheduling first, the pod bound seconds later) delays
 * the observe windows, which count from the pod's first start as observed (harness/observe/watch-window.ts):
 * the properties still judge the pod, or call it inconclusive with the reason, never fail.
 */
describe('observe windows on a busy node', () => {
  it.each([
    ['probes/startup-gates', startupGates],
    ['probes/ready-after-startup', readyAfterStartup],
    ['hooks/poststart-failing', poststartFailing],
    ['init/failure', initFailure],
  ] as [string, PropertyDefinition][])(
    '%s: a pod scheduled 12 s late is judged from its start, not failed',
    async (_id, definition) => {
      const run = await runOnFake(definition, { runs: 4, seed: 3, kubelet: { busySchedulingSeconds: 12 } });
      expect(failures(run)).toEqual([]);
      expect(run.end.verdict).toBe('pass');
    },
  );

  it("a pod the busy node never schedules within the harness's wait is inconclusive with the reason", async () => {
    const run = await runOnFake(startupGates, { runs: 1, seed: 3, kubelet: { busySchedulingSeconds: 600 } });
    const [first] = run.cases;
    expect(first.verdict.outcome).toBe('inconclusive');
    expect(JSON.stringify(first.verdict.diff)).toContain('FailedScheduling');
  });

  it('grpc-unserved-fails: a kill before the first instance wrote its start marker is timed from that instance', async () => {
    const run = await runOnFake(grpcUnservedFails, { runs: 10, seed: 7 });
    expect(failures(run)).toEqual([]);
    expect(run.end.verdict).toBe('pass');
  });
});
