import fc from 'fast-check';
import { runPool } from '../../runner/pool';
import { Slots } from '../../runner/slots';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Slots', () => {
  test('never grants more slots than it has, whatever the order of acquires and releases', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(3), { minLength: 1, maxLength: 30 }),
        async (count, priorities) => {
          const slots = new Slots(count);
          let held = 0;
          let most = 0;
          await Promise.all(
            priorities.map((priority) =>
              slots.with(priority, async () => {
                held += 1;
                most = Math.max(most, held);
                await tick();
                held -= 1;
              }),
            ),
          );
          return most <= count && held === 0;
        },
      ),
    );
  });

  test('a waiting earlier property is served before a later one, whatever order they asked in', async () => {
    const slots = new Slots(1);
    const release = await slots.acquire(0);
    const served: string[] = [];
    const later = slots.acquire(5).then((r) => (served.push('later'), r));
    const earlier = slots.acquire(1).then((r) => (served.push('earlier'), r));
    release();
    (await earlier)();
    (await later)();
    expect(served).toEqual(['earlier', 'later']);
  });

  test('a release called twice frees one slot only', async () => {
    const slots = new Slots(1);
    const release = await slots.acquire(0);
    release();
    release();
    const first = await slots.acquire(0);
    let second = false;
    void slots.acquire(0).then(() => (second = true));
    await tick();
    expect(second).toBe(false);
    first();
    await tick();
    expect(second).toBe(true);
  });

  test('a slot count below 1 is refused', () => {
    expect(() => new Slots(0)).toThrow('≥ 1');
  });
});

describe('runPool', () => {
  test('reports the last start as soon as it happens, before the last task ends', async () => {
    const events: string[] = [];
    const started = await runPool(
      3,
      2,
      () => true,
      async (index) => {
        events.push(`start ${index}`);
        await tick();
        events.push(`end ${index}`);
      },
      () => events.push('last started'),
    );
    expect(started).toBe(3);
    expect(events.indexOf('last started')).toBe(events.indexOf('start 2') + 1);
    expect(events.indexOf('last started')).toBeLessThan(events.indexOf('end 2'));
    expect(events.filter((e) => e === 'last started')).toHaveLength(1);
  });

  test('a stop decided by shouldStart is reported once and starts nothing more', async () => {
    let reported = 0;
    const started = await runPool(
      10,
      3,
      (index) => index < 4,
      async () => tick(),
      () => (reported += 1),
    );
    expect(started).toBe(4);
    expect(reported).toBe(1);
  });
});
