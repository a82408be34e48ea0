// @ts-nocheck
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  defaultNodePatchFile,
  patchNodeCapacityRecorded,
  readNodePatches,
  recordNodePatch,
  restoreNodePatches,
} from '../../harness/node-patches';
import { StubPort } from './support/stub-port';

const DONGLE = 'example.com/dongle';
const CLUSTER = 'https://127.0.0.1:6443';

function setup(): { port: StubPort; file: string } {
  const port = new StubPort();
  port.nodes = [
    { metadata: { name: 'w1' }, status: { capacity: { cpu: '8', [DONGLE]: '2' } } },
    { metadata: { name: 'w2' }, status: { capacity: { cpu: '8' } } },
  ];
  return {
    port,
    file: path.join(mkdtempSync(path.join(tmpdir(), 'kubeprop-patches-')), 'node-patches.json'),
  };
}

describe('node capacity patches', () => {
  test('the state file lives under KUBEPROP_STATE_DIR or ~/.kubeprop', () => {
    expect(defaultNodePatchFile({ KUBEPROP_STATE_DIR: '/state' }, '/home/u')).toBe(
      '/state/node-patches.json',
    );
    expect(defaultNodePatchFile({}, '/home/u')).toBe('/home/u/.kubeprop/node-patches.json');
  });

  test('records the original before patching, and restore puts it back', async () => {
    const { port, file } = setup();
    await patchNodeCapacityRecorded(
      port,
      { cluster: CLUSTER, node: 'w1', resource: DONGLE, count: 4, runId: 'r1' },
      file,
    );
    await patchNodeCapacityRecorded(
      port,
      { cluster: CLUSTER, node: 'w1', resource: DONGLE, count: 6, runId: 'r1' },
      file,
    );
    await patchNodeCapacityRecorded(
      port,
      { cluster: CLUSTER, node: 'w2', resource: DONGLE, count: 1, runId: 'r1' },
      file,
    );
    expect(port.nodes[0].status?.capacity?.[DONGLE]).toBe('6');
    // The first record keeps the true original (2), not the value of kubeprop's own first patch.
    expect(readNodePatches(file).map((record) => [record.node, record.original])).toEqual([
      ['w1', 2],
      ['w2', null],
    ]);
    const restored = await restoreNodePatches(port, { cluster: CLUSTER, file });
    expect(restored).toHaveLength(2);
    expect(port.nodes[0].status?.capacity?.[DONGLE]).toBe('2');
    expect(port.nodes[1].status?.capacity?.[DONGLE]).toBeUndefined();
    expect(readNodePatches(file)).toEqual([]);
  });

  test('restore is limited to the cluster and run asked for', async () => {
    const { port, file } = setup();
    recordNodePatch({ cluster: CLUSTER, node: 'w1', resource: DONGLE, original: 2, runId: 'r1' }, file);
    recordNodePatch({ cluster: CLUSTER, node: 'w2', resource: DONGLE, original: null, runId: 'r2' }, file);
    recordNodePatch({ cluster: 'https://other:6443', node: 'w1', resource: DONGLE, original: 9 }, file);
    const restored = await restoreNodePatches(port, { cluster: CLUSTER, runId: 'r2', file });
    expect(restored.map((record) => record.node)).toEqual(['w2']);
    expect(readNodePatches(file).map((record) => [record.cluster, record.runId])).toEqual([
      [CLUSTER, 'r1'],
      ['https://other:6443', undefined],
    ]);
  });

  test('a node that no longer exists is forgotten without error', async () => {
    const { port, file } = setup();
    recordNodePatch({ cluster: CLUSTER, node: 'gone', resource: DONGLE, original: null }, file);
    await expect(restoreNodePatches(port, { cluster: CLUSTER, file })).resolves.toHaveLength(1);
    expect(readNodePatches(file)).toEqual([]);
  });
});
