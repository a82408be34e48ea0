// @ts-nocheck
import { defaultCapabilities, parseServerVersion } from '../../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../../model/expectation';
import { expectLimitRange } from '../../../model/limitrange';
import { expectPodSecurity } from '../../../model/podsecurity';
import { expectQuota } from '../../../model/quota';
import type {
  LimitRangeScenario,
  PodSecurityLabels,
  PodSecurityScenario,
  QuotaScenario,
} from '../../../model/scenario';
import { observeLimitRange } from '../../../harness/observe/limitrange';
import { observePodSecurity } from '../../../harness/observe/podsecurity';
import { observeQuota } from '../../../harness/observe/quota';
import { judgeCase, type CaseVerdict } from '../../../verdicts/case-verdict';
import { loadRecording } from '../../fixtures/recordings';
import { container, pod } from '../../model/resources-builders';

/** Ground truth for the admission families: v1.26.1 recordings judged against the model. */
const capabilities = defaultCapabilities(parseServerVersion('v1.26'));

function assertPass(verdict: CaseVerdict, mustJudge: string[]): void {
  expect(verdict.diff.filter((d) => d.outcome !== 'pass')).toEqual([]);
  expect(verdict.diff.map((d) => d.field)).toEqual(expect.arrayContaining(mustJudge));
}

describe('quota-admission recording', () => {
  const limited = (name: string, req: [number, number], lim: [number, number]) =>
    pod(name, [
      container('c', { cpuMilli: req[0], memoryMi: req[1] }, { cpuMilli: lim[0], memoryMi: lim[1] }),
    ]);
  const scenario: QuotaScenario = {
    family: 'quota',
    quota: {
      name: 'q',
      hard: { 'requests.cpu': 100, 'requests.memory': 64, 'limits.cpu': 200, 'limits.memory': 128, pods: 3 },
      scopes: [],
    },
    steps: [
      { kind: 'create', pod: limited('fits', [60, 32], [100, 64]) },
      { kind: 'create', pod: limited('exact', [40, 32], [100, 64]) },
      { kind: 'create', pod: limited('over', [10, 8], [10, 8]) },
      { kind: 'create', pod: pod('nolimits', [container('c', { cpuMilli: 1 })]) },
      {
        kind: 'create',
        pod: pod(
          'initcounted',
          [container('c', { cpuMilli: 1, memoryMi: 1 }, { cpuMilli: 1, memoryMi: 1 })],
          {
            initContainers: [container('i')],
          },
        ),
      },
      { kind: 'delete', podName: 'fits' },
      { kind: 'create', pod: limited('over', [10, 8], [10, 8]) },
      { kind: 'delete', podName: 'exact' },
      { kind: 'delete', podName: 'over' },
    ],
  };
  const expectation = expectQuota(scenario, capabilities, DEFAULT_MODEL_OPTIONS);
  const observation = observeQuota(loadRecording('quota-admission').trace, scenario);
  // The recorder snapshotted the quota only after step 5 and after step 6; other usage fields are
  // not in the recording and stay inconclusive, so the judgement is restricted to observed fields.
  const observed = Object.keys(expectation.fields).filter((f) => observation.fields[f]?.kind !== 'missing');
  const verdict = judgeCase(expectation, observation, observed);

  it('admits the fit and the exact fill, rejects over-quota and missing limits (init containers included)', () => {
    assertPass(verdict, [
      'quota.initialised',
      'step1.admitted',
      'step2.admitted',
      'step3.admitted',
      'step3.reason',
      'step3.status',
      'step4.reason',
      'step5.reason',
      'step7.admitted',
    ]);
  });

  it('usage after admission and after the delete match the quota status', () => {
    assertPass(verdict, [
      'step5.used.requests.cpu',
      'step5.used.pods',
      'step6.used.requests.cpu',
      'step6.used.pods',
    ]);
    expect(expectation.fields['step6.used.requests.cpu'].expected).toEqual({ kind: 'equals', value: 40 });
  });

  it('a model that forgot init containers would fail step 5', () => {
    const wrong = judgeCase(
      {
        family: 'quota',
        fields: {
          'step5.admitted': {
            ...expectation.fields['step5.admitted'],
            expected: { kind: 'equals', value: true },
          },
        },
      },
      observation,
    );
    expect(wrong.outcome).toBe('fail');
  });
});

