import { runCli } from '../../../cli/main';
import { PROPERTIES } from '../../../suites/registry';
import { fakeCli } from '../support/fake-cli';

describe('kubeprop list', () => {
  test('prints every registered property id with its statement, one per line, in run order', async () => {
    const cli = fakeCli();
    expect(await runCli(['list'], cli.deps)).toBe(0);
    const lines = cli.stdout.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(PROPERTIES.length);
    PROPERTIES.forEach((property, index) => {
      expect(lines[index].startsWith(property.id)).toBe(true);
      expect(lines[index].endsWith(`  ${property.statement}`)).toBe(true);
    });
  });

  test('says so when nothing is registered', async () => {
    const cli = fakeCli({ properties: [] });
    expect(await runCli(['list'], cli.deps)).toBe(0);
    expect(cli.stdout.join('')).toBe('no properties are registered (suites/registry.ts)\n');
  });
});
