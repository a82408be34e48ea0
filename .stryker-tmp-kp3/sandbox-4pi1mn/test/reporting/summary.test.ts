// @ts-nocheck
import { reportSource } from '../../reporting/report-stream';
import { renderSummary } from '../../reporting/summary';
import { sampleReport } from './sample-report';

describe('renderSummary', () => {
  const markdown = renderSummary(reportSource(sampleReport()).skeleton);
  const lines = markdown.trim().split('\n');

  it('counts verdicts per family in a markdown table', () => {
    expect(lines).toContain('| family | pass | fail | flaky | inconclusive | known | skipped |');
    expect(lines).toContain('| termination | 1 | 1 | 0 | 0 | 0 | 0 |');
    expect(lines).toContain('| hooks | 0 | 0 | 0 | 0 | 0 | 1 |');
    expect(markdown).toContain('1 pass, 1 fail, 0 flaky, 0 inconclusive, 0 known, 1 skipped');
  });

  it('lists what did not pass with the failing field and reproducer, pipes escaped', () => {
    expect(lines).toContain(
      '| termination/sigkill-after-grace | fail | app.sigkillAfterSigtermSeconds: expected 3.00–3.00 s (±1), observed 6.20–6.40 s (reproducer: reproducers/termination-sigkill-after-grace.yaml) |',
    );
    const report = sampleReport();
    report.properties[2].reason = 'a | b';
    expect(renderSummary(reportSource(report).skeleton)).toContain('a \\| b');
    // Every table row has the same number of unescaped cells as its header.
    for (const line of lines.filter((l) => l.startsWith('| termination/'))) {
      expect(line.split(/(?<!\\)\|/).length).toBe(5);
    }
  });
});
