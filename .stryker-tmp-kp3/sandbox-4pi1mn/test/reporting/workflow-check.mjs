// @ts-nocheck
// Parses a workflow with GitHub's own parser (@actions/workflow-parser: ESM-only and importing JSON
// without attributes, hence a child process under tsx) and prints its errors and jobs as JSON.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } from '@actions/workflow-parser';

const file = process.argv[2];
const result = parseWorkflow(
  { name: file, content: readFileSync(file, 'utf8') },
  new NoOperationTraceWriter(),
);
const errors = result.context.errors.getErrors().map((e) => e.message);
let jobs = [];
if (result.value !== undefined) {
  const template = await convertWorkflowTemplate(result.context, result.value);
  errors.push(...(template.errors ?? []).map((e) => e.Message ?? String(e)));
  jobs = (template.jobs ?? []).map((job) => ({
    id: job.id?.value,
    needs: (job.needs ?? []).map((n) => n.value),
    steps: (job.steps ?? []).map((s) => s.uses?.value ?? s.run?.value ?? s.run?.expression ?? String(s.run)),
  }));
}
process.stdout.write(JSON.stringify({ errors, jobs }));
