import fc from 'fast-check';
import { caseNamespaceName, labelValue, managedLabels } from '../../harness/namespace';
import { CASE_ID_LABEL, MANAGED_BY_LABEL, RUN_ID_LABEL } from '../../model/labels';

// apimachinery validation: IsDNS1123Label and IsValidLabelValue.
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

describe('case namespaces', () => {
  test('any run and case id give a DNS-1123 label of at most 63 characters', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 120 }),
        fc.string({ maxLength: 120 }),
        fc.option(fc.constantFrom('x', 'y', 'z')),
        (run, kase, suffix) => {
          const name = caseNamespaceName(run, kase, suffix ?? undefined);
          expect(name.length).toBeLessThanOrEqual(63);
          expect(name).toMatch(DNS1123_LABEL);
          if (suffix) expect(name.endsWith(`-${suffix}`)).toBe(true);
        },
      ),
    );
  });

  test('long ids that share a prefix still get distinct namespaces', () => {
    const long = 'a'.repeat(80);
    expect(caseNamespaceName('run', `${long}1`)).not.toBe(caseNamespaceName('run', `${long}2`));
    expect(caseNamespaceName('Run_1', 'Case 7')).toBe('kp-run-1-case-7');
  });

  test('label values are valid whatever the ids, and the managed labels are set', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (text) => expect(labelValue(text)).toMatch(LABEL_VALUE)),
    );
    expect(labelValue('x'.repeat(100)).length).toBeLessThanOrEqual(63);
    expect(managedLabels('r 1', 'c/2')).toEqual({
      [MANAGED_BY_LABEL]: 'kubeprop',
      [RUN_ID_LABEL]: 'r-1',
      [CASE_ID_LABEL]: 'c-2',
    });
  });
});
