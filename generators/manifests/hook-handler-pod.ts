import type { V1Container, V1LifecycleHandler, V1Pod } from '@kubernetes/client-node';
import type { ManagedObject } from '../../harness/cluster-port';
import { agnhostArgs } from '../../harness/agnhost-program';
import {
  HOOK_HANDLER_CONTAINER,
  HOOK_HANDLER_HOST,
  HOOK_HANDLER_POD,
  HOOK_HANDLER_PORT,
  HOOK_HANDLER_TLS_CONTAINER,
  HOOK_HANDLER_TLS_PORT,
  HOOK_HANDLER_TLS_PROGRAM,
  hookHandlerCommand,
  isHttpsHook,
  type HandlerRoute,
} from '../../harness/hook-handler-program';
import { INTENT_ANNOTATION } from '../../model/labels';
import type { ContainerScenario, PodScenario } from '../../model/scenario';
import { serverContainer } from '../server-container';
import type { ManifestOptions } from './manifest-options';

type PodObject = { kind: 'Pod' } & V1Pod;

/** The label that tells the handler pod from the pod under test. */
export const ROLE_LABEL = 'kubeprop.dev/role';

/** The httpGet postStart hooks of a pod and its preStop ones `viaHandlerPod`, each served by the handler pod. */
export function hookHandlerRoutes(pod: PodScenario): HandlerRoute[] {
  return [...pod.initContainers, ...pod.containers].flatMap((c) => {
    const { postStart, preStop } = c.lifecycle;
    return [
      ...(postStart?.kind === 'httpGet' ? [{ container: c.name, handler: postStart }] : []),
      ...(preStop?.kind === 'httpGet' && preStop.viaHandlerPod
        ? [{ container: c.name, handler: preStop }]
        : []),
    ];
  });
}

/** What the busybox handler does, for the fake cluster: it starts at once and serves its port until killed. */
const HTTP_HANDLER_INTENT: ContainerScenario = {
  name: HOOK_HANDLER_CONTAINER,
  behaviour: { startDelaySeconds: 0, sigterm: { kind: 'default' }, readyAfterSeconds: 0 },
  ports: [{ name: 'http', containerPort: HOOK_HANDLER_PORT }],
  resources: { requests: {}, limits: {} },
  lifecycle: {},
  probes: {},
};

/** The busybox handler: httpd with one CGI per HTTP hook, Ready once its port accepts connections. */
function httpHandler(routes: HandlerRoute[], options: ManifestOptions): V1Container {
  return {
    name: HOOK_HANDLER_CONTAINER,
    image: options.image,
    imagePullPolicy: 'IfNotPresent',
    command: hookHandlerCommand(routes),
    ports: [{ name: 'http', containerPort: HOOK_HANDLER_PORT, protocol: 'TCP' }],
    readinessProbe: { tcpSocket: { port: HOOK_HANDLER_PORT }, periodSeconds: 1 },
  };
}

/**
 * The HTTPS handler, upstream's `netexec --http-port 9090 --udp-port 9091 --tls-cert-file /localhost.crt
 * --tls-private-key-file /localhost.key` (lifecycle_hook.go), Ready once its /healthz answers over TLS (the
 * prober skips certificate checks too: pkg/probe/http/http.go New): its UDP server is up then, and a
 * handshake-only tcpSocket probe would log a TLS handshake error every second.
 */
function httpsHandler(options: ManifestOptions): V1Container {
  // Properties generate HTTPS hooks only with the server image (generators/hook-handler.ts hookSchemes).
  if (options.serverImage === undefined) throw new Error('an HTTPS hook handler needs the server image');
  return {
    name: HOOK_HANDLER_TLS_CONTAINER,
    image: options.serverImage,
    imagePullPolicy: 'IfNotPresent',
    args: agnhostArgs(HOOK_HANDLER_TLS_PROGRAM),
    ports: [{ name: 'https', containerPort: HOOK_HANDLER_TLS_PORT, protocol: 'TCP' }],
    readinessProbe: {
      httpGet: { scheme: 'HTTPS', path: '/healthz', port: HOOK_HANDLER_TLS_PORT },
      periodSeconds: 1,
    },
  };
}

/**
 * The hook handler pod for a pod whose containers have httpGet hooks it serves (none otherwise): the busybox
 * handler for HTTP hooks, the agnhost TLS one for HTTPS hooks, each only when some hook needs it. It is created
 * and waited Ready before the pod under test (harness/plan.ts), which reaches it at its IP (harness/run-case.ts).
 */
