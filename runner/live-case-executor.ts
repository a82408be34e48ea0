import type { Capabilities } from '../model/capabilities';
import type { ModelOptions } from '../model/expectation';
import type { Family } from '../model/scenario';
import type { TraceEntry } from '../model/trace';
import type { Clock } from '../harness/clock';
import type { CleanupRegistry } from '../harness/cleanup';
import type { ClusterPort } from '../harness/cluster-port';
import { runCase, type CaseRun } from '../harness/run-case';
import { judgeRecordedCase, unreliabilityOf } from '../verdicts/case-verdict';
import type { CaseExecutor } from './case-executor';
import type { PropertyDefinition } from './property-definition';
import { caseWaitsMs } from './run-efficiency';

/** Everything a case needs from the run it belongs to. */
export interface CaseEnvironment {
  port: ClusterPort;
  capabilities: Capabilities;
  clock: Clock;
  modelOptions: ModelOptions;
  runId: string;
  image: string;
  signal: AbortSignal;
  cleanup: CleanupRegistry;
  /** Keep raw traces in case reports (needed to re-reduce observations offline). */
  keepTraces: boolean;
  onTrace?: (caseId: string, entry: TraceEntry) => void;
  /** Each case's run as the harness returns it (benchmarks read its waits). */
  onCaseRun?: (family: Family, run: CaseRun) => void;
}

/** Model → deploy and observe → reduce → judge, for one scenario of one property. */
export function caseExecutorFor<F extends Family>(
  definition: PropertyDefinition<F>,
  environment: CaseEnvironment,
): CaseExecutor<F> {
  return async (scenario, caseId, attempt) => {
    const expectation = definition.expect(scenario, environment.capabilities, environment.modelOptions);
    const run = await runCase(environment.port, scenario, expectation, {
      runId: environment.runId,
      caseId,
      image: environment.image,
      clock: environment.clock,
      signal: environment.signal,
      caseDeadlineSeconds: definition.budget.caseSeconds,
      cleanup: environment.cleanup,
      // The slot frees when the observation is complete; the run settles the registry at its end.
      cleanupInBackground: true,
      capabilities: environment.capabilities,
      onTrace: environment.onTrace ? (entry) => environment.onTrace?.(caseId, entry) : undefined,
    });
    environment.onCaseRun?.(definition.family, run);
    const observation = definition.observe(run.trace, scenario);
    // Decided from the trace alone, as `kubeprop judge` decides it (reporting/judge-report.ts).
    const verdict = judgeRecordedCase(
      expectation,
      observation,
      definition.fields,
      unreliabilityOf(run.trace),
    );
    return {
      id: caseId,
      scenario,
      objects: run.objects,
      observation,
      expectation,
      verdict,
      attempt,
      durationMs: run.endedAt - run.startedAt,
      waitedMs: caseWaitsMs(run),
      trace: environment.keepTraces ? run.trace : undefined,
    };
  };
}
