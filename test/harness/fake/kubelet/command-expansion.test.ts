import {
  containerEnvironment,
  expand,
  expandContainerCommandAndArgs,
  mappingFuncFor,
} from '../../../../harness/fake/kubelet/command-expansion';

/**
 * Cases of upstream third_party/forked/golang/expansion/expand_test.go (TestMapReference, TestMapping,
 * TestMappingDual) and pkg/kubelet/container/helpers_test.go TestExpandCommandAndArgs.
 */

const upstreamCases: [name: string, input: string, expected: string][] = [
  ['whole string', '$(VAR_A)', 'A'],
  ['repeat', '$(VAR_A)-$(VAR_A)', 'A-A'],
  ['beginning', '$(VAR_A)-1', 'A-1'],
  ['middle', '___$(VAR_B)___', '___B___'],
  ['end', '___$(VAR_C)', '___C'],
  ['compound', '$(VAR_A)_$(VAR_B)_$(VAR_C)', 'A_B_C'],
  ['escape & expand', '$$(VAR_B)_$(VAR_A)', '$(VAR_B)_A'],
  ['compound escape', '$$(VAR_A)_$$(VAR_B)', '$(VAR_A)_$(VAR_B)'],
  ['mixed in escapes', 'f000-$$VAR_A', 'f000-$VAR_A'],
  ['backslash escape ignored', 'foo\\$(VAR_C)bar', 'foo\\Cbar'],
  ['backslash escape ignored (two)', 'foo\\\\$(VAR_C)bar', 'foo\\\\Cbar'],
  ['lots of backslashes', 'foo\\\\\\\\$(VAR_A)bar', 'foo\\\\\\\\Abar'],
  ['nested var references', '$(VAR_A$(VAR_B))', '$(VAR_A$(VAR_B))'],
  ['nested var references second type', '$(VAR_A$(VAR_B)', '$(VAR_A$(VAR_B)'],
  ['value is a reference', '$(VAR_REF)', '$(VAR_A)'],
  ['value is a reference x 2', '%%$(VAR_REF)--$(VAR_REF)%%', '%%$(VAR_A)--$(VAR_A)%%'],
  ['empty var', 'foo$(VAR_EMPTY)bar', 'foobar'],
  ['unterminated expression', 'foo$(VAR_Awhoops!', 'foo$(VAR_Awhoops!'],
  ['expression without operator', 'f00__(VAR_A)__', 'f00__(VAR_A)__'],
  ['shell special vars pass through', '$?_boo_$!', '$?_boo_$!'],
  ['bare operators are ignored', '$VAR_A', '$VAR_A'],
  ['undefined vars are passed through', '$(VAR_DNE)', '$(VAR_DNE)'],
  ['multiple (even) operators, var undefined', '$$$$$$(BIG_MONEY)', '$$$(BIG_MONEY)'],
  ['multiple (even) operators, var defined', '$$$$$$(VAR_A)', '$$$(VAR_A)'],
  ['multiple (odd) operators, var undefined', '$$$$$$$(GOOD_ODDS)', '$$$$(GOOD_ODDS)'],
  ['multiple (odd) operators, var defined', '$$$$$$$(VAR_A)', '$$$A'],
  ['missing open expression', '$VAR_A)', '$VAR_A)'],
  ['shell syntax ignored', '${VAR_A}', '${VAR_A}'],
  ['trailing incomplete expression not consumed', '$(VAR_B)_______$(A', 'B_______$(A'],
  ['trailing incomplete expression, no content, is not consumed', '$(VAR_C)_______$(', 'C_______$('],
  ['operator at end of input string is preserved', '$(VAR_A)foobarzab$', 'Afoobarzab$'],
  ['shell escaped incomplete expr', 'foo-\\$(VAR_A', 'foo-\\$(VAR_A'],
  ['lots of $( in middle', '--$($($($($--', '--$($($($($--'],
  ['lots of $( in beginning', '$($($($($--foo$(', '$($($($($--foo$('],
  ['lots of $( at end', 'foo0--$($($($(', 'foo0--$($($($('],
  ['escaped operators in variable names are not escaped', '$(foo$$var)', '$(foo$$var)'],
  ['newline not expanded', '\n', '\n'],
];

