import fc from 'fast-check';
import { fakeTarget } from './test/support/fake-target';
import { PROPERTIES } from './suites/registry';
async function main() {
  const def = PROPERTIES.find((p) => p.id === process.argv[2])!;
  const n = Number(process.argv[3] ?? 10);
  const target = fakeTarget({ seed: 1, defects: process.argv[4] ? [process.argv[4] as never] : [] });
  const samples = fc.sample(def.arbitrary(target.cluster.capabilities), { seed: 11, numRuns: n });
  const exec = target.executorFor(def);
  let i = 0;
  for (const scenario of samples) {
    const report = await exec(scenario as never, `dbg-r${i++}`, { number: 1, of: 1 } as never);
    if (report.verdict.outcome === 'pass' && !process.argv[5]) { console.log(i - 1, 'pass'); continue; }
    console.log(i - 1, report.verdict.outcome, report.verdict.reason ?? '', JSON.stringify(report.verdict.diff.map((d) => `${d.field}: ${d.detail}`)));
    if (process.argv[5] !== 'short') {
      console.log(' scenario', JSON.stringify(scenario));
      console.log(' expectation', JSON.stringify(Object.fromEntries(Object.entries(report.expectation.fields).map(([k, v]) => [k, v.expected]))));
      console.log(' observation', JSON.stringify(report.observation.fields));
    }
  }
  await target.cleanup.runAll();
}
void main();
