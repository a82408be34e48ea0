import { EventEmitter } from 'node:events';
import { CleanupRegistry } from '../../harness/cleanup';
import { FakeCluster } from '../../harness/fake/fake-cluster';
import { installInterruptHandlers } from '../../harness/interrupt';

describe('installInterruptHandlers', () => {
  test('SIGINT aborts the run, runs every cleanup, reports, and exits 130; a second signal exits at once', async () => {
    const cluster = new FakeCluster();
    const cleanup = new CleanupRegistry(cluster, { clock: cluster.clock });
    await cluster.createNamespace({ metadata: { name: 'kp-a' } });
    cleanup.registerNamespace('kp-a');
    const controller = new AbortController();
    const target = new EventEmitter();
    const lines: string[] = [];
    const exits: number[] = [];
    let exited: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (exited = resolve));
    const uninstall = installInterruptHandlers({
      controller,
      cleanup,
      target: target as unknown as NodeJS.Process,
      log: (l) => lines.push(l),
      exit: (code) => {
        exits.push(code);
        exited();
      },
    });
    target.emit('SIGINT');
    expect(controller.signal.aborted).toBe(true);
    await done;
    expect(exits).toEqual([130]);
    expect(cluster.namespaceNames()).toEqual([]);
    expect(lines.at(-1)).toBe('kubeprop: cleanup done (1 removed)');
    expect(cleanup.closed).toBe(true);
    target.emit('SIGTERM');
    expect(exits).toEqual([130, 143]);
    uninstall();
    expect(target.listenerCount('SIGINT')).toBe(0);
  });
});
