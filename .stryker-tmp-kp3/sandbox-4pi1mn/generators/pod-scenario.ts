// @ts-nocheck
import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import type { ContainerScenario, HookHandler, PodScenario, RestartPolicy } from '../model/scenario';
import { containerScenario, type ContainerScenarioConstraints } from './container-scenario';
import type { QosTarget } from './container-resources';
import { placeInPortBlock } from './port-plan';

export interface PodScenarioConstraints {
  capabilities: Capabilities;
  /** Pod name (default "pod"). */
  name?: string;
  minContainers?: number;
  /** Default 3. */
  maxContainers?: number;
  minInitContainers?: number;
  /** Default 3. */
  maxInitContainers?: number;
  hooks?: boolean;
  probes?: boolean;
  /** Whether app containers exit on their own: see ContainerBehaviourConstraints. */
  exits?: ContainerScenarioConstraints['exits'];
  restartPolicies?: readonly RestartPolicy[];
  /** Largest generated terminationGracePeriodSeconds (default 10: live cases stay short). */
  maxGraceSeconds?: number;
  /** QoS classes to aim at (default all three). */
  qos?: readonly QosTarget[];
  extendedResources?: readonly string[];
  maxSeconds?: number;
}

/** The default grace period the API server fills in (pkg/apis/core/v1/defaults.go SetDefaults_PodSpec). */
export const DEFAULT_GRACE_SECONDS = 30;

/**
 * Sleep hooks must not outlast the pod's grace period, the defaulted one included
 * (pkg/apis/core/validation/validation.go validateSleepAction); without sleepZero a zero-length sleep
 * is invalid, so a sleep that cannot fit becomes an exec hook of no duration.
 */
function fitSleep(
  handler: HookHandler | undefined,
  grace: number,
  capabilities: Capabilities,
): HookHandler | undefined {
  if (handler?.kind !== 'sleep' || handler.seconds <= grace) return handler;
  if (grace === 0 && !capabilities.sleepZero) return { kind: 'exec', durationSeconds: 0, exitCode: 0 };
  return { kind: 'sleep', seconds: grace };
}

function fitSleeps(
  container: ContainerScenario,
  grace: number,
  capabilities: Capabilities,
): ContainerScenario {
  const { postStart, preStop } = container.lifecycle;
  if (postStart?.kind !== 'sleep' && preStop?.kind !== 'sleep') return container;
  const lifecycle: ContainerScenario['lifecycle'] = {};
  const fittedPostStart = fitSleep(postStart, grace, capabilities);
  const fittedPreStop = fitSleep(preStop, grace, capabilities);
  if (fittedPostStart) lifecycle.postStart = fittedPostStart;
  if (fittedPreStop) lifecycle.preStop = fittedPreStop;
  return { ...container, lifecycle };
}

/**
 * A pod: 1-3 app containers, 0-3 init containers (sidecars where supported), restart policy, grace
 * period biased to small values with 0 included and sometimes absent. Container names are unique
 * DNS-1123 labels and ports are unique across the pod, both by construction.
 */
export function podScenario(constraints: PodScenarioConstraints): fc.Arbitrary<PodScenario> {
  const { capabilities } = constraints;
  const name = constraints.name ?? 'pod';
  const qosTargets = constraints.qos ?? ['BestEffort', 'Burstable', 'Guaranteed'];
  const containerOf = (role: 'app' | 'init' | 'sidecar', qos: QosTarget) =>
    containerScenario({
      capabilities,
      role,
      qos,
      hooks: constraints.hooks,
      probes: constraints.probes,
      exits: constraints.exits,
      extendedResources: constraints.extendedResources,
      maxSeconds: constraints.maxSeconds,
    });
  // Sidecars exist only where restartable init containers are supported (KEP-753).
  const initContainer = (qos: QosTarget) =>
    capabilities.sidecars
      ? fc.oneof(containerOf('init', qos), containerOf('sidecar', qos))
      : containerOf('init', qos);
  // One QoS target for the whole pod: per-container choices would almost never give BestEffort or Guaranteed pods.
  const podFor = (qos: QosTarget) =>
    fc
      .record(
        {
          restartPolicy: fc.constantFrom(
            ...(constraints.restartPolicies ?? (['Always', 'OnFailure', 'Never'] as const)),
          ),
          terminationGracePeriodSeconds: fc.option(
            fc.integer({ min: 0, max: constraints.maxGraceSeconds ?? 10 }),
            {
              nil: undefined,
              freq: 8,
            },
          ),
          initContainers: fc.array(initContainer(qos), {
            minLength: constraints.minInitContainers ?? 0,
            maxLength: constraints.maxInitContainers ?? 3,
          }),
          containers: fc.array(containerOf('app', qos), {
            minLength: constraints.minContainers ?? 1,
            maxLength: constraints.maxContainers ?? 3,
          }),
        },
        { noNullPrototype: true },
      )
      .map(({ terminationGracePeriodSeconds: grace, initContainers, containers, restartPolicy }) => {
        const effectiveGrace = grace ?? DEFAULT_GRACE_SECONDS;
        const place = (container: ContainerScenario, index: number, containerName: string) =>
          fitSleeps(
            { ...placeInPortBlock(container, index), name: containerName },
            effectiveGrace,
            capabilities,
          );
        const pod: PodScenario = {
          name,
          restartPolicy,
          initContainers: initContainers.map((c, i) =>
            place(c, i, c.restartPolicy ? `sidecar-${i}` : `init-${i}`),
          ),
          containers: containers.map((c, i) => place(c, initContainers.length + i, `app-${i}`)),
          labels: { app: name },
        };
        if (grace !== undefined) pod.terminationGracePeriodSeconds = grace;
        return pod;
      });
  return fc.oneof(...qosTargets.map(podFor));
}
