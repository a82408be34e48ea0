import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
