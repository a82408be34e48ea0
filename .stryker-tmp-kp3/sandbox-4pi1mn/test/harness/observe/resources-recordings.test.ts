// @ts-nocheck
import { defaultCapabilities, parseServerVersion } from '../../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../../model/expectation';
import { expectResources } from '../../../model/resources';
import type { ResourcesScenario } from '../../../model/scenario';
import { observeResources } from '../../../harness/observe/resources';
import { judgeCase } from '../../../verdicts/case-verdict';
import { loadRecording } from '../../fixtures/recordings';
import { container, pod } from '../../model/resources-builders';

/**
 * Ground truth: the v1.26.1 recordings, rewritten by hand as intent-level scenarios (one per pod of
 * the recording), reduced by observeResources and judged against expectResources.
 */
const capabilities = defaultCapabilities(parseServerVersion('v1.26'));

function judge(recording: string, scenario: ResourcesScenario) {
  const expectation = expectResources(scenario, capabilities, DEFAULT_MODEL_OPTIONS);
  const observation = observeResources(loadRecording(recording).trace, scenario);
  return judgeCase(expectation, observation);
}

function expectPass(recording: string, scenario: ResourcesScenario, mustJudge: string[]) {
  const verdict = judge(recording, scenario);
  expect(verdict.diff.filter((d) => d.outcome !== 'pass')).toEqual([]);
  expect(verdict.outcome).toBe('pass');
  expect(verdict.diff.map((d) => d.field)).toEqual(expect.arrayContaining(mustJudge));
}

const sleeper = (name: string, requests = {}, limits = {}) =>
  ({ family: 'resources', pod: pod(name, [container('c', requests, limits)]), observeSeconds: 3 }) as const;

describe('resources model and reducer agree with the v1.26.1 recordings', () => {
  it('qos-classes: no resources is BestEffort', () => {
    expectPass('qos-classes', sleeper('be'), ['be.qosClass', 'be.scheduled']);
  });

  it('qos-classes: a cpu request alone is Burstable', () => {
    expectPass('qos-classes', sleeper('bu', { cpuMilli: 10 }), ['bu.qosClass']);
  });

  it('qos-classes: limits only (requests defaulted) is Guaranteed', () => {
    expectPass('qos-classes', sleeper('gu', {}, { cpuMilli: 50, memoryMi: 32 }), ['gu.qosClass']);
  });

  it('a wrong QoS expectation fails against the same recording', () => {
    const verdict = judge('qos-classes', sleeper('gu', { cpuMilli: 10 }, { cpuMilli: 50, memoryMi: 32 }));
    expect(verdict.outcome).toBe('fail');
    expect(verdict.diff.find((d) => d.field === 'gu.qosClass')?.outcome).toBe('fail');
  });

  it('unschedulable-cpu: 500 cpus stay Pending with Insufficient cpu', () => {
    expectPass('unschedulable-cpu', sleeper('p', { cpuMilli: 500_000 }), [
      'p.scheduled',
      'p.schedulingMessage',
    ]);
  });

  it('oom-killed: 80 MB into a 32Mi limit is OOMKilled and, with Never, the pod fails', () => {
    const scenario: ResourcesScenario = {
      family: 'resources',
      pod: pod(
        'p',
        [
          container(
            'c',
            {},
            { memoryMi: 32, cpuMilli: 200 },
            { behaviour: { startDelaySeconds: 1, sigterm: { kind: 'default' }, allocateMemoryMi: 80 } },
          ),
        ],
        { restartPolicy: 'Never' },
      ),
      observeSeconds: 12,
    };
    expectPass('oom-killed', scenario, ['p.c.oomKilled', 'p.phase', 'p.c.restartCount', 'p.qosClass']);
  });

  it('ephemeral-storage-eviction: 20 MiB into a 5Mi limit evicts the pod', () => {
    const scenario: ResourcesScenario = {
      family: 'resources',
      pod: pod('p', [
        container(
          'c',
          {},
          { ephemeralStorageMi: 5 },
          { behaviour: { startDelaySeconds: 0, sigterm: { kind: 'default' }, writeEphemeralMi: 20 } },
        ),
      ]),
      observeSeconds: 30,
    };
    expectPass('ephemeral-storage-eviction', scenario, [
      'p.evicted',
      'p.phase',
      'p.statusReason',
      'p.statusMessage',
      'p.qosClass',
    ]);
  });

  it('extended-resource: 2 of 4 dongles fit', () => {
    const scenario: ResourcesScenario = {
      family: 'resources',
      pod: pod('fits', [container('c', {}, { extended: { 'example.com/dongle': 2 } })]),
      observeSeconds: 5,
      extendedCapacity: { resource: 'example.com/dongle', perNode: 4 },
    };
    expectPass('extended-resource', scenario, ['fits.scheduled', 'fits.qosClass']);
  });

  it('extended-resource: 3 more do not fit the 2 left by "fits"', () => {
    // The recording created "fits" first; the capacity left for this pod is 4 - 2.
    const scenario: ResourcesScenario = {
      family: 'resources',
      pod: pod('toomany', [container('c', {}, { extended: { 'example.com/dongle': 3 } })]),
      observeSeconds: 5,
      extendedCapacity: { resource: 'example.com/dongle', perNode: 2 },
    };
    expectPass('extended-resource', scenario, ['toomany.scheduled', 'toomany.schedulingMessage']);
  });

  it('extended-resource: request 1 with limit 2 is rejected (not overcommittable)', () => {
    const scenario: ResourcesScenario = {
      family: 'resources',
      pod: pod('unequal', [
        container('c', { extended: { 'example.com/dongle': 1 } }, { extended: { 'example.com/dongle': 2 } }),
      ]),
      observeSeconds: 5,
      extendedCapacity: { resource: 'example.com/dongle', perNode: 4 },
    };
    expectPass('extended-resource', scenario, ['unequal.admitted', 'unequal.reason']);
  });
});
