import { PSA_AUDIT_VIOLATIONS, PSA_ENFORCE_POLICY, podCreateEvent } from '../../../harness/audit-log';
import type { AuditLogRead } from '../../../harness/cluster-port';
import { createFakeAdmission } from '../../../harness/fake/admission';
import { FAKE_AUDIT_DELAY_MS, FakeAuditLog } from '../../../harness/fake/audit-log-store';
import type { FakeDefect } from '../../../harness/fake/defects';
import { FakeCluster } from '../../../harness/fake/fake-cluster';
import { AutoAdvancingClock } from '../../../harness/fake/virtual-clock';
import { testPod } from '../support/objects';

const NS = 'kp-audit';

async function cluster(labels: Record<string, string>, defects: FakeDefect[] = []): Promise<FakeCluster> {
  const fake = new FakeCluster({
    clock: new AutoAdvancingClock({ startMs: Date.UTC(2025, 0, 1) }),
    admission: createFakeAdmission({ defects }),
  });
  await fake.createNamespace({ metadata: { name: NS, labels } });
  return fake;
}

const hostPidPod = (name: string) => {
  const pod = testPod(name);
  return { ...pod, spec: { ...pod.spec, containers: pod.spec?.containers ?? [], hostPID: true } };
};

function eventsOf(read: AuditLogRead) {
  if (!read.ok) throw new Error(read.reason);
  return read.events;
}

describe('the fake API server audit log', () => {
  it('records a pod create with the PodSecurity annotations, readable after a short delay', async () => {
    const fake = await cluster({ 'pod-security.kubernetes.io/audit': 'baseline' });
    const since = fake.clock.now();
    expect((await fake.create(NS, hostPidPod('h'))).ok).toBe(true);
    expect(eventsOf(await fake.auditEvents(NS, since))).toEqual([]);
    await fake.clock.sleep(FAKE_AUDIT_DELAY_MS);
    const event = podCreateEvent(eventsOf(await fake.auditEvents(NS, since)), 'h');
    expect(event?.responseStatus?.code).toBe(201);
    expect(event?.annotations?.[PSA_AUDIT_VIOLATIONS]).toBe(
      'would violate PodSecurity "baseline:latest": host namespaces (hostPID=true)',
    );
    // The stored pod carries none of it: audit annotations belong to the request's audit event.
    expect((await fake.readPod(NS, 'h'))?.metadata?.annotations?.[PSA_AUDIT_VIOLATIONS]).toBeUndefined();
  });

  it('records a rejected create with its status and the enforced policy', async () => {
    const fake = await cluster({ 'pod-security.kubernetes.io/enforce': 'baseline' });
    expect((await fake.create(NS, hostPidPod('h'))).ok).toBe(false);
    await fake.clock.sleep(FAKE_AUDIT_DELAY_MS);
    const event = podCreateEvent(eventsOf(await fake.auditEvents(NS, 0)), 'h');
    expect(event?.responseStatus?.code).toBe(403);
    expect(event?.annotations?.[PSA_ENFORCE_POLICY]).toBe('baseline:latest');
  });

  it('a dry run is not logged, and other namespaces and older events are left out', async () => {
    const fake = await cluster({ 'pod-security.kubernetes.io/audit': 'baseline' });
    await fake.dryRunCreate(NS, hostPidPod('dry'));
    await fake.create(NS, hostPidPod('early'));
    await fake.clock.sleep(5000);
    const since = fake.clock.now();
    await fake.create(NS, hostPidPod('late'));
    await fake.clock.sleep(FAKE_AUDIT_DELAY_MS);
    expect(eventsOf(await fake.auditEvents(NS, since)).map((e) => e.objectRef?.name)).toEqual(['late']);
    expect(eventsOf(await fake.auditEvents('elsewhere', 0))).toEqual([]);
  });

  it('with podsecurity-audit-ignored the event has no annotations', async () => {
    const fake = await cluster({ 'pod-security.kubernetes.io/audit': 'baseline' }, [
      'podsecurity-audit-ignored',
    ]);
    await fake.create(NS, hostPidPod('h'));
    await fake.clock.sleep(FAKE_AUDIT_DELAY_MS);
    expect(podCreateEvent(eventsOf(await fake.auditEvents(NS, 0)), 'h')?.annotations).toBeUndefined();
  });

  it("drops a deleted namespace's events and keeps the others'", () => {
    const log = new FakeAuditLog();
    log.recordPodCreate('a', 'p', 201, {}, 0);
    log.recordPodCreate('b', 'q', 201, {}, 0);
    log.recordPodCreate('a', 'r', 201, {}, 0);
    log.forget('a');
    const later = FAKE_AUDIT_DELAY_MS;
    expect(eventsOf(log.read('a', 0, later))).toEqual([]);
    expect(eventsOf(log.read('b', 0, later)).map((e) => e.objectRef?.name)).toEqual(['q']);
  });
});
