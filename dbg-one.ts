import { readFileSync } from 'node:fs';
import { fakeTarget } from './test/support/fake-target';
import { PROPERTIES } from './suites/registry';
async function main() {
  const def = PROPERTIES.find((p) => p.id === process.argv[2])!;
  const scenario = JSON.parse(readFileSync(process.argv[3], 'utf8'));
  const target = fakeTarget({ seed: 1 });
  const report = await target.executorFor(def)(scenario, 'dbg-r0', { number: 1, of: 1 } as never);
  console.log(report.verdict.outcome, JSON.stringify(report.verdict.diff.map((d) => `${d.field}: ${d.detail}`)));
  console.log(JSON.stringify(report.observation.fields));
  await target.cleanup.runAll();
}
void main();