describe('Expand (upstream expand_test.go)', () => {
  const single = mappingFuncFor(
    new Map([
      ['VAR_A', 'A'],
      ['VAR_B', 'B'],
      ['VAR_C', 'C'],
      ['VAR_REF', '$(VAR_A)'],
      ['VAR_EMPTY', ''],
    ]),
  );
  const dual = mappingFuncFor(
    new Map([
      ['VAR_A', 'A'],
      ['VAR_EMPTY', ''],
    ]),
    new Map([
      ['VAR_B', 'B'],
      ['VAR_C', 'C'],
      ['VAR_REF', '$(VAR_A)'],
    ]),
  );

  it.each(upstreamCases)('%s (TestMapping)', (_name, input, expected) => {
    expect(expand(input, single)).toBe(expected);
  });

  it.each(upstreamCases)('%s (TestMappingDual)', (_name, input, expected) => {
    expect(expand(input, dual)).toBe(expected);
  });

  it('resolves each declared variable against those before it (TestMapReference)', () => {
    const env = containerEnvironment({
      name: 'c',
      env: [
        { name: 'FOO', value: 'bar' },
        { name: 'ZOO', value: '$(FOO)-1' },
        { name: 'BLU', value: '$(ZOO)-2' },
      ],
    });
    expect(Object.fromEntries(env)).toEqual({ FOO: 'bar', ZOO: 'bar-1', BLU: 'bar-1-2' });
  });

  it('reads a `$` before a non-ASCII byte as Go does (string(byte): the byte as a Latin-1 rune)', () => {
    // "é" is C3 A9: `$` + U+00C3, then the lone A9 byte, which decodes as U+FFFD here.
    expect(expand('$é', single)).toBe('$Ã\uFFFD');
    expect(expand('$$é', single)).toBe('$é');
  });
});

describe('ExpandContainerCommandAndArgs (upstream helpers_test.go)', () => {
  const env = (pairs: [string, string][]) => new Map(pairs);

  it('none', () => {
    expect(expandContainerCommandAndArgs({ name: 'c' }, env([]))).toEqual({ command: [], args: [] });
  });

  it('command expanded', () => {
    const result = expandContainerCommandAndArgs(
      { name: 'c', command: ['foo', '$(VAR_TEST)', '$(VAR_TEST2)'] },
      env([
        ['VAR_TEST', 'zoo'],
        ['VAR_TEST2', 'boo'],
      ]),
    );
    expect(result.command).toEqual(['foo', 'zoo', 'boo']);
  });

  it('args expanded', () => {
    const result = expandContainerCommandAndArgs(
      { name: 'c', args: ['zap', '$(VAR_TEST)', '$(VAR_TEST2)'] },
      env([
        ['VAR_TEST', 'hap'],
        ['VAR_TEST2', 'trap'],
      ]),
    );
    expect(result.args).toEqual(['zap', 'hap', 'trap']);
  });

  it('both expanded, against the container env by default', () => {
    const result = expandContainerCommandAndArgs({
      name: 'c',
      command: ['$(VAR_TEST2)--$(VAR_TEST)', 'foo', '$(VAR_TEST3)'],
      args: ['foo', '$(VAR_TEST)', '$(VAR_TEST2)'],
      env: [
        { name: 'VAR_TEST', value: 'zoo' },
        { name: 'VAR_TEST2', value: 'boo' },
        { name: 'VAR_TEST3', value: 'roo' },
      ],
    });
    expect(result).toEqual({ command: ['boo--zoo', 'foo', 'roo'], args: ['foo', 'zoo', 'boo'] });
  });

  it('turns the shell pid `$$` into `$` and keeps command substitutions of undefined names', () => {
    const result = expandContainerCommandAndArgs({
      name: 'c',
      command: ['sh', '-c', 'echo $$ > pid; P=$(cat pid); i=$((i+1))'],
    });
    expect(result.command[2]).toBe('echo $ > pid; P=$(cat pid); i=$((i+1))');
  });
});
