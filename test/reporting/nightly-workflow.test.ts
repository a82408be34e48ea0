import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The nightly workflow is checked with GitHub's own workflow parser and schema
 * (@actions/workflow-parser, the parser behind the Actions language service), run in a child
 * process because the package is ESM-only; then its structure is checked against what users need.
 */
const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CHECK = join(__dirname, 'workflow-check.mjs');

interface Parsed {
  errors: string[];
  jobs: { id: string; needs: string[]; steps: string[] }[];
}

function parseWorkflowFile(file: string): Parsed {
  return JSON.parse(execFileSync(TSX, [CHECK, file], { encoding: 'utf8', cwd: ROOT })) as Parsed;
}

describe('.github/workflows/nightly.yml', () => {
  const parsed = parseWorkflowFile(join(ROOT, '.github', 'workflows', 'nightly.yml'));

  it('is valid under the GitHub Actions workflow schema', () => {
    expect(parsed.errors).toEqual([]);
  });

  it('runs conformance per node image, uploads the reports, compares the runs and posts summaries', () => {
    const [conformance, compare] = parsed.jobs;
    expect(conformance.id).toBe('conformance');
    expect(conformance.steps.some((s) => s.includes('npm run conformance'))).toBe(true);
    expect(conformance.steps.some((s) => s.includes('summary.md') && s.includes('GITHUB_STEP_SUMMARY'))).toBe(
      true,
    );
    expect(conformance.steps).toContain('actions/upload-artifact@v4');
    expect(compare).toMatchObject({ id: 'compare', needs: ['conformance'] });
    expect(compare.steps).toContain('actions/download-artifact@v4');
    expect(
      compare.steps.some((s) => s.includes('kubeprop -- compare') && s.includes('GITHUB_STEP_SUMMARY')),
    ).toBe(true);
  });

  it('every job runs the same cases: one seed for the night, generated for the oldest node image', () => {
    const [conformance] = parsed.jobs;
    const run = conformance.steps.find((s) => s.includes('npm run conformance')) ?? '';
    // The parser turns ${{ … }} into format() arguments.
    expect(run).toMatch(/--seed "\{\d\}" --generate-for "\$GENERATE_FOR".*github\.run_number/s);
    const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'nightly.yml'), 'utf8')) as {
      env: { GENERATE_FOR: string };
      jobs: { conformance: { strategy: { matrix: { 'node-image': string[] } } } };
    };
    const minors = workflow.jobs.conformance.strategy.matrix['node-image'].map((image) =>
      Number(/:v1\.(\d+)\./.exec(image)?.[1]),
    );
    expect(workflow.env.GENERATE_FOR).toBe(`v1.${Math.min(...minors)}`);
  });

  it('the checker itself rejects a malformed workflow', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kubeprop-wf-')), 'bad.yml');
    writeFileSync(file, 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n');
    expect(parseWorkflowFile(file).errors.join('\n')).toContain("Unexpected value 'stepz'");
  });
});
