// @ts-nocheck
import { AutoAdvancingClock } from '../../../harness/fake/virtual-clock';

describe('AutoAdvancingClock', () => {
  test('a 30 s virtual sleep ends at once in real time, with virtual time advanced by exactly 30 s', async () => {
    const clock = new AutoAdvancingClock({ startMs: 1_000 });
    const realStart = Date.now();
    await clock.sleep(30_000);
    expect(clock.now()).toBe(31_000);
    expect(Date.now() - realStart).toBeLessThan(1_000);
  });

  test('timers fire in time order, equal instants in scheduling order', async () => {
    const clock = new AutoAdvancingClock({ startMs: 0 });
    const fired: string[] = [];
    clock.schedule(200, () => fired.push('b@200'));
    clock.schedule(100, () => fired.push('a@100'));
    clock.schedule(200, () => fired.push('c@200'));
    await clock.sleep(300);
    expect(fired).toEqual(['a@100', 'b@200', 'c@200']);
  });

  test('time does not jump while microtask chains are still running', async () => {
    const clock = new AutoAdvancingClock({ startMs: 0 });
    const seen: number[] = [];
    const chain = async (): Promise<void> => {
      for (let i = 0; i < 50; i++) {
        await Promise.resolve();
        seen.push(clock.now());
      }
    };
    const sleeping = clock.sleep(1_000);
    await chain();
    await sleeping;
    expect(seen.every((t) => t === 0)).toBe(true);
    expect(clock.now()).toBe(1_000);
  });

  test('an aborted sleep rejects with the reason and its timer never fires', async () => {
    const clock = new AutoAdvancingClock({ startMs: 0 });
    const controller = new AbortController();
    const sleeping = clock.sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(clock.pendingTimers()).toBe(0);
    await expect(clock.sleep(5, controller.signal)).rejects.toThrow('stop');
  });

  test('a cancelled schedule does not run', async () => {
    const clock = new AutoAdvancingClock({ startMs: 0 });
    let ran = false;
    const cancel = clock.schedule(50, () => {
      ran = true;
    });
    cancel();
    await clock.sleep(100);
    expect(ran).toBe(false);
  });

  test('manual mode moves only through advanceBy', async () => {
    const clock = new AutoAdvancingClock({ startMs: 0, autoAdvance: false });
    const fired: number[] = [];
    clock.schedule(100, () => fired.push(clock.now()));
    clock.schedule(250, () => fired.push(clock.now()));
    await new Promise((r) => setImmediate(r));
    expect(fired).toEqual([]);
    await clock.advanceBy(200);
    expect(fired).toEqual([100]);
    expect(clock.now()).toBe(200);
    await clock.advanceBy(100);
    expect(fired).toEqual([100, 250]);
  });
});
