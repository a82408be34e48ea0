import fc from 'fast-check';
import {
  EVENT_NOISE_LIMIT,
  eventHorizon,
  kubeletEventsWithin,
  quietForEvents,
} from '../../generators/event-noise';
import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import type { HooksScenario, ProbesScenario, TerminationScenario } from '../../model/scenario';
import { PROPERTIES } from '../../suites/registry';

/** Verdict fields read from kubelet events (harness/observe/events.ts eventsByReason). */
const EVENT_FIELDS = [
  '*.failedPreStopHook',
  '*.failedPostStartHook',
  '*.postStartKillMessage',
  '*.firstKillAfterStartSeconds',
  '*.killMessage',
  '*.readinessFailureMessage',
  '*.probeKillsDuringTermination',
];

const capabilities = defaultCapabilities(parseServerVersion('v1.26.1'));
const needEvents = PROPERTIES.filter((p) => p.fields.some((f) => EVENT_FIELDS.includes(f)));

describe('event noise: pods whose verdict needs an event stay within the kubelet event budget', () => {
  it('finds the properties that read events', () => {
    expect(needEvents.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        'termination/prestop-failing',
        'hooks/poststart-failing',
        'probes/liveness-restarts',
      ]),
    );
  });

  it.each(needEvents.map((p) => [p.id, p] as const))('%s', (_, property) => {
    fc.assert(
      fc.property(
        property.arbitrary(capabilities) as fc.Arbitrary<
          TerminationScenario | HooksScenario | ProbesScenario
        >,
        (scenario) => {
          const horizon = eventHorizon(scenario);
          expect(horizon).toBeDefined();
          expect(kubeletEventsWithin(scenario.pod, horizon ?? { seconds: 0, deleted: false })).toBeLessThan(
            EVENT_NOISE_LIMIT,
          );
        },
      ),
      { numRuns: 200, seed: 10 },
    );
  });

  it('a never-ready readiness probe every second is noise; quietForEvents drops it', () => {
    const container = {
      name: 'app-0',
      behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' as const } },
      ports: [],
      resources: { requests: {}, limits: {} },
      lifecycle: {},
      probes: {
        readiness: {
          handler: { kind: 'grpc' as const, port: 8084 },
          initialDelaySeconds: 0,
          periodSeconds: 1,
          timeoutSeconds: 1,
          successThreshold: 1,
          failureThreshold: 3,
        },
      },
    };
    const pod = {
      name: 'pod',
      restartPolicy: 'Always' as const,
      initContainers: [],
      containers: [container, { ...container, name: 'app-1' }],
      labels: {},
    };
    const long = { seconds: 6, deleted: true };
    expect(kubeletEventsWithin(pod, long)).toBeGreaterThanOrEqual(EVENT_NOISE_LIMIT);
    const quiet = quietForEvents(pod, long);
    expect(kubeletEventsWithin(quiet, long)).toBeLessThan(EVENT_NOISE_LIMIT);
    expect(quiet.containers.map((c) => c.probes.readiness !== undefined)).toEqual([true, false]);
    expect(quietForEvents(pod, { seconds: 1, deleted: false })).toBe(pod);
  });
});
