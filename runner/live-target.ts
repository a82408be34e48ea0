import type { Family } from '../model/scenario';
import { DEFAULT_MODEL_OPTIONS, type ModelOptions } from '../model/expectation';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE, RUN_ID_LABEL } from '../model/labels';
import { detectCapabilities, type DetectedCluster } from '../harness/capabilities';
import { CleanupRegistry } from '../harness/cleanup';
import { systemClock, type Clock } from '../harness/clock';
import type { ClusterPort } from '../harness/cluster-port';
import { checkImagePullable, checkServerImage } from '../harness/image-preflight';
import { checkEnforcement } from '../harness/netpol/enforcement-canary';
import { netpolSctpAbsence } from '../model/networkpolicy/sctp';
import type { ClusterInfo } from '../reporting/report-types';
import type { ConformanceTarget } from './conformance-run';
import { caseExecutorFor } from './live-case-executor';
import type { PropertyDefinition } from './property-definition';

/** The families with properties that run server programs (ContainerScenario.server). */
const SERVER_IMAGE_FAMILIES: ReadonlySet<Family> = new Set(['probes', 'hooks', 'termination']);
/** The families that use the server image: those, and networkpolicy, whose SCTP is served and probed from it. */
const USES_SERVER_IMAGE: ReadonlySet<Family> = new Set([...SERVER_IMAGE_FAMILIES, 'networkpolicy']);

export interface LiveTargetOptions {
  runId: string;
  image: string;
  /** The server image (`--server-image`); undefined with `--server-image none`. */
  serverImage?: string;
  families: readonly Family[];
  signal: AbortSignal;
  keepTraces: boolean;
  modelOptions?: ModelOptions;
  clock?: Clock;
  /** Progress lines ("detecting capabilities ...") for the user. */
  log?: (line: string) => void;
}

export interface LiveTarget extends ConformanceTarget {
  cleanup: CleanupRegistry;
  detected: DetectedCluster;
}

export function clusterInfoOf(detected: DetectedCluster): ClusterInfo {
  return {
    serverVersion: detected.version,
    distribution: detected.distribution === 'unknown' ? undefined : detected.distribution,
    nodeImages: detected.nodes.map((node) => ({ node: node.name, image: node.osImage })),
    capabilities: detected.capabilities,
  };
}

/**
 * A cluster ready for properties: capabilities detected, the case image known to start on the nodes,
 * NetworkPolicy enforcement probed with a canary when that family runs (a CNI that ignores policies
 * must skip the family, not fail it).
 */
export async function openLiveTarget(port: ClusterPort, options: LiveTargetOptions): Promise<LiveTarget> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => undefined);
  log('detecting server version and capabilities ...');
  const detected = await detectCapabilities(port);
  log(`checking that the nodes can run ${options.image} ...`);
  // The server image's check runs alongside, only for the families with properties that use it: only those
  // properties are skipped when it fails.
  const serverImage = options.serverImage;
  const checksServer = options.families.some((family) => USES_SERVER_IMAGE.has(family));
  const [, serverImageProblem] = await Promise.all([
    checkImagePullable(port, { runId: options.runId, image: options.image, clock, signal: options.signal }),
    serverImage === undefined
      ? Promise.resolve('none (--server-image none)')
      : checksServer
        ? checkServerImage(port, { runId: options.runId, image: serverImage, clock, signal: options.signal })
        : Promise.resolve(`not checked: no ${[...USES_SERVER_IMAGE].join('/')} property runs`),
  ]);
  if (serverImageProblem === undefined) detected.capabilities.serverImage = serverImage;
  else {
    detected.capabilities.serverImageProblem = serverImageProblem;
    if (options.families.some((family) => SERVER_IMAGE_FAMILIES.has(family)))
      log(`the properties that need a server image are skipped: ${serverImageProblem}`);
  }
  if (options.families.includes('networkpolicy')) {
    const checked = detected.capabilities.serverImage;
    log(
      `checking that NetworkPolicy is enforced (canary deny-all policy)${checked === undefined ? '' : ' and that SCTP gets through'} ...`,
    );
    const result = await checkEnforcement(port, {
      namespace: `kp-${options.runId}-canary`.slice(0, 63),
      labels: { [RUN_ID_LABEL]: options.runId, [MANAGED_BY_LABEL]: MANAGED_BY_VALUE },
      image: options.image,
      serverImage: checked,
      signal: options.signal,
      clock,
    });
    if (result.outcome === 'probe-broken') detected.capabilities.networkPolicyProbeBroken = result.detail;
    else detected.capabilities.networkPolicyEnforced = result.outcome === 'enforced';
    log(`NetworkPolicy ${result.outcome.replace('-', ' ')}: ${result.detail}`);
    if (result.sctp !== undefined) {
      detected.capabilities.sctpTraffic = result.sctp.connected;
      if (!result.sctp.connected) detected.capabilities.sctpTrafficProblem = result.sctp.detail;
    }
    log(
      `NetworkPolicy: ${netpolSctpAbsence(detected.capabilities) ?? `SCTP cells probed (${result.sctp?.detail})`}`,
    );
  }
  const cleanup = new CleanupRegistry(port, { clock });
  const modelOptions = options.modelOptions ?? DEFAULT_MODEL_OPTIONS;
  return {
    cluster: clusterInfoOf(detected),
    clock,
    signal: options.signal,
    cleanup,
    detected,
    executorFor: <F extends Family>(definition: PropertyDefinition<F>) =>
      caseExecutorFor(definition, {
        port,
        capabilities: detected.capabilities,
        clock,
        modelOptions,
        runId: options.runId,
        image: options.image,
        signal: options.signal,
        cleanup,
        keepTraces: options.keepTraces,
      }),
  };
}
