import { AutoAdvancingClock } from '../../harness/fake/virtual-clock';
import { ChangeNotifier, waitFor } from '../../harness/waits';

describe('waitFor', () => {
  test('on timeout it names the wait, the time waited and the last state seen', async () => {
    const clock = new AutoAdvancingClock({ startMs: 0 });
    let checks = 0;
    const result = await waitFor(
      {
        name: 'pod p Running',
        check: () => ({ done: false, lastSeen: `phase Pending (check ${++checks})` }),
      },
      { clock, signal: new AbortController().signal, deadlineMs: 5_000 },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe(
      `wait for pod p Running timed out after 5.0 s; last seen: phase Pending (check ${checks})`,
    );
    expect(result.waitedMs).toBe(5_000);
  });

  test('a change notice re-checks at once instead of at the next poll', async () => {
    const clock = new AutoAdvancingClock({ startMs: 0 });
    const changes = new ChangeNotifier();
    let ready = false;
    clock.schedule(300, () => {
      ready = true;
      changes.notify();
    });
    const result = await waitFor(
      { name: 'ready', check: () => ({ done: ready, lastSeen: String(ready) }) },
      { clock, signal: new AbortController().signal, deadlineMs: 60_000, pollMs: 10_000, changes },
    );
    expect(result).toEqual({ ok: true, waitedMs: 300 });
  });

  test('aborting rejects with the reason', async () => {
    const clock = new AutoAdvancingClock({ startMs: 0 });
    const controller = new AbortController();
    clock.schedule(100, () => controller.abort(new Error('SIGINT')));
    await expect(
      waitFor(
        { name: 'never', check: () => ({ done: false, lastSeen: '' }) },
        { clock, signal: controller.signal, deadlineMs: 60_000 },
      ),
    ).rejects.toThrow('SIGINT');
  });
});
