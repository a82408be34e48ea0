import type { CoreV1Event } from '@kubernetes/client-node';
import fc from 'fast-check';
import {
  EVENT_SPAM_BURST,
  EVENT_SPAM_REFILL_SECONDS,
  eventBudget,
  tryAccept,
} from '../../../harness/observe/event-budget';
import { absentEvent, eventBudgetSpent } from '../../../harness/observe/events';
import { observeHooks } from '../../../harness/observe/hooks';
import { observeTermination } from '../../../harness/observe/termination';
import type { HooksScenario, TerminationScenario } from '../../../model/scenario';
import type { Trace } from '../../../model/trace';
import { kubepropRunAvailable, recordedCase } from '../../fixtures/kubeprop-runs';

const T0 = Date.UTC(2026, 11, 2);
const REFILL_MS = EVENT_SPAM_REFILL_SECONDS * 1000;

function kubeletEvent(t: number, reason: string, count = 1, component = 'kubelet'): Trace[number] {
  const event: CoreV1Event = {
    metadata: { name: `p.${reason}` },
    involvedObject: { kind: 'Pod', name: 'p', namespace: 'ns', uid: 'u', apiVersion: 'v1' },
    reason,
    count,
    lastTimestamp: new Date(t),
    source: { component, host: 'node' },
  };
  return { kind: 'event', t, event };
}

describe('event budget (client-go events_cache.go spam filter)', () => {
  it('is spent by the 25th event sent at once, not by the 24th', () => {
    const at = (n: number) => eventBudget(Array<number>(n).fill(T0), T0);
    expect(at(24)).toMatchObject({ attempts: 24, sent: 24, couldBeSpent: false });
    expect(at(25)).toMatchObject({ attempts: 25, sent: 25, couldBeSpent: true });
    expect(at(30)).toMatchObject({ attempts: 30, sent: 25, couldBeSpent: true });
  });

  it('refills one token per 300 s, up to the burst', () => {
    const spent = Array<number>(EVENT_SPAM_BURST).fill(T0);
    expect(eventBudget([...spent, T0 + REFILL_MS - 1], T0 + REFILL_MS).sent).toBe(25);
    expect(eventBudget([...spent, T0 + REFILL_MS], T0 + REFILL_MS).sent).toBe(26);
    const rested = tryAccept({ tokens: 0, at: T0 }, T0 + 100 * REFILL_MS).bucket;
    expect(rested.tokens).toBe(EVENT_SPAM_BURST - 1);
  });

  it('an emptied bucket counts as spent even if it refilled by the instant asked', () => {
    const spent = Array<number>(EVENT_SPAM_BURST).fill(T0);
    expect(eventBudget(spent, T0 + 10 * REFILL_MS).couldBeSpent).toBe(true);
  });

  it('ignores attempts after the instant, and sends at most burst + elapsed / 300 s', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 * REFILL_MS }), { maxLength: 80 }), (offsets) => {
        const attempts = offsets.map((o) => T0 + o);
        const at = T0 + REFILL_MS;
        const budget = eventBudget(attempts, at);
        expect(budget.attempts).toBe(attempts.filter((t) => t <= at).length);
        expect(budget.sent).toBeLessThanOrEqual(EVENT_SPAM_BURST + 1);
        expect(budget.sent).toBeLessThanOrEqual(budget.attempts);
        if (budget.attempts < EVENT_SPAM_BURST) expect(budget.couldBeSpent).toBe(false);
      }),
    );
  });
});

describe('an absent event is evidence only within the budget', () => {
  const absent = { kind: 'value', value: false } as const;

  it('counts each step of an event count as one attempt, and only kubelet events about the pod', () => {
    const trace: Trace = [
      kubeletEvent(T0, 'Started'),
      kubeletEvent(T0 + 1000, 'Unhealthy', 1),
      kubeletEvent(T0 + 20_000, 'Unhealthy', 23),
      kubeletEvent(T0, 'Scheduled', 1, 'default-scheduler'),
    ];
    expect(eventBudgetSpent(trace, 'p', T0 + 20_000)).toBeUndefined();
    expect(absentEvent(trace, 'p', T0 + 20_000, 'FailedPreStopHook event', absent)).toEqual(absent);
    const more = [...trace, kubeletEvent(T0 + 21_000, 'Killing')];
    expect(absentEvent(more, 'p', T0 + 21_000, 'FailedPreStopHook event', absent)).toMatchObject({
      kind: 'missing',
      reason: expect.stringContaining('25 events by then'),
    });
    expect(eventBudgetSpent(more, 'other', T0 + 21_000)).toBeUndefined();
    expect(eventBudgetSpent(more, 'p', T0 + 19_000)).toBeUndefined();
  });
});

describe("an absent event is no evidence when the pod's events are incomplete", () => {
  const absent = { kind: 'value', value: false } as const;
  const started = (container: string): Trace[number] => ({
    kind: 'podWatch',
    t: T0 + 3000,
    type: 'MODIFIED',
    object: {
      metadata: { name: 'p' },
      status: {
        containerStatuses: [
          {
            name: container,
            image: 'busybox',
            imageID: '',
            ready: true,
            restartCount: 0,
            state: { running: { startedAt: new Date(T0 + 2000) } },
          },
        ],
      },
    },
  });
  const startedEvent = (container: string): Trace[number] => {
    const entry = kubeletEvent(T0 + 2500, 'Started');
    if (entry.kind === 'event') entry.event.involvedObject.fieldPath = `spec.containers{${container}}`;
    return entry;
  };

  it("a started container without its Started event: the kubelet's events were delayed or dropped (busy v1.26 node)", () => {
    const trace: Trace = [started('app-0')];
    expect(absentEvent(trace, 'p', T0 + 20_000, 'FailedPreStopHook event', absent)).toMatchObject({
      kind: 'missing',
      reason: expect.stringContaining('no Started event for app-0, whose status shows it started'),
    });
  });

  it('with the Started event seen, the absence counts', () => {
    const trace: Trace = [startedEvent('app-0'), started('app-0')];
    expect(absentEvent(trace, 'p', T0 + 20_000, 'FailedPreStopHook event', absent)).toEqual(absent);
  });
});

const RUN = 'v1.26.1-dollar-escaped';
const onRecording = kubepropRunAvailable(RUN) ? it : it.skip;

describe('real cluster: events lost to the budget', () => {
  onRecording('termination-prestop-failing-r0: the lost FailedPreStopHook is inconclusive, not false', () => {
    const recorded = recordedCase(RUN, 'termination-prestop-failing-r0');
    // As recorded, the run observed false and failed the property.
    expect(recorded.observation.fields['app-0.failedPreStopHook']).toEqual({ kind: 'value', value: false });
    const observed = observeTermination(recorded.trace, recorded.scenario as TerminationScenario);
    expect(observed.fields['app-0.failedPreStopHook']).toMatchObject({
      kind: 'missing',
      reason: expect.stringMatching(/FailedPreStopHook event not seen, and the kubelet's event budget/),
    });
  });

  onRecording('hooks-http-hook-r0: 17 kubelet events, so an absent FailedPostStartHook stays false', () => {
    const recorded = recordedCase(RUN, 'hooks-http-hook-r0');
    const observed = observeHooks(recorded.trace, recorded.scenario as HooksScenario);
    expect(observed.fields['app-0.failedPostStartHook']).toEqual({ kind: 'value', value: true });
    expect(observed.fields['app-1.failedPostStartHook']).toEqual({ kind: 'value', value: false });
  });
});
