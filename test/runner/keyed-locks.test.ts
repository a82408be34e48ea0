import { KeyedLocks } from '../../runner/keyed-locks';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('KeyedLocks', () => {
  test('tasks sharing a key run one at a time, in order; other keys and no key run alongside', async () => {
    const locks = new KeyedLocks();
    const log: string[] = [];
    const task = (name: string, ticks: number) => async (): Promise<string> => {
      log.push(`${name} start`);
      for (let i = 0; i < ticks; i++) await tick();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([
      locks.with(['node'], task('a', 3)),
      locks.with(['node'], task('b', 1)),
      locks.with(['other'], task('c', 1)),
      locks.with([], task('d', 1)),
      locks.with(['node', 'other'], task('e', 1)),
    ]);
    expect(results).toEqual(['a', 'b', 'c', 'd', 'e']);
    const at = (entry: string): number => log.indexOf(entry);
    expect(at('a end')).toBeLessThan(at('b start'));
    expect(at('b end')).toBeLessThan(at('e start'));
    expect(at('c start')).toBeLessThan(at('a end'));
    expect(at('d start')).toBeLessThan(at('a end'));
    // e needs both keys: after b (node) and after c (other).
    expect(at('c end')).toBeLessThan(at('e start'));
  });

  test('a failing task releases its key', async () => {
    const locks = new KeyedLocks();
    await expect(locks.with(['node'], () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(locks.with(['node'], () => Promise.resolve('next'))).resolves.toBe('next');
  });
});
