/**
 * probes/http-redirects
 * - An httpGet probe MUST follow a redirect to the same host and count the target's answer; it MUST NOT follow one to
 *   another host, counting it as success with a Warning ProbeWarning event "<Kind> probe warning: Probe terminated
 *   redirects, Response body: ..." (pkg/probe/http/http.go DoHTTPProbe and RedirectChecker; pkg/kubelet/prober/prober.go
 *   followNonLocalRedirects = false, runProbe records the warning). Upstream: container_probe.go "should be restarted
 *   with a local redirect http liveness probe", "should *not* be restarted with a non-local redirect http liveness probe".
 *   Needs the server image (agnhost): skipped without it.
 *
 * generator: generators/probes-scenario.ts, steadied, the first app container replaced by an agnhost program
 *   (generators/server-container.ts): `liveness` (/healthz 200 for 10 s, then 500) or `netexec`, with a liveness probe
 *   (period 2 s, failureThreshold 1–2, probe-level grace 2 s where supported) of its /redirect to a local path (liveness:
 *   /healthz, failing after 10 s; netexec: /echo?code=500|503, failing at once, or /healthz, passing) or to
 *   http://0.0.0.0/ (not followed: success and ProbeWarning), 301/302/307/308 on netexec. restartPolicy Always; the
 *   other containers lose their readiness probes. Window 30 s.
 * model rule: model/probes.ts expectProbes with model/server-program.ts serverProbeOutlook — probes.http-redirects,
 *   probes.kill-message, probes.restart-count-monotonic.
 * observation: harness/observe/probes.ts observeProbes (probeWarningMessage: the last ProbeWarning event).
 * verdict: `*.firstKillAfterStartSeconds`, `*.killMessage`, `*.restartCount`, `*.restartCountNeverDecreases`,
 *   `*.probeWarningMessage`.
 */
import fc from 'fast-check';
import { probesScenario } from '../../generators';
import { serverContainer } from '../../generators/server-container';
import { livenessRedirectPath, netexecRedirectPath, serverHttpPort } from '../../harness/agnhost-program';
import { plannedPort } from '../../generators/port-plan';
import { expectProbes } from '../../model/probes';
import { serverImageUnsupported } from '../../model/server-image';
import { observeProbes } from '../../harness/observe/probes';
import { steadyPod } from '../termination/steady-pod';
import { focusedProbe, probingFirstContainer } from './probes-focus';
import { PROBES_BUDGET } from './probes-budget';
import type { ServerProgram } from '../../model/scenario';
import type { PropertyDefinition } from '../../runner/property-definition';

/** Where upstream's non-local redirect points: a host other than the pod's IP, where nothing answers. */
const OFF_HOST = 'http://0.0.0.0/';

type Target = 'local' | 'nonLocal';

/** The redirect path for `program`: to a local path (which fails, or on netexec may pass) or off the host. */
function redirectPath(
  program: ServerProgram,
  target: Target,
  failStatus: number | undefined,
  code: number,
): string {
  if (program.kind === 'liveness') return livenessRedirectPath(target === 'local' ? '/healthz' : OFF_HOST);
  if (target === 'nonLocal') return netexecRedirectPath(OFF_HOST, code);
  return netexecRedirectPath(failStatus === undefined ? '/healthz' : `/echo?code=${failStatus}`, code);
}

export const httpRedirects: PropertyDefinition<'probes'> = {
  id: 'probes/http-redirects',
  family: 'probes',
  statement:
    'An httpGet probe MUST follow a redirect to its own host and MUST NOT follow one to another host (a success with a ProbeWarning event)',
  unsupported: serverImageUnsupported,
  arbitrary: (capabilities) =>
    fc
      .tuple(
        probesScenario(capabilities, { maxContainers: 2, maxObserveSeconds: 12 }),
        fc.constantFrom('liveness' as const, 'netexec' as const),
        fc.constantFrom('local' as const, 'nonLocal' as const),
        fc.option(fc.constantFrom(500, 503), { nil: undefined }),
        fc.constantFrom(302, 301, 307, 308),
        fc.integer({ min: 1, max: 2 }),
      )
      .map(([scenario, kind, target, failStatus, code, failureThreshold]) => {
        const steady = steadyPod(scenario.pod);
        const block = scenario.pod.initContainers.length;
        const program: ServerProgram =
          kind === 'liveness'
            ? { kind: 'liveness' }
            : { kind: 'netexec', httpPort: plannedPort(block, 'http') };
        const probe = focusedProbe(
          {
            kind: 'serverHttpGet',
            port: serverHttpPort(program),
            path: redirectPath(program, target, failStatus, code),
          },
          // Its server listens within a second of the start (a refused GET is a failure).
          { initialDelaySeconds: 1, failureThreshold },
        );
        if (capabilities.probeGrace) probe.terminationGracePeriodSeconds = 2;
        const server = { ...serverContainer(steady.containers[0], program), probes: { liveness: probe } };
        const pod = probingFirstContainer(steady, server, 'liveness', block);
        // The server container declares its own port (probingFirstContainer declares the busybox program's).
        return {
          ...scenario,
          pod: { ...pod, containers: pod.containers.map((c, i) => (i === 0 ? server : c)) },
          observeSeconds: 30,
        };
      }),
  expect: expectProbes,
  observe: observeProbes,
  fields: [
    '*.firstKillAfterStartSeconds',
    '*.killMessage',
    '*.restartCount',
    '*.restartCountNeverDecreases',
    '*.probeWarningMessage',
  ],
  budget: PROBES_BUDGET,
};
