import { defaultCapabilities, LATEST_VERSION, type ServerVersion } from '../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS, type ModelOptions } from '../../model/expectation';
import type { Family } from '../../model/scenario';
import { CleanupRegistry } from '../../harness/cleanup';
import { createFakeAdmission, createQuotaUsage } from '../../harness/fake/admission';
import type { FakeDefect } from '../../harness/fake/defects';
import { procMountTypeDefault, unmaskedKept } from '../../harness/fake/admission/proc-mount';
import { FakeCluster, type FakeClusterOptions } from '../../harness/fake/fake-cluster';
import { createFakeKubelet } from '../../harness/fake/kubelet/fake-kubelet';
import { AutoAdvancingClock } from '../../harness/fake/virtual-clock';
import type { ConformanceTarget } from '../../runner/conformance-run';
import { caseExecutorFor } from '../../runner/live-case-executor';
import type { PropertyDefinition } from '../../runner/property-definition';

export interface FakeTargetOptions {
  defects?: FakeDefect[];
  seed?: number;
  serverVersion?: ServerVersion;
  /** Extra FakeCluster options (faults, nodes, ...). */
  cluster?: Partial<FakeClusterOptions>;
  signal?: AbortSignal;
  networkPolicyEnforced?: boolean;
  /** Model knobs (default DEFAULT_MODEL_OPTIONS); virtual time is exact, so tests may narrow the slack. */
  modelOptions?: ModelOptions;
  /** Keep every case's raw trace in its report (to re-judge it offline). */
  keepTraces?: boolean;
  /** The server image the fake runs agnhost programs from (default "agnhost:test"); null: none. */
  serverImage?: string | null;
  /** The fake API server's ProcMountType gate (default: its default on the server version). */
  procMountType?: boolean;
  /**
   * Whether the fake node's kernel has SCTP (default true). The capabilities say what the enforcement
   * canary would: SCTP traffic when the node has it and a server image is given.
   */
  sctp?: boolean;
}

export interface FakeTarget extends ConformanceTarget {
  fake: FakeCluster;
  clock: AutoAdvancingClock;
  cleanup: CleanupRegistry;
}

/**
 * A conformance target backed by the in-memory fake cluster in virtual time, with the simulated
 * kubelet and admission plugins (optionally with seeded defects): the same executor as a live run.
 */
export function fakeTarget(options: FakeTargetOptions = {}): FakeTarget {
  const clock = new AutoAdvancingClock();
  const version = options.serverVersion ?? LATEST_VERSION;
  const defects = options.defects ?? [];
  const gate = options.procMountType ?? procMountTypeDefault(version);
  const fake = new FakeCluster({
    clock,
    serverVersion: version,
    kubelet: createFakeKubelet({ defects, seed: options.seed ?? 1, sctp: options.sctp ?? true }),
    admission: createFakeAdmission({ defects, serverVersion: version, procMountType: gate }),
    quotaUsage: createQuotaUsage({ defects }),
    defects,
    ...options.cluster,
  });
  const capabilities = {
    ...defaultCapabilities(version),
    // What the capability probe finds on this fake (test/harness/capabilities.test.ts).
    procMount: unmaskedKept(gate, version),
    networkPolicyEnforced: options.networkPolicyEnforced ?? true,
    ...(options.serverImage === null
      ? { serverImageProblem: 'none (--server-image none)' }
      : {
          serverImage: options.serverImage ?? 'agnhost:test',
          ...(options.sctp === false
            ? { sctpTraffic: false, sctpTrafficProblem: "the node's kernel has no SCTP" }
            : { sctpTraffic: true }),
        }),
  };
  const cleanup = new CleanupRegistry(fake, { clock });
  const signal = options.signal ?? new AbortController().signal;
  return {
    fake,
    clock,
    cleanup,
    signal,
    cluster: { serverVersion: version, distribution: 'fake', nodeImages: [], capabilities },
    executorFor: <F extends Family>(definition: PropertyDefinition<F>) =>
      caseExecutorFor(definition, {
        port: fake,
        capabilities,
        clock,
        modelOptions: options.modelOptions ?? DEFAULT_MODEL_OPTIONS,
        runId: 'fake',
        image: 'busybox:test',
        signal,
        cleanup,
        keepTraces: options.keepTraces ?? false,
      }),
  };
}
