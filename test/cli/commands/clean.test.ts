import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runClean } from '../../../cli/commands/clean';
import { EXIT_BAD_INPUT, EXIT_ENVIRONMENT, UserFacingError } from '../../../harness/errors';
import { readNodePatches, recordNodePatch } from '../../../harness/node-patches';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE, RUN_ID_LABEL } from '../../../model/labels';
import { StubPort } from '../../harness/support/stub-port';

const SERVER = 'https://127.0.0.1:6443';

function setup(): { port: StubPort; stateFile: string } {
  const port = new StubPort();
  port.addNamespace('kp-a', { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE, [RUN_ID_LABEL]: 'r1' });
  port.addNamespace('keep-me', {});
  port.addCustomResourceDefinition('widgets-kp-a.kubeprop.test', {
    [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
    [RUN_ID_LABEL]: 'r1',
  });
  port.addPriorityClass('kp-a-high', { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE, [RUN_ID_LABEL]: 'r1' });
  port.nodes = [{ metadata: { name: 'w1' }, status: { capacity: { 'example.com/dongle': '4' } } }];
  const stateFile = path.join(mkdtempSync(path.join(tmpdir(), 'kubeprop-clean-')), 'node-patches.json');
  recordNodePatch(
    { cluster: SERVER, node: 'w1', resource: 'example.com/dongle', original: null, runId: 'r1' },
    stateFile,
  );
  return { port, stateFile };
}

describe('kubeprop clean', () => {
  test('sweeps labelled namespaces, CRDs and PriorityClasses and restores node patches of the cluster', async () => {
    const { port, stateFile } = setup();
    const lines: string[] = [];
    await runClean(
      { stateFile },
      async () => ({ port, server: SERVER }),
      (line) => lines.push(line),
    );
    expect([...port.namespaces.keys()]).toEqual(['keep-me']);
    expect([...port.crds.keys()]).toEqual([]);
    expect([...port.priorityClasses.keys()]).toEqual([]);
    expect(port.nodes[0].status?.capacity?.['example.com/dongle']).toBeUndefined();
    expect(readNodePatches(stateFile)).toEqual([]);
    expect(lines).toEqual([
      'deleted 1 namespace(s), 1 custom resource definition(s), 1 priority class(es), released 0 pod(s), restored 1 node capacity patch(es)',
    ]);
  });

  test('namespaces that outlive the timeout are an environment problem naming them', async () => {
    const { port, stateFile } = setup();
    port.stuck.add('kp-a');
    const error = await runClean(
      { stateFile, timeout: '0.01' },
      async () => ({ port, server: SERVER }),
      () => undefined,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).exitCode).toBe(EXIT_ENVIRONMENT);
    expect((error as UserFacingError).message).toContain('kp-a');
  });

  test('a bad --timeout is bad input before anything is touched', async () => {
    const { port, stateFile } = setup();
    const error = await runClean({ stateFile, timeout: 'soon' }, async () => ({
      port,
      server: SERVER,
    })).catch((caught: unknown) => caught);
    expect((error as UserFacingError).exitCode).toBe(EXIT_BAD_INPUT);
    expect(port.calls).toEqual([]);
  });
});
