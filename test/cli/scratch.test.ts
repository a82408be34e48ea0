import { runCli } from '../../cli/main';
import { fakeCli } from './support/fake-cli';
import { loadReport } from '../../reporting/load-report';
test('scratch', async () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const cli = fakeCli({ defects: ['netpol-egress-ignored'] });
    const start = Date.now();
    const dir = `/tmp/h5b/s${seed}`;
    const code = await runCli(['run', '--property', 'networkpolicy/reachability-matrix', '--runs', '6', '--seed', String(seed), '--report', dir], cli.deps);
    const p = loadReport(dir + '/report.json').properties[0];
    console.log(seed, code, Date.now() - start, p.verdict, p.runsMade, p.path, p.cases.map((c) => c.verdict.outcome).join(','));
  }
}, 300000);
