// @ts-nocheck
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReport, ReportLoadError } from '../../reporting/load-report';
import { formatReport } from '../../reporting/report-layout';
import { openReport } from '../../reporting/report-stream';
import type { CaseEntry } from '../../reporting/report-types';
import { sampleReport } from './sample-report';

function writeTemp(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kubeprop-load-')), name);
  writeFileSync(file, text);
  return file;
}

async function allCases(file: string): Promise<CaseEntry[]> {
  const entries: CaseEntry[] = [];
  for await (const entry of (await openReport(file)).cases()) entries.push(entry);
  return entries;
}

function problem(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ReportLoadError);
    return (error as Error).message;
  }
  throw new Error('expected a ReportLoadError');
}

async function asyncProblem(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ReportLoadError);
    return (error as Error).message;
  }
  throw new Error('expected a ReportLoadError');
}

describe('loadReport', () => {
  const text = formatReport(sampleReport());

  it('reads back what was written, in line layout and pretty-printed alike', () => {
    const expected = JSON.parse(JSON.stringify(sampleReport()));
    expect(loadReport(writeTemp('report.json', text))).toEqual(expected);
    expect(loadReport(writeTemp('pretty.json', JSON.stringify(sampleReport(), null, 2)))).toEqual(expected);
  });

  it('names the file and says the JSON is truncated when the file stops early', async () => {
    const file = writeTemp('report.json', text.slice(0, Math.floor(text.length / 2)));
    expect(problem(() => loadReport(file))).toMatch(new RegExp(`^${file}: is truncated`));
    expect(await asyncProblem(() => openReport(file))).toMatch(new RegExp(`^${file}: is truncated`));
  });

  it('says when the text is not JSON at all', () => {
    const file = writeTemp('report.json', 'schemaVersion: 1\n');
    expect(problem(() => loadReport(file))).toMatch(/report\.json: is not valid JSON/);
    expect(problem(() => loadReport(writeTemp('empty.json', '')))).toMatch(/empty\.json: is empty/);
    expect(problem(() => loadReport(writeTemp('array.json', '[]')))).toMatch(/expected a JSON object/);
  });

  it('refuses another schemaVersion, saying which it reads', async () => {
    const file = writeTemp('report.json', text.replace('{"schemaVersion":1', '{"schemaVersion":2'));
    expect(problem(() => loadReport(file))).toBe(
      `${file}: has schemaVersion 2; this kubeprop reads schemaVersion 1`,
    );
    expect(await asyncProblem(() => openReport(file))).toContain('has schemaVersion 2');
  });

  it('lists schema violations with their JSON paths', () => {
    const broken = sampleReport() as unknown as { properties: Record<string, unknown>[] };
    broken.properties[0].verdict = 'passed';
    delete broken.properties[2].reason;
    const message = problem(() => loadReport(writeTemp('report.json', JSON.stringify(broken))));
    expect(message).toContain('does not match the report schema');
    expect(message).toContain('/properties/0/verdict must be equal to one of the allowed values');
    expect(message).toContain("/properties/2 must have required property 'reason'");
  });

  it('says when the file does not exist', () => {
    expect(problem(() => loadReport('/nonexistent/report.json'))).toBe(
      '/nonexistent/report.json: no such file',
    );
  });
});

describe('openReport (streaming)', () => {
  it('yields the same cases in the same order as a full load, with case counts in the skeleton', async () => {
    const report = sampleReport();
    const file = writeTemp('report.json', formatReport(report));
    const source = await openReport(file);
    expect(source.skeleton.properties.map((p) => p.caseCount)).toEqual(
      report.properties.map((p) => p.cases.length),
    );
    const entries = await allCases(file);
    const expected = report.properties.flatMap((p) =>
      p.cases.map((c) => ({ propertyId: p.id, case: JSON.parse(JSON.stringify(c)) })),
    );
    expect(entries).toEqual(expected);
    // A second pass starts again from the first case.
    expect(await allCases(file)).toHaveLength(expected.length);
  });

  it('checks each streamed case against the schema', async () => {
    const text = formatReport(sampleReport()).replace(
      '"verdict":{"outcome":"fail"',
      '"verdict":{"outcome":"failed"',
    );
    const file = writeTemp('report.json', text);
    await expect(allCases(file)).rejects.toThrow(/\/properties\/0\/cases\/1\/verdict\/outcome must be equal/);
  });
});
