import type { V1NetworkPolicy } from '@kubernetes/client-node';
import { probeCommand } from '../../../harness/netpol/probe-command';
import {
  cidrContains,
  connectionAllowed,
  parseProbeCommand,
  type NetpolEndpoint,
} from '../../../harness/fake/netpol';
import { createFakeKubelet } from '../../../harness/fake/kubelet/fake-kubelet';
import { TestKubeletContext } from './kubelet-test-context';
import { containerScenario, podFrom, podScenario } from './scenario-pods';

/** NetworkPolicy semantics from kubernetes.io/docs/concepts/services-networking/network-policies. */
const endpoint = (namespace: string, pod: string, ip: string): NetpolEndpoint => ({
  namespace,
  namespaceLabels: { ns: namespace },
  labels: { pod },
  ip,
  ports: [{ name: 'serve-80-tcp', containerPort: 80 }],
});
const xa = endpoint('x', 'a', '10.0.0.1');
const xb = endpoint('x', 'b', '10.0.0.2');
const ya = endpoint('y', 'a', '10.0.1.1');
const policy = (namespace: string, spec: V1NetworkPolicy['spec']): V1NetworkPolicy => ({
  metadata: { name: 'p', namespace },
  spec,
});

describe('fake NetworkPolicy data plane', () => {
  it('an unselected pod is open; a selected one only admits its rules', () => {
    const denyAll = policy('x', { podSelector: { matchLabels: { pod: 'b' } }, policyTypes: ['Ingress'] });
    expect(connectionAllowed({ from: xb, to: xa, port: 80, protocol: 'TCP' }, [denyAll])).toBe(true);
    expect(connectionAllowed({ from: xa, to: xb, port: 80, protocol: 'TCP' }, [denyAll])).toBe(false);
  });

  it('pod and namespace selectors in one peer are ANDed; a podSelector alone means the policy namespace', () => {
    const fromA = policy('x', {
      podSelector: {},
      ingress: [{ _from: [{ podSelector: { matchLabels: { pod: 'a' } } }] }],
    });
    expect(connectionAllowed({ from: xa, to: xb, port: 80, protocol: 'TCP' }, [fromA])).toBe(true);
    expect(connectionAllowed({ from: ya, to: xb, port: 80, protocol: 'TCP' }, [fromA])).toBe(false);
    const fromYA = policy('x', {
      podSelector: {},
      ingress: [
        {
          _from: [
            { podSelector: { matchLabels: { pod: 'a' } }, namespaceSelector: { matchLabels: { ns: 'y' } } },
          ],
        },
      ],
    });
    expect(connectionAllowed({ from: ya, to: xb, port: 80, protocol: 'TCP' }, [fromYA])).toBe(true);
    expect(connectionAllowed({ from: xa, to: xb, port: 80, protocol: 'TCP' }, [fromYA])).toBe(false);
  });

  it('ports: named ports resolve on the destination, endPort makes a range, protocol defaults to TCP', () => {
    const named = policy('x', { podSelector: {}, ingress: [{ ports: [{ port: 'serve-80-tcp' }] }] });
    expect(connectionAllowed({ from: ya, to: xb, port: 80, protocol: 'TCP' }, [named])).toBe(true);
    expect(connectionAllowed({ from: ya, to: xb, port: 81, protocol: 'TCP' }, [named])).toBe(false);
    const range = policy('x', { podSelector: {}, ingress: [{ ports: [{ port: 79, endPort: 81 }] }] });
    expect(connectionAllowed({ from: ya, to: xb, port: 81, protocol: 'TCP' }, [range])).toBe(true);
    expect(connectionAllowed({ from: ya, to: xb, port: 80, protocol: 'UDP' }, [range])).toBe(false);
  });

  it('egress needs the source side too; ipBlock honours except; the egress defect ignores it', () => {
    const egress = policy('x', {
      podSelector: { matchLabels: { pod: 'a' } },
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.1.0/24'] } }] }],
    });
    expect(connectionAllowed({ from: xa, to: xb, port: 80, protocol: 'TCP' }, [egress])).toBe(true);
    expect(connectionAllowed({ from: xa, to: ya, port: 80, protocol: 'TCP' }, [egress])).toBe(false);
    expect(
      connectionAllowed({ from: xa, to: ya, port: 80, protocol: 'TCP' }, [egress], { ignoreEgress: true }),
    ).toBe(true);
    expect(cidrContains('10.0.0.0/8', '10.200.3.4')).toBe(true);
    expect(cidrContains('10.0.0.0/24', '10.0.1.4')).toBe(false);
  });

  it('without policyTypes, `egress: []` does not isolate egress (defaults.go SetDefaults_NetworkPolicy)', () => {
    const emptyEgress = policy('x', { podSelector: { matchLabels: { pod: 'a' } }, egress: [] });
    expect(connectionAllowed({ from: xa, to: ya, port: 80, protocol: 'TCP' }, [emptyEgress])).toBe(true);
    // ...but it is an Ingress policy with no rules: ingress to x/a is denied.
    expect(connectionAllowed({ from: ya, to: xa, port: 80, protocol: 'TCP' }, [emptyEgress])).toBe(false);
    // An empty policyTypes list is defaulted like an absent one: Ingress and, with a rule, Egress.
    const emptyTypes = policy('x', {
      podSelector: { matchLabels: { pod: 'a' } },
      policyTypes: [],
      egress: [{ to: [{ podSelector: { matchLabels: { pod: 'b' } } }] }],
    });
    expect(connectionAllowed({ from: xa, to: xb, port: 80, protocol: 'TCP' }, [emptyTypes])).toBe(true);
    expect(connectionAllowed({ from: xa, to: ya, port: 80, protocol: 'TCP' }, [emptyTypes])).toBe(false);
    expect(connectionAllowed({ from: ya, to: xa, port: 80, protocol: 'TCP' }, [emptyTypes])).toBe(false);
  });

  it('reads the prober commands of harness/netpol/probe-command.ts', () => {
    expect(parseProbeCommand(probeCommand('10.1.2.3', 81, 'TCP'))).toEqual({
      ip: '10.1.2.3',
      port: 81,
      protocol: 'TCP',
    });
    expect(parseProbeCommand(probeCommand('10.1.2.3', 80, 'UDP'))).toEqual({
      ip: '10.1.2.3',
      port: 80,
      protocol: 'UDP',
    });
    expect(parseProbeCommand(probeCommand('10.1.2.3', 80, 'SCTP'))).toEqual({
      ip: '10.1.2.3',
      port: 80,
      protocol: 'SCTP',
    });
    expect(parseProbeCommand(probeCommand('fd00::5', 80, 'SCTP'))).toEqual({
      ip: 'fd00::5',
      port: 80,
      protocol: 'SCTP',
    });
  });

  it('SCTP: an SCTP port admits SCTP only, a TCP port never; the seeded SCTP defects break exactly that', () => {
    const sctpTarget = { ...xb, ports: [{ name: 'serve-80-sctp', containerPort: 80, protocol: 'SCTP' }] };
    const sctp = (to = sctpTarget) => ({ from: ya, to, port: 80, protocol: 'SCTP' as const });
    const sctpPort = policy('x', { podSelector: {}, ingress: [{ ports: [{ protocol: 'SCTP', port: 80 }] }] });
    const tcpPort = policy('x', { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] });
    const named = policy('x', {
      podSelector: {},
      ingress: [{ ports: [{ protocol: 'SCTP', port: 'serve-80-sctp' }] }],
    });
    expect(connectionAllowed(sctp(), [sctpPort])).toBe(true);
    expect(connectionAllowed(sctp(), [named])).toBe(true);
    expect(connectionAllowed({ ...sctp(), protocol: 'TCP' }, [sctpPort])).toBe(false);
    expect(connectionAllowed(sctp(), [tcpPort])).toBe(false);
    expect(connectionAllowed(sctp(), [sctpPort], { dropSctpPorts: true })).toBe(false);
    expect(connectionAllowed(sctp(), [tcpPort], { tcpPortAdmitsSctp: true })).toBe(true);
    // Each defect leaves TCP alone.
    expect(connectionAllowed({ ...sctp(), protocol: 'TCP' }, [tcpPort], { dropSctpPorts: true })).toBe(true);
    expect(connectionAllowed({ ...sctp(), protocol: 'TCP' }, [sctpPort], { tcpPortAdmitsSctp: true })).toBe(
      false,
    );
  });

  it('exec through the simulated kubelet answers from the store and the assigned pod IPs', () => {
    const context = new TestKubeletContext();
    context.namespaces.set('ns', { metadata: { name: 'ns', labels: { ns: 'x' } } });
    const kubelet = createFakeKubelet();
    const serving = (name: string) =>
      podFrom(
        podScenario({
          name,
          labels: { pod: name },
          containers: [containerScenario('c', { ports: [{ name: 'serve-80-tcp', containerPort: 80 }] })],
        }),
      );
    for (const name of ['a', 'b']) kubelet.podCreated(context.addPod(serving(name)), context);
    context.clock.runFor(5000);
    const ipOf = (name: string) => context.lastStatus(name)?.podIP ?? '';
    expect(ipOf('a')).not.toBe(ipOf('b'));
    expect(kubelet.exec('ns', 'a', 'c', probeCommand(ipOf('b'), 80, 'TCP')).exitCode).toBe(0);
    expect(kubelet.exec('ns', 'a', 'c', probeCommand(ipOf('b'), 81, 'TCP')).exitCode).not.toBe(0);
    context.policies.push({
      metadata: { name: 'deny', namespace: 'ns' },
      spec: { podSelector: { matchLabels: { pod: 'b' } }, policyTypes: ['Ingress'] },
    });
    expect(kubelet.exec('ns', 'a', 'c', probeCommand(ipOf('b'), 80, 'TCP')).exitCode).not.toBe(0);
    expect(kubelet.exec('ns', 'b', 'c', probeCommand(ipOf('a'), 80, 'TCP')).exitCode).toBe(0);
  });

  /** Two pods whose agnhost container `s` serves 80/SCTP (no command: the image's entrypoint), and a busybox `c`. */
  function sctpNode(sctp: boolean) {
    const context = new TestKubeletContext();
    context.namespaces.set('ns', { metadata: { name: 'ns', labels: { ns: 'x' } } });
    const kubelet = createFakeKubelet({ sctp });
    for (const name of ['a', 'b']) {
      const pod = podFrom(podScenario({ name, labels: { pod: name }, containers: [containerScenario('c')] }));
      const containers = pod.spec?.containers ?? [];
      containers[0].command = ['sh', '-c', 'exec httpd -f -p 80'];
      containers.push({
        name: 's',
        image: 'agnhost',
        args: ['porter'],
        ports: [{ name: 'serve-80-sctp', containerPort: 80, protocol: 'SCTP' }],
      });
      kubelet.podCreated(context.addPod(pod), context);
    }
    context.clock.runFor(5000);
    const ipOf = (name: string) => context.lastStatus(name)?.podIP ?? '';
    return { kubelet, ipOf };
  }

  it('SCTP through the simulated kubelet: agnhost connect in the server-image container, like the real node', () => {
    const { kubelet, ipOf } = sctpNode(true);
    expect(kubelet.exec('ns', 'a', 's', probeCommand(ipOf('b'), 80, 'SCTP'))).toEqual({
      exitCode: 0,
      output: '',
    });
    // Nothing serves 81/SCTP; busybox has no /agnhost.
    expect(kubelet.exec('ns', 'a', 's', probeCommand(ipOf('b'), 81, 'SCTP')).exitCode).toBe(1);
    expect(kubelet.exec('ns', 'a', 'c', probeCommand(ipOf('b'), 80, 'SCTP')).exitCode).toBe(127);
  });

  it('a node without SCTP answers as agnhost on a kernel without it: EPROTONOSUPPORT', () => {
    const { kubelet, ipOf } = sctpNode(false);
    expect(kubelet.exec('ns', 'a', 's', probeCommand(ipOf('b'), 80, 'SCTP'))).toEqual({
      exitCode: 1,
      output: 'OTHER: protocol not supported\n',
    });
    expect(kubelet.exec('ns', 'a', 'c', probeCommand(ipOf('b'), 80, 'TCP')).exitCode).not.toBe(0);
  });
});
