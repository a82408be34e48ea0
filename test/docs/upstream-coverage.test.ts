import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POD_SECURITY_PASSING_SHAPES } from '../../generators/pod-security-compliant';
import {
  generatedFixtureCases,
  POD_SECURITY_VIOLATIONS,
  UNEXPRESSED_FIXTURE_CASES,
} from '../../generators/pod-security-violations';
import { PROPERTIES } from '../../suites/registry';

// docs/upstream-coverage.md tells users which upstream e2e tests kubeprop's properties stand in for:
// every property it names must exist, and every upstream test of the shared list must have its row.
interface Row {
  file: string;
  test: string;
  coverage: string;
  properties: string[];
}

function rows(markdown: string, withProperties: boolean): Row[] {
  return markdown
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .filter((cells) => cells.length >= 6 && cells[1].endsWith('.go'))
    .map((cells) => ({
      file: cells[1],
      // This page writes test names as code (`should *not* be…`) so Markdown leaves them as upstream has them.
      test: cells[3].replace(/^`|`$/g, ''),
      coverage: withProperties ? cells[4] : cells[4].charAt(0),
      properties: withProperties ? (cells[5].match(/[a-z]+\/[a-z0-9-]+/g) ?? []) : [],
    }));
}

const page = rows(readFileSync(join(__dirname, '../../docs/upstream-coverage.md'), 'utf8'), true);
const SHARED_LIST = join(__dirname, '../../../shared/spec/upstream-e2e.md');

describe('docs/upstream-coverage.md', () => {
  it('names only registered properties, and every covered or partly covered row names at least one', () => {
    const registered = new Set(PROPERTIES.map((p) => p.id));
    expect(page.flatMap((row) => row.properties).filter((id) => !registered.has(id))).toEqual([]);
    expect(page.filter((row) => row.coverage !== '✗' && row.properties.length === 0)).toEqual([]);
    expect(page.every((row) => ['✔', '◐', '✗'].includes(row.coverage))).toBe(true);
  });

  it('has a row for every upstream test of the shared list', () => {
    if (!existsSync(SHARED_LIST)) {
      console.log(
        `upstream-coverage: the shared list ${SHARED_LIST} is not there; rows not checked against it`,
      );
      return;
    }
    const listed = rows(readFileSync(SHARED_LIST, 'utf8'), false).map((row) => `${row.file} ${row.test}`);
    const documented = new Set(page.map((row) => `${row.file} ${row.test}`));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((test) => !documented.has(test))).toEqual([]);
  });
});

/** Lines of an upstream list fixture (test/fixtures/upstream), less its `#` header. */
function upstreamList(name: string): string[] {
  return readFileSync(join(__dirname, '../fixtures/upstream', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

describe('docs/upstream-coverage.md: Pod Security fixtures', () => {
  // "<check> <level> v<version> <fail|pass> <index>: <what>" → the case key "<check> v<version> <fail|pass> <index>".
  const cases = upstreamList('pod-security-fixtures.txt').map((line) => {
    const [check, , version, kind, index] = line.split(':')[0].split(' ');
    return { check, key: `${check} ${version} ${kind} ${index}` };
  });
  const rowsByCheck = new Map(
    page
      .map((row) => [/fixtures_(\w+)\.go$/.exec(row.file)?.[1], row] as const)
      .filter((entry): entry is [string, Row] => entry[0] !== undefined),
  );
  const generated = new Set([
    ...generatedFixtureCases(),
    ...POD_SECURITY_PASSING_SHAPES.map((shape) => shape.fixture),
  ]);
  const unexpressed = new Set(Object.keys(UNEXPRESSED_FIXTURE_CASES));

  it('has a row per upstream check and no other', () => {
    expect([...rowsByCheck.keys()].sort()).toEqual([...new Set(cases.map((c) => c.check))].sort());
  });

  it('every case is generated or has a stated reason, never both, and names only upstream cases', () => {
    const keys = new Set(cases.map((c) => c.key));
    expect(cases.filter((c) => !generated.has(c.key) && !unexpressed.has(c.key))).toEqual([]);
    expect([...generated].filter((key) => unexpressed.has(key))).toEqual([]);
    expect([...generated, ...unexpressed].filter((key) => !keys.has(key))).toEqual([]);
  });

  it("every row's mark agrees with its cases: ✔ none unexpressed, ✗ none generated", () => {
    for (const [check, row] of rowsByCheck) {
      const own = cases.filter((c) => c.check === check);
      const anyGenerated = own.some((c) => generated.has(c.key));
      const allGenerated = own.every((c) => generated.has(c.key));
      expect({
        check,
        coverage: row.coverage,
        ok: row.coverage === '✗' ? !anyGenerated : anyGenerated,
      }).toEqual({ check, coverage: row.coverage, ok: true });
      if (row.coverage === '✔') expect({ check, allGenerated }).toEqual({ check, allGenerated: true });
    }
  });

  it('every check the generator has a shape for has a row that names it covered', () => {
    const shaped = new Set(POD_SECURITY_VIOLATIONS.map((v) => v.check));
    expect([...shaped].filter((check) => (rowsByCheck.get(check)?.properties.length ?? 0) === 0)).toEqual([]);
  });
});

describe('docs/upstream-coverage.md: NetworkPolicy e2e suite', () => {
  it('has a row for every ginkgo.It of network_policy.go', () => {
    const documented = new Set(
      page.filter((row) => row.file === 'network/netpol/network_policy.go').map((row) => row.test),
    );
    const listed = upstreamList('netpol-e2e.txt');
    expect(listed).toHaveLength(48);
    expect(listed.filter((name) => !documented.has(name))).toEqual([]);
    expect(documented.size).toBe(listed.length);
  });
});
