import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeXml, renderJunit } from '../../reporting/junit';
import { reportSource } from '../../reporting/report-stream';
import type { Report } from '../../reporting/report-types';
import { sampleReport } from './sample-report';

type Node = Record<string, unknown>;

function parse(xml: string): Node {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase'].includes(name),
  }).parse(xml) as Node;
}

function withVerdicts(report: Report): Report {
  const base = report.properties[1];
  const extra = (['flaky', 'inconclusive', 'known'] as const).map((verdict) => ({
    ...base,
    id: `probes/${verdict}-case`,
    family: 'probes' as const,
    verdict,
    reason: `${verdict} because`,
  }));
  return { ...report, properties: [...report.properties, ...extra] };
}

describe('renderJunit', () => {
  const xml = renderJunit(reportSource(withVerdicts(sampleReport())).skeleton);
  const root = parse(xml).testsuites as Node;
  const suites = root.testsuite as Node[];

  it('has one testsuite per family in family order, one testcase per property named by its id', () => {
    expect(suites.map((s) => s.name)).toEqual(['termination', 'hooks', 'probes']);
    const names = suites.flatMap((s) => (s.testcase as Node[]).map((t) => t.name));
    expect(names).toEqual([
      'termination/grace-override',
      'termination/sigkill-after-grace',
      'hooks/sleep-prestop',
      'probes/flaky-case',
      'probes/inconclusive-case',
      'probes/known-case',
    ]);
    // Stable names: the seed (42) is not part of any name.
    expect(names.join(' ')).not.toContain('42');
  });

  it('puts the minimal counterexample in the failure: failing field diff, reproducer, replay', () => {
    const termination = suites[0];
    const failing = (termination.testcase as Node[])[1];
    const failure = failing.failure as Node;
    expect(failure.message).toBe(
      'app.sigkillAfterSigtermSeconds: expected 3.00–3.00 s (±1), observed 6.20–6.40 s',
    );
    expect(failure['#text']).toContain(
      'counterexample: case c2 (reproducer: reproducers/termination-sigkill-after-grace.yaml)',
    );
    expect(failure['#text']).toContain('replay: seed 42, path 1:0');
    expect(termination).toMatchObject({ tests: '2', failures: '1', errors: '0', skipped: '0' });
  });

  it('maps skipped/known to <skipped>, inconclusive to <error>, flaky to a pass with a note', () => {
    const probes = suites[2].testcase as Node[];
    expect(probes[0]['system-out']).toBe('flaky: flaky because; counted as passed');
    expect(probes[0].failure).toBeUndefined();
    expect(probes[1].error).toMatchObject({
      type: 'inconclusive',
      message: 'inconclusive: inconclusive because',
    });
    expect(probes[2].skipped).toMatchObject({ message: 'known issue: known because' });
    expect((suites[1].testcase as Node[])[0].skipped).toMatchObject({
      message: 'sleep action not supported before v1.30',
    });
    expect(root).toMatchObject({ tests: '6', failures: '1', errors: '1', skipped: '2' });
  });

  it('escapes any text into well-formed XML that reads back unchanged, in content and attributes', () => {
    const reader = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      trimValues: false,
      parseTagValue: false,
      parseAttributeValue: false,
      processEntities: true,
      // fast-xml-parser decodes character references (&#10;) only with htmlEntities.
      htmlEntities: true,
    });
    // 'binary' also draws lone surrogates, which are not XML characters either.
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const xml = `<a b="${escapeXml(text)}">${escapeXml(text)}</a>`;
        expect(XMLValidator.validate(xml)).toBe(true);
        const element = (reader.parse(xml) as { a: Node | string }).a;
        const body = typeof element === 'string' ? element : ((element['#text'] as string | undefined) ?? '');
        const attribute = typeof element === 'string' ? '' : ((element.b as string | undefined) ?? '');
        // Characters outside XML 1.0's Char production become U+FFFD; everything else survives.
        const expected = text.replace(
          // eslint-disable-next-line no-control-regex
          /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
          '\uFFFD',
        );
        expect(body).toBe(expected);
        expect(attribute).toBe(expected);
      }),
    );
  });

  it('keeps a multi-line failure message in its attribute', () => {
    const xml = `<a message="${escapeXml('line one\n\tline two\r\n')}"/>`;
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      trimValues: false,
      htmlEntities: true,
    }).parse(xml) as { a: Node };
    expect(parsed.a.message).toBe('line one\n\tline two\r\n');
  });
});
