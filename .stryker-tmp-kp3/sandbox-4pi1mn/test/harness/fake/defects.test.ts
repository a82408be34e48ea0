// @ts-nocheck
import { ALL_FAKE_DEFECTS, DefectSet, defectsOf } from '../../../harness/fake/defects';
import { FAMILIES } from '../../../model/scenario';

describe('seeded defects', () => {
  it.each(FAMILIES)('family %s has at least one defect to prove its properties can fail', (family) => {
    expect(defectsOf(family).length).toBeGreaterThan(0);
  });

  it('a defect set answers membership for exactly what it was given', () => {
    const set = new DefectSet(['sigkill-early']);
    expect(ALL_FAKE_DEFECTS.filter((d) => set.has(d))).toEqual(['sigkill-early']);
  });
});
