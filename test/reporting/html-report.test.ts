import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderHtml, writeHtml } from '../../reporting/html-report';
import { reportSource } from '../../reporting/report-stream';
import { anchorForField, timelineData } from '../../reporting/timeline-data';
import { sampleReport, sigkillExpectation, sigkillObservation } from './sample-report';
import { judgeCase } from '../../verdicts/case-verdict';
import { NO_UPPER_BOUND } from '../../model/observation';

const CHROMIUM = '/usr/bin/chromium';

describe('anchorForField', () => {
  const anchors = { 'app.sigterm': 1, 'sidecar.sigterm': 2, killStart: 3, 'app.readyOn': 4 };

  it('takes the anchor the field name says, preferring the same container', () => {
    expect(anchorForField('app.sigkillAfterSigtermSeconds', anchors)).toBe('app.sigterm');
    expect(anchorForField('sidecar.sigkillAfterSigtermSeconds', anchors)).toBe('sidecar.sigterm');
    expect(anchorForField('app.sigtermAfterKillStartSeconds', anchors)).toBe('killStart');
    expect(anchorForField('app.restartAfterReadyOnSeconds', anchors)).toBe('app.readyOn');
  });

  it('uses the only anchor when there is one, and none when the name matches none of several', () => {
    expect(anchorForField('pod.readyAt', { created: 5 })).toBe('created');
    expect(anchorForField('app.sigkillAfterDeleteSeconds', anchors)).toBeUndefined();
  });
});

describe('timelineData', () => {
  it('places the expected window and observed interval relative to the anchor', () => {
    const observation = sigkillObservation([6.2, 6.4]);
    const expectation = sigkillExpectation(3);
    const data = timelineData(observation, expectation, judgeCase(expectation, observation));
    // SIGTERM is 2 s after the first timeline entry (creation), so the window [3,3] sits at 5 s.
    expect(data.windows).toEqual([
      {
        field: 'app.sigkillAfterSigtermSeconds',
        earliest: 5,
        latest: 5,
        slack: 1,
        observed: { lo: 8.2, hi: 8.4 },
        outcome: 'fail',
      },
    ]);
    expect(data.events.map((e) => [e.what, e.lane])).toEqual([
      ['created', 'p'],
      ['started', 'app'],
      ['delete', 'p'],
      ['sigterm', 'app'],
      ['exit', 'app'],
    ]);
  });

  it('draws an instant known only from below to a second past the window, keeping the scale finite', () => {
    const observation = sigkillObservation([6.2, 6.4]);
    observation.fields['app.sigkillAfterSigtermSeconds'] = { kind: 'instant', lo: 9, hi: NO_UPPER_BOUND };
    const expectation = sigkillExpectation(3);
    const [window] = timelineData(observation, expectation, judgeCase(expectation, observation)).windows;
    // Anchor at 2 s: lo 9 → 11; the window ends at 3 + 1 (slack), so the bar ends at max(9, 4) + 1 → 12.
    expect(window.observed).toEqual({ lo: 11, hi: 12 });
  });
});

describe('index.html', () => {
  it('is self-contained: no external scripts, styles, fonts or images', async () => {
    const html = await renderHtml(reportSource(sampleReport()));
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["'](?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain('<table id="properties">');
    // Every property has a section, including the skipped one without cases.
    for (let index = 0; index < 3; index += 1) expect(html).toContain(`<section id="p${index}">`);
  });

  it('cannot be broken out of by text in a report', async () => {
    const report = sampleReport();
    report.properties[0].statement = '<script>alert(1)</script>';
    report.properties[0].cases[0].observation.timeline[0].what = '</script><img src=x>';
    const html = await renderHtml(reportSource(report));
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('</script><img');
  });

  const run = existsSync(CHROMIUM) ? it : it.skip;
  if (!existsSync(CHROMIUM)) console.log(`skipping the headless Chromium check: ${CHROMIUM} is absent`);

  run('renders a timeline SVG per open case in headless Chromium, with shaded windows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeprop-html-'));
    const file = join(dir, 'index.html');
    await writeHtml(reportSource(sampleReport()), file);
    const flags = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${join(dir, 'profile')}`,
    ];
    const dom = execFileSync(CHROMIUM, [...flags, '--dump-dom', `file://${file}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 60000,
    });
    // Failing case c2 is open by default and drawn; passing cases are drawn when opened.
    const svgs = dom.match(/<svg[^>]*class="timeline-svg"/g) ?? [];
    expect(svgs).toHaveLength(1);
    expect(dom).toMatch(/<rect[^>]*class="expected"/);
    expect(dom).toMatch(/<rect[^>]*class="observed observed-fail"/);
    expect(dom).toMatch(/<text[^>]*class="event-label"[^>]*>sigterm<\/text>/);

    const png = join(dir, 'screenshot.png');
    execFileSync(CHROMIUM, [...flags, `--screenshot=${png}`, '--window-size=1280,2000', `file://${file}`], {
      stdio: 'ignore',
      timeout: 60000,
    });
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(statSync(png).size).toBeGreaterThan(10000);
    if (process.env.KUBEPROP_KEEP_SCREENSHOT) console.log(`screenshot: ${png}`);
  });
});
