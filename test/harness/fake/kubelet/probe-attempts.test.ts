import { runProbeHandler } from '../../../../harness/fake/kubelet/container-program';
import { EXEC_LAG_SECONDS } from '../../../../harness/fake/kubelet/jitter';
import type { ProbeHandler, ProbeKind, ProbeSpec } from '../../../../model/scenario';
import { containerScenario, podScenario } from '../scenario-pods';
import { runPod } from './run-pod';

/**
 * Probe attempts that take time (pkg/kubelet/prober/worker.go run waits for doProbe; pkg/probe/exec/exec.go
 * cuts a command at timeoutSeconds; pkg/probe/grpc/grpc.go dials until its timeout when nothing serves).
 */
function probed(kind: ProbeKind, handler: ProbeHandler, overrides: Partial<ProbeSpec> = {}) {
  const probe: ProbeSpec = {
    handler,
    initialDelaySeconds: 0,
    periodSeconds: 1,
    timeoutSeconds: 2,
    successThreshold: 1,
    failureThreshold: 1,
    ...overrides,
  };
  return podScenario({
    restartPolicy: 'Always',
    containers: [
      containerScenario('c', {
        behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' }, readyAfterSeconds: 0 },
        probes: { [kind]: probe },
      }),
    ],
  });
}

/** Seconds between consecutive Unhealthy events. */
function gaps(times: number[]): number[] {
  return times.slice(1).map((t, i) => (t - times[i]) / 1000);
}

function unhealthyTimes(pod: ReturnType<typeof runPod>): number[] {
  return pod.context.record.flatMap((r) =>
    r.kind === 'event' && r.event.reason === 'Unhealthy' ? [r.at] : [],
  );
}

describe('probe attempts in the fake kubelet', () => {
  it('an exec command outlasting timeoutSeconds fails at the timeout, attempts back to back (period 1 < timeout 2)', () => {
    const pod = runPod(probed('readiness', { kind: 'exec', hangSeconds: 5 }), 12);
    const times = unhealthyTimes(pod);
    expect(times.length).toBeGreaterThanOrEqual(4);
    // Each attempt ends at the runtime's timeout, which lags the kubelet's call (jitter.ts EXEC_LAG_SECONDS).
    expect(gaps(times).every((gap) => gap > 2 && gap <= 2 + EXEC_LAG_SECONDS.max + 0.01)).toBe(true);
    // Worded as the CRI client words a DeadlineExceeded ExecSync: command "<cmd joined by spaces>" timed out.
    expect(pod.context.events('Unhealthy')[0].message).toMatch(
      /^Readiness probe failed: command "sh -c sleep 5; test -f [^"]+" timed out$/,
    );
    expect(pod.container()?.ready).toBe(false);
  });

  it('an exec command answering within timeoutSeconds counts by its exit status', () => {
    const pod = runPod(probed('readiness', { kind: 'exec', hangSeconds: 1 }), 12);
    expect(pod.context.events('Unhealthy')).toHaveLength(0);
    expect(pod.container()?.ready).toBe(true);
  });

  it('with exec-timeout-ignored the outlasting command passes (its exit status counts)', () => {
    const pod = runPod(probed('readiness', { kind: 'exec', hangSeconds: 3 }), 12, {
      defects: ['exec-timeout-ignored'],
    });
    expect(pod.context.events('Unhealthy')).toHaveLength(0);
    expect(pod.container()?.ready).toBe(true);
  });

  it('a gRPC liveness probe with nothing serving fails at each timeout and kills the container', () => {
    const pod = runPod(
      probed('liveness', { kind: 'grpc', port: 8084 }, { terminationGracePeriodSeconds: 2 }),
      25,
    );
    expect(pod.context.events('Unhealthy')[0].message).toMatch(/^Liveness probe failed: timeout: /);
    expect(pod.context.events('Killing')[0].message).toBe(
      'Container c failed liveness probe, will be restarted',
    );
    expect(pod.container()?.restartCount).toBeGreaterThanOrEqual(1);
  });

  it('with grpc-probe-ignored a gRPC liveness probe never fails', () => {
    const pod = runPod(probed('liveness', { kind: 'grpc', port: 8084 }), 25, {
      defects: ['grpc-probe-ignored'],
    });
    expect(pod.context.events('Unhealthy')).toHaveLength(0);
    expect(pod.container()?.restartCount).toBe(0);
  });
});

describe('probes before the container program listens', () => {
  // A real v1.26.1 node (test/fixtures/real-runs/v1.26.1-probes-http-status-r1): a readiness GET that
  // came before the program's httpd listened was refused; later ones got the CGI's status.
  const http: ProbeHandler = { kind: 'httpGet', port: 8081, okStatus: 200, failStatus: 404 };

  it('an httpGet or tcpSocket probe is refused until the servers listen, whatever the signal', () => {
    const refused = runProbeHandler(http, 'readiness', true, 1, '10.0.0.7', true, undefined, false);
    expect(refused).toEqual({
      success: false,
      failure:
        'Get "http://10.0.0.7:8081/cgi-bin/probe-readiness": dial tcp 10.0.0.7:8081: connect: connection refused',
    });
    const tcp: ProbeHandler = { kind: 'tcpSocket', port: 8081 };
    expect(runProbeHandler(tcp, 'readiness', true, 1, '10.0.0.7', true, undefined, false).success).toBe(
      false,
    );
    expect(runProbeHandler(http, 'readiness', true, 1, '10.0.0.7', true, undefined, true).success).toBe(true);
    expect(runProbeHandler(tcp, 'readiness', true, 1, '10.0.0.7', true, undefined, true).success).toBe(true);
  });
});
