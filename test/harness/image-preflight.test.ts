import type { V1ContainerState, V1Namespace, V1Pod } from '@kubernetes/client-node';
import type { Clock } from '../../harness/clock';
import type { CreateResult, ManagedObject } from '../../harness/cluster-port';
import { UserFacingError } from '../../harness/errors';
import { checkImagePullable } from '../../harness/image-preflight';

/** A cluster whose only pod goes through the given container states, one per read. */
function clusterWith(states: V1ContainerState[]) {
  const calls: string[] = [];
  let reads = 0;
  return {
    calls,
    createNamespace: async (ns: V1Namespace) => (calls.push(`createNamespace ${ns.metadata?.name}`), ns),
    create: async (_ns: string, object: ManagedObject): Promise<CreateResult> => {
      calls.push(`create ${object.metadata?.name}`);
      return { ok: true, object, warnings: [] };
    },
    readPod: async (): Promise<V1Pod> => {
      const state = states[Math.min(reads, states.length - 1)];
      reads += 1;
      return {
        status: {
          containerStatuses: [
            { name: 'image-check', image: 'x', imageID: '', ready: false, restartCount: 0, state },
          ],
        },
      };
    },
    deleteNamespace: async (name: string) => void calls.push(`deleteNamespace ${name}`),
  };
}

function virtualClock(): Clock {
  let now = 0;
  return { now: () => now, sleep: async (ms) => void (now += ms) };
}

const options = {
  runId: 'r1',
  image: 'registry.example/busybox:1.36.1',
  signal: new AbortController().signal,
};

describe('checkImagePullable', () => {
  test('an image the nodes pull and start passes, and the scratch namespace is removed', async () => {
    const cluster = clusterWith([{ waiting: { reason: 'ContainerCreating' } }, { running: {} }]);
    await checkImagePullable(cluster, { ...options, clock: virtualClock() });
    expect(cluster.calls).toEqual([
      'createNamespace kp-r1-image',
      'create image-check',
      'deleteNamespace kp-r1-image',
    ]);
  });

  test.each(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName'])(
    '%s is one environment error naming the image and the fix',
    async (reason) => {
      const cluster = clusterWith([
        { waiting: { reason: 'ContainerCreating' } },
        { waiting: { reason, message: 'not found' } },
      ]);
      const error = await checkImagePullable(cluster, { ...options, clock: virtualClock() }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UserFacingError);
      expect((error as UserFacingError).exitCode).toBe(3);
      expect((error as UserFacingError).message).toContain(
        `cannot pull image ${options.image} (${reason}: not found)`,
      );
      expect((error as UserFacingError).message).toContain('--image');
      expect(cluster.calls).toContain('deleteNamespace kp-r1-image');
    },
  );

  test('an image that never starts times out with the last state seen', async () => {
    const cluster = clusterWith([{ waiting: { reason: 'ContainerCreating' } }]);
    const error = await checkImagePullable(cluster, {
      ...options,
      clock: virtualClock(),
      deadlineMs: 5000,
    }).catch((e: unknown) => e);
    expect((error as UserFacingError).message).toMatch(
      /did not start within 5 s \(last state: .*ContainerCreating/,
    );
    expect(cluster.calls).toContain('deleteNamespace kp-r1-image');
  });
});
