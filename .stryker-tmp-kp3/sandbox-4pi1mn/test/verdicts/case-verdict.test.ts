// @ts-nocheck
import type { Expectation } from '../../model/expectation';
import type { Observation } from '../../model/observation';
import { judgeCase, markUnreliable } from '../../verdicts/case-verdict';

const expectation: Expectation = {
  family: 'termination',
  fields: {
    'a.exitCode': { expected: { kind: 'equals', value: 137 }, rule: 'r.exit', because: 'SIGKILL' },
    'b.exitCode': { expected: { kind: 'equals', value: 143 }, rule: 'r.exit', because: 'SIGTERM' },
    'a.sigkillAfterSigtermSeconds': {
      expected: { kind: 'window', earliest: 3, latest: 3, slack: 0.5 },
      rule: 'r.kill',
      because: 'grace 3 s',
    },
    'pod.phase': {
      expected: { kind: 'equals', value: 'Failed' },
      rule: 'r.phase',
      because: 'restartPolicy Never',
    },
  },
};

const observation: Observation = {
  fields: {
    'a.exitCode': { kind: 'value', value: 137 },
    'b.exitCode': { kind: 'value', value: 137 },
    'a.sigkillAfterSigtermSeconds': { kind: 'instant', lo: 3.1, hi: 3.6 },
  },
  timeline: [],
  anchors: {},
};

describe('judgeCase', () => {
  test('any failing field fails the case, and the diff names each field with its rule', () => {
    const verdict = judgeCase(expectation, observation);
    expect(verdict.outcome).toBe('fail');
    expect(verdict.diff.map((d) => [d.field, d.rule, d.outcome])).toEqual([
      ['a.exitCode', 'r.exit', 'pass'],
      ['a.sigkillAfterSigtermSeconds', 'r.kill', 'inconclusive'],
      ['b.exitCode', 'r.exit', 'fail'],
      ['pod.phase', 'r.phase', 'inconclusive'],
    ]);
  });

  test('patterns select fields: "*" matches any run of characters, dots are literal', () => {
    expect(judgeCase(expectation, observation, ['a.*']).diff.map((d) => d.field)).toEqual([
      'a.exitCode',
      'a.sigkillAfterSigtermSeconds',
    ]);
    expect(judgeCase(expectation, observation, ['*.exitCode']).outcome).toBe('fail');
    expect(judgeCase(expectation, observation, ['a.exitCode']).outcome).toBe('pass');
    expect(judgeCase(expectation, observation, ['aXexitCode']).diff).toEqual([]);
  });

  test('an undecidable field without failures makes the case inconclusive', () => {
    expect(judgeCase(expectation, observation, ['a.*']).outcome).toBe('inconclusive');
  });

  test('a case no field of the property applies to is inconclusive, never a vacuous pass', () => {
    const verdict = judgeCase(expectation, observation, ['*.restartCount']);
    expect(verdict).toMatchObject({ outcome: 'inconclusive', diff: [] });
    expect(verdict.reason).toContain('no field');
  });

  test('an unreliable observation turns even a failing case inconclusive, keeping the diff', () => {
    const verdict = markUnreliable(judgeCase(expectation, observation), 'watch dropped and not resumed');
    expect(verdict).toMatchObject({ outcome: 'inconclusive', reason: 'watch dropped and not resumed' });
    expect(verdict.diff).toHaveLength(4);
  });
});
