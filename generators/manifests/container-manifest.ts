import type {
  V1Container,
  V1ContainerPort,
  V1LifecycleHandler,
  V1Probe,
  V1ResourceRequirements,
  V1SecurityContext,
} from '@kubernetes/client-node';
import {
  containerCommand,
  hookCommand,
  probeCommand,
  probeHttpPath,
  type HookName,
} from '../../harness/container-program';
import { seccompProfile, seLinuxOptions } from './security-context';
import { agnhostArgs } from '../../harness/agnhost-program';
import {
  HOOK_HANDLER_HOST,
  handlerHookPath,
  handlerHookPort,
  isHttpsHook,
} from '../../harness/hook-handler-program';
import type {
  ContainerScenario,
  ContainerSecurity,
  HookHandler,
  PodScenario,
  ProbeKind,
  ProbeSpec,
} from '../../model/scenario';
import { resourceList } from './quantities';

function lifecycleHandler(
  hook: HookName,
  handler: HookHandler,
  container: string,
  hookHandler: boolean,
): V1LifecycleHandler {
  switch (handler.kind) {
    case 'exec':
      return { exec: { command: hookCommand(hook, handler) } };
    case 'httpGet':
      // postStart goes to the hook handler pod (the container's own httpd is not listening yet), a
      // preStop there when it says so (upstream's e2e serves both from a handler pod); HTTPS to its TLS server.
      return (hook === 'postStart' || handler.viaHandlerPod) && hookHandler
        ? {
            httpGet: {
              ...(isHttpsHook(handler) ? { scheme: 'HTTPS' } : {}),
              host: HOOK_HANDLER_HOST,
              path: handlerHookPath(container, handler),
              port: handlerHookPort(handler),
            },
          }
        : { httpGet: { path: handler.path, port: handler.port } };
    case 'sleep':
      return { sleep: { seconds: handler.seconds } };
  }
}

function probe(kind: ProbeKind, spec: ProbeSpec): V1Probe {
  const timing: V1Probe = {
    initialDelaySeconds: spec.initialDelaySeconds,
    periodSeconds: spec.periodSeconds,
    timeoutSeconds: spec.timeoutSeconds,
    successThreshold: spec.successThreshold,
    failureThreshold: spec.failureThreshold,
  };
  if (spec.terminationGracePeriodSeconds !== undefined) {
    timing.terminationGracePeriodSeconds = spec.terminationGracePeriodSeconds;
  }
  const handler = spec.handler;
  switch (handler.kind) {
    case 'exec':
      return { ...timing, exec: { command: probeCommand(kind, handler) } };
    case 'httpGet':
      return { ...timing, httpGet: { path: probeHttpPath(kind), port: handler.port } };
    case 'tcpSocket':
      return { ...timing, tcpSocket: { port: handler.port } };
    case 'grpc':
      return { ...timing, grpc: { port: handler.port } };
    case 'serverHttpGet':
      return { ...timing, httpGet: { path: handler.path, port: handler.port } };
  }
}

function securityContext(security: ContainerSecurity): V1SecurityContext {
  const context: V1SecurityContext = {};
  if (security.privileged !== undefined) context.privileged = security.privileged;
  if (security.allowPrivilegeEscalation !== undefined)
    context.allowPrivilegeEscalation = security.allowPrivilegeEscalation;
  if (security.capabilitiesAdd || security.capabilitiesDrop) {
    context.capabilities = {};
    if (security.capabilitiesAdd) context.capabilities.add = [...security.capabilitiesAdd];
    if (security.capabilitiesDrop) context.capabilities.drop = [...security.capabilitiesDrop];
  }
  if (security.runAsNonRoot !== undefined) context.runAsNonRoot = security.runAsNonRoot;
  if (security.runAsUser !== undefined) context.runAsUser = security.runAsUser;
  if (security.seccompProfile) context.seccompProfile = seccompProfile(security.seccompProfile);
  if (security.procMount) context.procMount = security.procMount;
  const seLinux = seLinuxOptions(security);
  if (seLinux) context.seLinuxOptions = seLinux;
  if (security.appArmorProfile) context.appArmorProfile = { type: security.appArmorProfile };
  if (security.windowsHostProcess !== undefined)
    context.windowsOptions = { hostProcess: security.windowsHostProcess };
  return context;
}

function ports(container: ContainerScenario): V1ContainerPort[] {
  const list: V1ContainerPort[] = container.ports.map((p) => ({
    name: p.name,
    containerPort: p.containerPort,
    protocol: 'TCP',
  }));
  const hostPort = container.security?.hostPort;
  // hostPort needs a container port; the same number keeps it valid under hostNetwork too (validation.go).
  if (hostPort !== undefined) list.push({ containerPort: hostPort, hostPort, protocol: 'TCP' });
  return list;
}

/**
 * A container of the pod as the API takes it, running the busybox program for its behaviour, or its server
 * program from `serverImage` (the image's entrypoint with agnhost's args); with `hookHandler` its httpGet postStart
 * goes to the hook handler pod.
 */
export function containerManifest(
  container: ContainerScenario,
  pod: PodScenario,
  image: string,
  hookHandler = false,
  serverImage?: string,
): V1Container {
  const manifest: V1Container = { name: container.name, image, imagePullPolicy: 'IfNotPresent' };
  if (container.server) {
    // Properties that need a server are skipped without one (model/server-image.ts): reaching here is a bug.
    if (serverImage === undefined) throw new Error(`container ${container.name} needs the server image`);
    manifest.image = serverImage;
    manifest.args = agnhostArgs(container.server);
  } else {
    manifest.command = containerCommand(container, pod);
  }
  const containerPorts = ports(container);
  if (containerPorts.length > 0) manifest.ports = containerPorts;
  const resources: V1ResourceRequirements = {};
  const requests = resourceList(container.resources.requests);
  const limits = resourceList(container.resources.limits);
  if (requests) resources.requests = requests;
  if (limits) resources.limits = limits;
  if (requests || limits) manifest.resources = resources;
  const { postStart, preStop } = container.lifecycle;
  if (postStart || preStop) {
    manifest.lifecycle = {};
    if (postStart)
      manifest.lifecycle.postStart = lifecycleHandler('postStart', postStart, container.name, hookHandler);
    if (preStop)
      manifest.lifecycle.preStop = lifecycleHandler('preStop', preStop, container.name, hookHandler);
  }
  const probes = container.probes;
  if (probes.readiness) manifest.readinessProbe = probe('readiness', probes.readiness);
  if (probes.liveness) manifest.livenessProbe = probe('liveness', probes.liveness);
  if (probes.startup) manifest.startupProbe = probe('startup', probes.startup);
  if (container.restartPolicy) manifest.restartPolicy = container.restartPolicy;
  if (container.security) {
    const context = securityContext(container.security);
    if (Object.keys(context).length > 0) manifest.securityContext = context;
  }
  return manifest;
}