export function hookHandlerPod(pod: PodScenario, options: ManifestOptions): PodObject | undefined {
  const routes = hookHandlerRoutes(pod);
  if (routes.length === 0) return undefined;
  const http = routes.filter((route) => !isHttpsHook(route.handler));
  const https = routes.length > http.length;
  const containers: V1Container[] = [];
  const intents: ContainerScenario[] = [];
  if (http.length > 0) {
    containers.push(httpHandler(http, options));
    intents.push(HTTP_HANDLER_INTENT);
  }
  if (https) {
    containers.push(httpsHandler(options));
    intents.push(
      serverContainer({ ...HTTP_HANDLER_INTENT, name: HOOK_HANDLER_TLS_CONTAINER }, HOOK_HANDLER_TLS_PROGRAM),
    );
  }
  const intent: PodScenario = {
    name: HOOK_HANDLER_POD,
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 1,
    initContainers: [],
    containers: intents,
    labels: {},
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: HOOK_HANDLER_POD,
      namespace: options.namespace,
      labels: { ...options.labels, [ROLE_LABEL]: HOOK_HANDLER_POD },
      annotations: { [INTENT_ANNOTATION]: JSON.stringify(intent) },
    },
    spec: {
      restartPolicy: 'Always',
      // httpd as PID 1 ignores SIGTERM, netexec exits on it: nothing to wait for at cleanup.
      terminationGracePeriodSeconds: 1,
      containers,
    },
  };
}

/** Whether an object is the handler pod. */
export function isHookHandler(object: ManagedObject): boolean {
  return object.kind === 'Pod' && object.metadata?.labels?.[ROLE_LABEL] === HOOK_HANDLER_POD;
}

/** The handler, with its host the handler's IP when it names the handler pod. */
function pointed(handler: V1LifecycleHandler | undefined, ip: string): V1LifecycleHandler | undefined {
  return handler?.httpGet?.host === HOOK_HANDLER_HOST
    ? { httpGet: { ...handler.httpGet, host: ip } }
    : handler;
}

/** The pod with its hooks' hosts pointing at the handler's IP (a pod without them comes back as it is). */
export function withHookHandlerIp(pod: PodObject, ip: string): PodObject {
  if (!pod.spec) return pod;
  const point = (containers: V1Container[]): V1Container[] =>
    containers.map((c) => {
      if (!c.lifecycle) return c;
      const lifecycle = { ...c.lifecycle };
      const postStart = pointed(c.lifecycle.postStart, ip);
      const preStop = pointed(c.lifecycle.preStop, ip);
      if (postStart) lifecycle.postStart = postStart;
      if (preStop) lifecycle.preStop = preStop;
      return { ...c, lifecycle };
    });
  return {
    ...pod,
    spec: {
      ...pod.spec,
      containers: point(pod.spec.containers),
      ...(pod.spec.initContainers ? { initContainers: point(pod.spec.initContainers) } : {}),
    },
  };
}

/**
 * How to apply a reproducer that holds the handler pod: the pod under test names the handler's IP of the
 * run, and a handler created again gets a new one, so the handler goes first and its IP is put in.
 */
export function hookHandlerApplyLines(objects: readonly ManagedObject[], namespace: string): string[] {
  const handler = objects.find(isHookHandler);
  const runIp = objects
    .flatMap((o) =>
      o.kind === 'Pod' ? [...(o.spec?.initContainers ?? []), ...(o.spec?.containers ?? [])] : [],
    )
    .flatMap((c) => [c.lifecycle?.postStart?.httpGet?.host, c.lifecycle?.preStop?.httpGet?.host])
    .find((host) => host !== undefined && host !== HOOK_HANDLER_HOST);
  if (!handler || runIp === undefined) return [];
  const name = handler.metadata?.name ?? HOOK_HANDLER_POD;
  const ip = `$(kubectl get pod ${name} -n ${namespace} -o jsonpath='{.status.podIP}')`;
  return [
    `the pod ${name} serves the httpGet hooks at httpGet.host ${runIp} (its IP in the run); apply it first:`,
    `  kubectl create namespace ${namespace}; kubectl apply -f <this file> -l ${ROLE_LABEL}=${HOOK_HANDLER_POD}`,
    `  kubectl wait pod/${name} -n ${namespace} --for=condition=Ready`,
    `  sed "s/${runIp.replace(/\./g, '\\.')}/${ip}/" <this file> | kubectl apply -f -`,
  ];
}
