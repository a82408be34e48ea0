import {
  expectedValue,
  formatComparison,
  formatReachability,
  observedValue,
} from '../../../harness/observe/networkpolicy-truth-table';
import { defaultCapabilities, LATEST_VERSION } from '../../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../../model/expectation';
import { expectNetworkPolicy } from '../../../model/networkpolicy/expect';
import type { Observation } from '../../../model/observation';
import type { NetworkPolicyScenario } from '../../../model/scenario/families';

// Deny all ingress into namespace x ("default-deny-ingress").
const scenario: NetworkPolicyScenario = {
  family: 'networkpolicy',
  policies: [{ name: 'deny', namespace: 'x', podSelector: { matchLabels: {} }, ingress: [] }],
};
const expectation = expectNetworkPolicy(scenario, defaultCapabilities(LATEST_VERSION), DEFAULT_MODEL_OPTIONS);

function grid(text: string, title: string): string[] {
  const blocks = text.split('\n\n');
  const block = blocks.find((b) => b.startsWith(title));
  if (!block) throw new Error(`no grid ${title}`);
  return block.split('\n');
}

describe('truth tables', () => {
  it('prints one grid per port with sources as rows: `.` connects, `X` blocked, `-` loopback', () => {
    const text = formatReachability(expectedValue(expectation));
    expect(text.split('\n\n')).toHaveLength(3);
    const rows = grid(text, '80/TCP');
    expect(rows[0]).toBe('80/TCP  x/a x/b x/c y/a y/b y/c z/a z/b z/c');
    expect(rows[1]).toBe('x/a     -   X   X   .   .   .   .   .   .');
    expect(rows[4]).toBe('y/a     X   X   X   -   .   .   .   .   .');
  });

  it('marks unknown cells with `?`', () => {
    const rows = grid(
      formatReachability(() => undefined),
      '80/UDP',
    );
    expect(rows[1]).toBe('x/a     -   ?   ?   ?   ?   ?   ?   ?   ?');
  });

  it('compares: `.` agrees, `X` differs, `?` inconclusive', () => {
    const fields: Observation['fields'] = {};
    for (const [name, field] of Object.entries(expectation.fields)) {
      fields[name] =
        field.expected.kind === 'equals'
          ? { kind: 'value', value: field.expected.value }
          : { kind: 'missing', reason: '' };
    }
    fields['y/a->x/b:80/TCP'] = { kind: 'value', value: true };
    fields['y/a->z/c:80/TCP'] = { kind: 'missing', reason: 'probe failed' };
    const observation: Observation = { fields, timeline: [], anchors: {} };
    const rows = grid(formatComparison(expectation, observation), '80/TCP');
    expect(rows[4]).toBe('y/a     .   X   .   -   .   .   .   .   ?');
    expect(formatReachability(observedValue(observation)).split('\n\n')[0].split('\n')[4]).toBe(
      'y/a     X   .   X   -   .   .   .   .   ?',
    );
  });

  it('compares the 80/SCTP grid too when the expectation has SCTP cells', () => {
    const withSctp = expectNetworkPolicy(
      scenario,
      { ...defaultCapabilities(LATEST_VERSION), serverImage: 'agnhost', sctpTraffic: true },
      DEFAULT_MODEL_OPTIONS,
    );
    const observation: Observation = { fields: {}, timeline: [], anchors: {} };
    const text = formatComparison(withSctp, observation);
    expect(text.split('\n\n')).toHaveLength(4);
    expect(grid(text, '80/SCTP')[1]).toBe('x/a     -   ?   ?   ?   ?   ?   ?   ?   ?');
    expect(formatComparison(expectation, observation).split('\n\n')).toHaveLength(3);
  });
});