describe('limitrange recording', () => {
  const limitRange = {
    name: 'lr',
    limits: [
      {
        type: 'Container' as const,
        default: { cpu: 100, memory: 64 },
        defaultRequest: { cpu: 50, memory: 32 },
        max: { cpu: 200, memory: 128 },
        min: { cpu: 10 },
        maxLimitRequestRatio: { cpu: 4 },
      },
    ],
  };
  const judge = (podScenario: LimitRangeScenario['pod']) => {
    const scenario: LimitRangeScenario = { family: 'limitrange', limitRange, pod: podScenario };
    return judgeCase(
      expectLimitRange(scenario, capabilities, DEFAULT_MODEL_OPTIONS),
      observeLimitRange(loadRecording('limitrange').trace, scenario),
    );
  };

  it('defaults requests and limits and annotates the pod', () => {
    assertPass(judge(pod('defaulted', [container('c')])), [
      'defaulted.admitted',
      'defaulted.limitRangerAnnotation',
      'defaulted.c.requests.cpu',
      'defaulted.c.limits.memory',
    ]);
  });

  it('rejects a limit over max', () => {
    assertPass(judge(pod('overmax', [container('c', {}, { cpuMilli: 300 })])), [
      'overmax.admitted',
      'overmax.reason',
    ]);
  });

  it('rejects a request under min', () => {
    assertPass(judge(pod('undermin', [container('c', { cpuMilli: 5 }, { cpuMilli: 10 })])), [
      'undermin.reason',
    ]);
  });

  it('rejects a limit/request ratio over maxLimitRequestRatio', () => {
    assertPass(judge(pod('ratio', [container('c', { cpuMilli: 20 }, { cpuMilli: 200 })])), ['ratio.reason']);
  });
});

describe('Pod Security recordings', () => {
  const judge = (
    recording: string,
    labels: PodSecurityLabels,
    podScenario: PodSecurityScenario['pod'],
    fields?: string[],
  ) => {
    const scenario: PodSecurityScenario = { family: 'podsecurity', labels, pod: podScenario };
    return judgeCase(
      expectPodSecurity(scenario, capabilities, DEFAULT_MODEL_OPTIONS),
      observePodSecurity(loadRecording(recording).trace, scenario),
      fields,
    );
  };
  const restricted: PodSecurityLabels = { enforce: { level: 'restricted', version: 'latest' } };
  const privileged = pod('privileged', [container('c', {}, {}, { security: { privileged: true } })]);
  const hostnet = pod('hostnet', [container('c')], { security: { hostNetwork: true } });
  const plain = pod('plain', [container('c')]);

  it('psa-enforce-restricted: privileged, hostNetwork and plain pods are rejected with their checks', () => {
    for (const p of [privileged, hostnet, plain]) {
      assertPass(judge('psa-enforce-restricted', restricted, p), [
        `${p.name}.enforce.violations`,
        `${p.name}.reason`,
      ]);
    }
  });

  it('psa-enforce-restricted: a compliant pod is admitted', () => {
    const ok = pod('restricted-ok', [
      container(
        'c',
        {},
        {},
        {
          security: {
            allowPrivilegeEscalation: false,
            capabilitiesDrop: ['ALL'],
            runAsNonRoot: true,
            runAsUser: 65534,
            seccompProfile: 'RuntimeDefault',
          },
        },
      ),
    ]);
    assertPass(judge('psa-enforce-restricted', restricted, ok), ['restricted-ok.admitted']);
  });

  it('psa-enforce-baseline-warn-restricted: baseline rejects privileged and hostNetwork, admits plain', () => {
    const labels: PodSecurityLabels = {
      enforce: { level: 'baseline', version: 'latest' },
      warn: { level: 'restricted', version: 'latest' },
      audit: { level: 'restricted', version: 'latest' },
    };
    assertPass(judge('psa-enforce-baseline-warn-restricted', labels, privileged), [
      'privileged.enforce.violations',
    ]);
    assertPass(judge('psa-enforce-baseline-warn-restricted', labels, hostnet), [
      'hostnet.enforce.violations',
    ]);
    // The recorder did not capture Warning headers, so only admission is judged for the plain pod.
    assertPass(judge('psa-enforce-baseline-warn-restricted', labels, plain, ['plain.admitted']), [
      'plain.admitted',
    ]);
  });
});
