import type { V1Pod } from '@kubernetes/client-node';
import type { Clock } from '../../harness/clock';
import { managedSelector, sweep } from '../../harness/sweep';
import { KEEP_FINALIZER, MANAGED_BY_LABEL, MANAGED_BY_VALUE, RUN_ID_LABEL } from '../../model/labels';
import { StubPort } from './support/stub-port';

/** Virtual time: sleeping advances the clock at once. */
function virtualClock(): Clock {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
}

const managed = (runId: string): Record<string, string> => ({
  [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
  [RUN_ID_LABEL]: runId,
});
const pod = (name: string, finalizers: string[] = []): V1Pod => ({ metadata: { name, finalizers } });

describe('sweep', () => {
  test('selects by the managed-by label, and by run id when given', () => {
    expect(managedSelector()).toBe('app.kubernetes.io/managed-by=kubeprop');
    expect(managedSelector('r1')).toBe('app.kubernetes.io/managed-by=kubeprop,kubeprop.dev/run-id=r1');
  });

  test('deletes only labelled namespaces, releasing kept pods first, and waits until they are gone', async () => {
    const port = new StubPort();
    port.addNamespace('kp-a', managed('r1'), [pod('kept', ['other.io/x', KEEP_FINALIZER]), pod('plain')]);
    port.addNamespace('kp-b', managed('r2'));
    port.addNamespace('default', {});
    port.addNamespace('lookalike', { [MANAGED_BY_LABEL]: 'helm' });
    port.deleteAfterReads = 2;
    const report = await sweep(port, { clock: virtualClock(), pollMs: 10 });
    expect(report).toEqual({
      deleted: ['kp-a', 'kp-b'],
      released: ['kp-a/kept'],
      remaining: [],
      customResourceDefinitions: [],
      priorityClasses: [],
    });
    expect([...port.namespaces.keys()]).toEqual(['default', 'lookalike']);
    // The finalizer goes before the namespace delete, so termination is never blocked by kubeprop.
    expect(port.calls.indexOf('releasePod kp-a/kept')).toBeLessThan(
      port.calls.indexOf('deleteNamespace kp-a'),
    );
    expect(port.calls.filter((call) => call.startsWith('deleteNamespace'))).toEqual([
      'deleteNamespace kp-a',
      'deleteNamespace kp-b',
    ]);
  });

  test('with a run id, other runs are left alone', async () => {
    const port = new StubPort();
    port.addNamespace('kp-a', managed('r1'));
    port.addNamespace('kp-b', managed('r2'));
    const report = await sweep(port, { runId: 'r2', clock: virtualClock() });
    expect(report.deleted).toEqual(['kp-b']);
    expect(port.namespaces.has('kp-a')).toBe(true);
  });

  test('never deletes a namespace whose labels do not match, even if the server returned it', async () => {
    const port = new StubPort();
    port.addNamespace('unlabelled', {});
    port.listNamespaces = async () => [...port.namespaces.values()];
    const report = await sweep(port, { clock: virtualClock() });
    expect(report.deleted).toEqual([]);
    expect(port.calls.some((call) => call.startsWith('deleteNamespace'))).toBe(false);
  });

  test("deletes a killed run's CustomResourceDefinitions and PriorityClasses by the same labels", async () => {
    const port = new StubPort();
    port.addCustomResourceDefinition('widgets-kp-r1-c1.kubeprop.test', managed('r1'));
    port.addCustomResourceDefinition('widgets-kp-r2-c1.kubeprop.test', managed('r2'));
    port.addCustomResourceDefinition('crontabs.stable.example.com', {});
    port.addPriorityClass('kp-r1-c2-high', managed('r1'));
    port.addPriorityClass('system-cluster-critical', {});
    const all = await sweep(port, { clock: virtualClock() });
    expect(all.customResourceDefinitions).toEqual([
      'widgets-kp-r1-c1.kubeprop.test',
      'widgets-kp-r2-c1.kubeprop.test',
    ]);
    expect(all.priorityClasses).toEqual(['kp-r1-c2-high']);
    expect([...port.crds.keys()]).toEqual(['crontabs.stable.example.com']);
    expect([...port.priorityClasses.keys()]).toEqual(['system-cluster-critical']);
  });

  test("with a run id, only that run's cluster-wide objects go, whatever the server returned", async () => {
    const port = new StubPort();
    port.addCustomResourceDefinition('widgets-kp-r1-c1.kubeprop.test', managed('r1'));
    port.addCustomResourceDefinition('widgets-kp-r2-c1.kubeprop.test', managed('r2'));
    port.addPriorityClass('kp-r1-c2-high', managed('r1'));
    port.addPriorityClass('unlabelled', {});
    // A server that ignores the selector must not make the sweep delete anything else.
    port.listCustomResourceDefinitions = async () => [...port.crds.values()];
    port.listPriorityClasses = async () => [...port.priorityClasses.values()];
    const report = await sweep(port, { runId: 'r2', clock: virtualClock() });
    expect(report.customResourceDefinitions).toEqual(['widgets-kp-r2-c1.kubeprop.test']);
    expect(report.priorityClasses).toEqual([]);
    expect([...port.crds.keys()]).toEqual(['widgets-kp-r1-c1.kubeprop.test']);
    expect([...port.priorityClasses.keys()]).toEqual(['kp-r1-c2-high', 'unlabelled']);
  });

  test('gives up at the deadline and reports what remains', async () => {
    const port = new StubPort();
    port.addNamespace('kp-stuck', managed('r1'));
    port.stuck.add('kp-stuck');
    const clock = virtualClock();
    const report = await sweep(port, { clock, deadlineMs: 5000, pollMs: 1000 });
    expect(report.remaining).toEqual(['kp-stuck']);
    expect(clock.now()).toBe(5000);
  });
});
