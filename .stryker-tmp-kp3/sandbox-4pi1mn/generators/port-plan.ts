// @ts-nocheck
import type { ContainerScenario, HookHandler, ProbeKind, ProbeSpec } from '../model/scenario';

/**
 * Every container of a pod gets its own block of ports, so ports are unique across the pod by
 * construction (containers share the pod's network namespace). Offsets within a block:
 */
const PORT_OFFSET = { http: 0, readiness: 1, liveness: 2, startup: 3, grpc: 4 } as const;
const PORT_BLOCK = 10;
const FIRST_PORT = 8080;

export type PortRole = keyof typeof PORT_OFFSET;

// IANA_SVC_NAME: at most 15 characters, lowercase alphanumerics and single hyphens, one letter at least
// (pkg/apis/core/validation/validation.go validateContainerPorts → IsValidPortName).
const PORT_NAME: Record<PortRole, string> = {
  http: 'http',
  readiness: 'ready',
  liveness: 'live',
  startup: 'start',
  grpc: 'grpc',
};

/** The port the container at position `index` of its pod uses for `role`. */
export function plannedPort(index: number, role: PortRole): number {
  return FIRST_PORT + index * PORT_BLOCK + PORT_OFFSET[role];
}

function roleOfProbe(kind: ProbeKind, probe: ProbeSpec): PortRole | undefined {
  switch (probe.handler.kind) {
    case 'httpGet':
      return 'http';
    case 'tcpSocket':
      return kind;
    case 'grpc':
      return 'grpc';
    case 'exec':
      return undefined;
  }
}

function probeEntries(container: Pick<ContainerScenario, 'probes'>): [ProbeKind, ProbeSpec][] {
  return Object.entries(container.probes) as [ProbeKind, ProbeSpec][];
}

/** The named ports a container declares for what it serves (httpd, tcp listeners, the grpc port). */
export function declaredPorts(
  container: Pick<ContainerScenario, 'lifecycle' | 'probes'>,
  index: number,
): ContainerScenario['ports'] {
  const roles = new Set<PortRole>();
  for (const handler of [container.lifecycle.postStart, container.lifecycle.preStop]) {
    if (handler?.kind === 'httpGet') roles.add('http');
  }
  for (const [kind, probe] of probeEntries(container)) {
    const role = roleOfProbe(kind, probe);
    if (role) roles.add(role);
  }
  return [...roles]
    .sort((a, b) => PORT_OFFSET[a] - PORT_OFFSET[b])
    .map((role) => ({ name: `${PORT_NAME[role]}-${index}`, containerPort: plannedPort(index, role) }));
}

function shiftHook(handler: HookHandler | undefined, shift: number): HookHandler | undefined {
  return handler?.kind === 'httpGet' ? { ...handler, port: handler.port + shift } : handler;
}

/**
 * Moves a container generated for block 0 to the block of position `index` and declares its ports:
 * the container arbitrary does not know its position, the pod arbitrary does.
 */
export function placeInPortBlock(container: ContainerScenario, index: number): ContainerScenario {
  const shift = index * PORT_BLOCK;
  const lifecycle: ContainerScenario['lifecycle'] = {};
  const postStart = shiftHook(container.lifecycle.postStart, shift);
  const preStop = shiftHook(container.lifecycle.preStop, shift);
  if (postStart) lifecycle.postStart = postStart;
  if (preStop) lifecycle.preStop = preStop;
  const probes: ContainerScenario['probes'] = {};
  for (const [kind, probe] of probeEntries(container)) {
    const handler =
      probe.handler.kind === 'exec' ? probe.handler : { ...probe.handler, port: probe.handler.port + shift };
    probes[kind] = { ...probe, handler };
  }
  const placed = { ...container, lifecycle, probes };
  return { ...placed, ports: declaredPorts(placed, index) };
}
