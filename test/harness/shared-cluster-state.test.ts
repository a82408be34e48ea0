import type { ResourcesScenario } from '../../model/scenario';
import { NODE_STATE_KEY, sharedClusterState } from '../../harness/shared-cluster-state';
import { container, pod } from '../model/builders';

const resources = (overrides: Partial<ResourcesScenario>, writeEphemeralMi?: number): ResourcesScenario => ({
  family: 'resources',
  pod: pod([container('c', {}, writeEphemeralMi === undefined ? {} : { writeEphemeralMi })]),
  observeSeconds: 30,
  ...overrides,
});

describe('sharedClusterState', () => {
  test('extended-resource and eviction cases share the node-wide key; other cases take none', () => {
    expect(
      sharedClusterState(resources({ extendedCapacity: { resource: 'example.com/dongle', perNode: 4 } })),
    ).toBe(NODE_STATE_KEY);
    expect(sharedClusterState(resources({}, 80))).toBe(NODE_STATE_KEY);
    expect(sharedClusterState(resources({}))).toBeUndefined();
    expect(
      sharedClusterState({
        family: 'termination',
        pod: pod([container('c')]),
        delete: { afterRunningSeconds: 1 },
        withService: false,
      }),
    ).toBeUndefined();
  });
});
