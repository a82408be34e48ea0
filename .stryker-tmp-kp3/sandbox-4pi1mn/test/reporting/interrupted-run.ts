// @ts-nocheck
import { ReportWriter } from '../../reporting/report-writer';
import { sampleHeader, sigkillCase } from './sample-report';

/**
 * A run that is interrupted from outside: writes a finished property and part of another, says
 * "ready", then waits; on SIGTERM its handler finalizes the report synchronously and exits 143.
 */
const writer = ReportWriter.open(process.argv[2], sampleHeader());
process.on('SIGTERM', () => {
  writer.finalize();
  process.exit(143);
});
writer.beginProperty({
  id: 'termination/grace-override',
  family: 'termination',
  statement: 's',
  runsPlanned: 1,
  seed: 1,
});
writer.addCase('termination/grace-override', sigkillCase('done', [3, 3]));
writer.endProperty('termination/grace-override', {
  verdict: 'pass',
  runsMade: 1,
  outOfTime: false,
  durationMs: 5,
});
writer.beginProperty({
  id: 'termination/sigkill-after-grace',
  family: 'termination',
  statement: 's',
  runsPlanned: 5,
  seed: 1,
});
writer.addCase('termination/sigkill-after-grace', sigkillCase('running', [3, 3]));
process.stdout.write('ready\n');
setInterval(() => undefined, 1000);
