import { AUDIT_LOG_UNREADABLE, PSA_AUDIT_VIOLATIONS } from '../../../harness/audit-log';
import { observePodSecurityAudit } from '../../../harness/observe/podsecurity';
import { DEFAULT_MODEL_OPTIONS } from '../../../model/expectation';
import { defaultCapabilities, LATEST_VERSION } from '../../../model/capabilities';
import { expectPodSecurityAudit } from '../../../model/podsecurity';
import type { PodSecurityScenario } from '../../../model/scenario';
import type { AuditEvent, Trace } from '../../../model/trace';
import { judgeCase } from '../../../verdicts/case-verdict';
import { container, pod } from '../../model/resources-builders';

const scenario: PodSecurityScenario = {
  family: 'podsecurity',
  labels: { audit: { level: 'baseline', version: 'latest' } },
  pod: { ...pod('p', [container('c')]), security: { hostPID: true } },
};
const FIELDS = ['*.admitted', '*.audit.violations', '*.audit.message'];

const createEvent = (annotations?: Record<string, string>): AuditEvent => ({
  auditID: 'a1',
  stage: 'ResponseComplete',
  verb: 'create',
  objectRef: { resource: 'pods', namespace: 'ns', name: 'p' },
  responseStatus: { code: 201 },
  ...(annotations ? { annotations } : {}),
});
const traceWith = (audit: Trace[number]): Trace => [
  { kind: 'actionResult', t: 1, action: 'create', target: 'Pod/p', ok: true, warnings: [] },
  audit,
];

function judge(trace: Trace) {
  const capabilities = defaultCapabilities(LATEST_VERSION);
  const expectation = expectPodSecurityAudit(scenario, capabilities, DEFAULT_MODEL_OPTIONS);
  return judgeCase(expectation, observePodSecurityAudit(trace, scenario), FIELDS);
}

describe('observePodSecurityAudit', () => {
  it('reads the violated checks from the create event annotation (hostPID under baseline)', () => {
    const annotation = 'would violate PodSecurity "baseline:latest": host namespaces (hostPID=true)';
    const trace = traceWith({
      kind: 'auditEvents',
      t: 2,
      namespace: 'ns',
      events: [createEvent({ [PSA_AUDIT_VIOLATIONS]: annotation })],
    });
    const observation = observePodSecurityAudit(trace, scenario);
    expect(observation.fields['p.audit.violations']).toEqual({ kind: 'list', values: ['hostNamespaces'] });
    expect(judge(trace).outcome).toBe('pass');
  });

  it('an event without the annotation is observed as no violation, and fails a violating pod', () => {
    const trace = traceWith({ kind: 'auditEvents', t: 2, namespace: 'ns', events: [createEvent()] });
    expect(observePodSecurityAudit(trace, scenario).fields['p.audit.violations']).toEqual({
      kind: 'list',
      values: [],
    });
    const verdict = judge(trace);
    expect(verdict.outcome).toBe('fail');
    expect(verdict.diff.filter((d) => d.outcome === 'fail').map((d) => d.field)).toContain(
      'p.audit.violations',
    );
  });

  it('an unreadable log or a missing event is inconclusive with the reason, never a pass', () => {
    const unreadable = judge(
      traceWith({
        kind: 'auditEvents',
        t: 2,
        namespace: 'ns',
        events: [],
        unavailable: AUDIT_LOG_UNREADABLE,
      }),
    );
    expect(unreadable.outcome).toBe('inconclusive');
    expect(unreadable.diff.find((d) => d.field === 'p.audit.violations')?.detail).toContain(
      'not readable on this target',
    );
    const noEvent = judge(traceWith({ kind: 'auditEvents', t: 2, namespace: 'ns', events: [] }));
    expect(noEvent.outcome).toBe('inconclusive');
  });
});
