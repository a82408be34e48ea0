import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { defaultCapabilities, LATEST_VERSION } from '../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import { PROPERTIES } from '../../suites/registry';

// docs/semantics.md is the rule table users read next to a failing field: every rule an expectation
// can carry needs its row, and every property must be named by the rows it checks.
interface Row {
  rule: string;
  properties: string[];
}

function tableRows(markdown: string): Row[] {
  const rows: Row[] = [];
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    // | rule | what | source | versions | property |: the first and last split cells are empty.
    if (cells.length < 7 || !/^[a-z]+\.[A-Za-z0-9_-]+$/.test(cells[1])) continue;
    const properties = cells[cells.length - 2].match(/[a-z]+\/[a-z0-9-]+/g) ?? [];
    rows.push({ rule: cells[1], properties });
  }
  return rows;
}

const rows = tableRows(readFileSync(join(__dirname, '../../docs/semantics.md'), 'utf8'));
const capabilities = defaultCapabilities(LATEST_VERSION);

describe('docs/semantics.md', () => {
  it('names every registered property in the rows it checks, and no property that does not exist', () => {
    const named = new Set(rows.flatMap((row) => row.properties));
    const registered = PROPERTIES.map((p) => p.id);
    expect(registered.filter((id) => !named.has(id))).toEqual([]);
    expect([...named].filter((id) => !registered.includes(id))).toEqual([]);
  });

  it('has a row for every rule the expectations of generated cases carry', () => {
    const documented = new Set(rows.map((row) => row.rule));
    const carried = new Set<string>();
    for (const property of PROPERTIES) {
      if (property.unsupported?.(capabilities)) continue;
      const scenarios = fc.sample(property.arbitrary(capabilities), { numRuns: 25, seed: 11 });
      for (const scenario of scenarios) {
        const expectation = property.expect(scenario, capabilities, DEFAULT_MODEL_OPTIONS);
        for (const field of Object.values(expectation.fields)) carried.add(field.rule);
      }
    }
    expect(carried.size).toBeGreaterThan(40);
    expect([...carried].filter((rule) => !documented.has(rule)).sort()).toEqual([]);
  });
});
