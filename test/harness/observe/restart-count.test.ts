import type { V1Pod } from '@kubernetes/client-node';
import type { PodView } from '../../../harness/observe/pod-history';
import { restartCountNeverDecreases } from '../../../harness/observe/probes';

function view(t: number, restartCount: number | undefined): PodView {
  const pod: V1Pod = {
    status:
      restartCount === undefined
        ? {}
        : { containerStatuses: [{ name: 'c', image: 'busybox', imageID: '', ready: false, restartCount }] },
  };
  return { t, pod, deleted: false };
}

describe('restartCountNeverDecreases', () => {
  test('counts that stay or grow are monotonic, views without the container are ignored', () => {
    expect(
      restartCountNeverDecreases([view(1, 0), view(2, undefined), view(3, 1), view(4, 1), view(5, 3)], 'c'),
    ).toEqual({
      kind: 'value',
      value: true,
    });
  });

  test('a count that goes down (a runtime that lost its state) is reported', () => {
    expect(restartCountNeverDecreases([view(1, 2), view(2, 0)], 'c')).toEqual({
      kind: 'value',
      value: false,
    });
  });

  test('a container never seen is missing, not a pass', () => {
    expect(restartCountNeverDecreases([view(1, undefined)], 'c').kind).toBe('missing');
  });
});
