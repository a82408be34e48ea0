import type { V1Pod } from '@kubernetes/client-node';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE, RUN_ID_LABEL } from '../model/labels';
import type { Clock } from './clock';
import type { ClusterPort } from './cluster-port';
import { environmentProblem } from './errors';

/** Waiting reasons that mean the kubelet cannot get the image (pkg/kubelet/images: ErrImagePull and friends). */
const PULL_FAILURES = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull']);

/** A first pull of busybox over a slow link takes seconds; minutes means something is wrong. */
const DEFAULT_DEADLINE_MS = 180_000;
const POLL_MS = 1000;

export interface ImagePreflightOptions {
  runId: string;
  image: string;
  clock: Clock;
  signal: AbortSignal;
  deadlineMs?: number;
  /** The check pod's container beyond its image (default: busybox's `sh -c true`). */
  run?: { command?: string[]; args?: string[] };
  /** The scratch namespace's suffix (default "image"). */
  suffix?: string;
  /** The option that chose the image, named in the fix (default --image). */
  flag?: string;
}

type PreflightPort = Pick<ClusterPort, 'createNamespace' | 'create' | 'readPod' | 'deleteNamespace'>;

function pullFailure(pod: V1Pod | undefined): string | undefined {
  const waiting = pod?.status?.containerStatuses?.[0]?.state?.waiting;
  if (waiting?.reason === undefined || !PULL_FAILURES.has(waiting.reason)) return undefined;
  return waiting.message ? `${waiting.reason}: ${waiting.message}` : waiting.reason;
}

function started(pod: V1Pod | undefined): boolean {
  const state = pod?.status?.containerStatuses?.[0]?.state;
  return state?.running !== undefined || state?.terminated !== undefined;
}

/**
 * Runs one pod with the case image before any property, so that an image the nodes cannot pull is one
 * clear message (naming the image and the fix) instead of every case ending inconclusive. The
 * scratch namespace is labelled like every kubeprop namespace and deleted whatever happens.
 */
export async function checkImagePullable(port: PreflightPort, options: ImagePreflightOptions): Promise<void> {
  const namespace = `kp-${options.runId}-${options.suffix ?? 'image'}`.toLowerCase().slice(0, 63);
  const labels = { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE, [RUN_ID_LABEL]: options.runId };
  await port.createNamespace({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels } });
  try {
    const created = await port.create(namespace, {
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { name: 'image-check', namespace, labels },
      spec: {
        restartPolicy: 'Never',
        terminationGracePeriodSeconds: 0,
        containers: [
          {
            name: 'image-check',
            image: options.image,
            ...(options.run ?? { command: ['sh', '-c', 'true'] }),
          },
        ],
      },
    });
    if (!created.ok) {
      throw environmentProblem(
        `the image check pod was rejected (${created.body.message ?? created.status}): the cluster must admit a plain busybox pod in a kubeprop namespace`,
      );
    }
    const deadline = options.clock.now() + (options.deadlineMs ?? DEFAULT_DEADLINE_MS);
    for (;;) {
      const pod = await port.readPod(namespace, 'image-check');
      const failure = pullFailure(pod);
      if (failure !== undefined) {
        throw environmentProblem(
          `the nodes cannot pull image ${options.image} (${failure}): pass ${options.flag ?? '--image'} with a reachable mirror, or load a local copy into kind with "kubeprop cluster up --load-image ${options.image}"`,
        );
      }
      if (started(pod)) return;
      if (options.clock.now() >= deadline) {
        throw environmentProblem(
          `image ${options.image} did not start within ${Math.round((options.deadlineMs ?? DEFAULT_DEADLINE_MS) / 1000)} s (last state: ${JSON.stringify(pod?.status?.containerStatuses?.[0]?.state ?? pod?.status?.phase ?? 'unknown')}): check that the nodes can pull it, or pass ${options.flag ?? '--image'}`,
        );
      }
      await options.clock.sleep(POLL_MS, options.signal);
    }
  } finally {
    await port.deleteNamespace(namespace);
  }
}

/**
 * Whether the nodes run the server image (agnhost: its `pause` program, which runs until stopped), as the
 * properties that need it will: undefined when it started, else the one-line reason those properties are
 * skipped with. A server image that cannot run never fails the run.
 */
export async function checkServerImage(
  port: PreflightPort,
  options: Omit<ImagePreflightOptions, 'run' | 'suffix' | 'flag'>,
): Promise<string | undefined> {
  try {
    await checkImagePullable(port, {
      ...options,
      run: { args: ['pause'] },
      suffix: 'server-image',
      flag: '--server-image',
    });
    return undefined;
  } catch (error) {
    if (options.signal.aborted) throw error;
    return error instanceof Error ? error.message : String(error);
  }
}
