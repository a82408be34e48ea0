import type { ResourcesScenario } from '../../model/scenario';
import {
  EVICTION_MANAGER_KEY,
  EXTENDED_CAPACITY_KEY,
  sharedClusterState,
} from '../../harness/shared-cluster-state';
import { container, pod } from '../model/builders';

const resources = (overrides: Partial<ResourcesScenario>, writeEphemeralMi?: number): ResourcesScenario => ({
  family: 'resources',
  pod: pod([container('c', {}, writeEphemeralMi === undefined ? {} : { writeEphemeralMi })]),
  observeSeconds: 30,
  ...overrides,
});

describe('sharedClusterState', () => {
  test('extended-resource cases and eviction cases each take their key; other cases take none', () => {
    const dongles = { extendedCapacity: { resource: 'example.com/dongle', perNode: 4 } };
    expect(sharedClusterState(resources(dongles))).toEqual([EXTENDED_CAPACITY_KEY]);
    expect(sharedClusterState(resources({}, 80))).toEqual([EVICTION_MANAGER_KEY]);
    expect(sharedClusterState(resources(dongles, 80))).toEqual([EXTENDED_CAPACITY_KEY, EVICTION_MANAGER_KEY]);
    expect(sharedClusterState(resources({}))).toEqual([]);
    expect(
      sharedClusterState({
        family: 'termination',
        pod: pod([container('c')]),
        delete: { afterRunningSeconds: 1 },
        withService: false,
      }),
    ).toEqual([]);
  });
});
