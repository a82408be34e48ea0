// @ts-nocheck
import type {
  V1Container,
  V1LifecycleHandler,
  V1Pod,
  V1Probe,
  V1ResourceQuota,
} from '@kubernetes/client-node';
import type { Capabilities } from '../../../model/capabilities';

/**
 * Cross-field rules the API server enforces on the objects kubeprop emits (beyond the schema), each
 * with its upstream source. They read the wire form (API field names, e.g. LimitRange `default`).
 */
export interface ApiRule {
  id: string;
  source: string;
  /** Violations of the rule by one object; empty when it holds. */
  check(object: Record<string, unknown>, capabilities: Capabilities): string[];
}

const VALIDATION = 'pkg/apis/core/validation/validation.go';
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

type Entry = { container: V1Container; init: boolean };

function pod(object: Record<string, unknown>): V1Pod | undefined {
  return object.kind === 'Pod' ? (object as V1Pod) : undefined;
}

function entries(p: V1Pod): Entry[] {
  return [
    ...(p.spec?.initContainers ?? []).map((container) => ({ container, init: true })),
    ...(p.spec?.containers ?? []).map((container) => ({ container, init: false })),
  ];
}

function probesOf(c: V1Container): [string, V1Probe][] {
  const list: [string, V1Probe | undefined][] = [
    ['readiness', c.readinessProbe],
    ['liveness', c.livenessProbe],
    ['startup', c.startupProbe],
  ];
  return list.filter((e): e is [string, V1Probe] => e[1] !== undefined);
}

function hooksOf(c: V1Container): [string, V1LifecycleHandler][] {
  const list: [string, V1LifecycleHandler | undefined][] = [
    ['postStart', c.lifecycle?.postStart],
    ['preStop', c.lifecycle?.preStop],
  ];
  return list.filter((e): e is [string, V1LifecycleHandler] => e[1] !== undefined);
}

/** Quantity strings as kubeprop writes them ("250m", "64Mi", "3") in one unit per resource. */
function amount(quantity: string | undefined): number | undefined {
  if (quantity === undefined) return undefined;
  const match = /^(\d+)(m|Mi)?$/.exec(quantity);
  if (!match) throw new Error(`unexpected quantity ${quantity}`);
  return Number(match[1]);
}

function perPod(check: (p: V1Pod, capabilities: Capabilities) => string[]): ApiRule['check'] {
  return (object, capabilities) => {
    const p = pod(object);
    return p ? check(p, capabilities) : [];
  };
}

function perContainer(check: (e: Entry, p: V1Pod, capabilities: Capabilities) => string[]): ApiRule['check'] {
  return perPod((p, capabilities) => entries(p).flatMap((e) => check(e, p, capabilities)));
}

const STANDARD_COMPUTE = new Set(['cpu', 'memory', 'ephemeral-storage']);

export const API_RULES: readonly ApiRule[] = [
  {
    id: 'object names are DNS-1123 subdomains (Service: DNS-1035 label)',
    source: `${VALIDATION} ValidateObjectMeta / ValidateServiceName`,
    check: (object) => {
      const name = (object.metadata as { name?: string } | undefined)?.name ?? '';
      const ok = object.kind === 'Service' ? DNS1035_LABEL.test(name) : DNS1123_SUBDOMAIN.test(name);
      return ok && name.length <= 63 ? [] : [`name ${name}`];
    },
  },
  {
    id: 'container names are unique DNS-1123 labels across init and app containers',
    source: `${VALIDATION} validateInitContainers / validateContainers`,
    check: perPod((p) => {
      const names = entries(p).map((e) => e.container.name);
      const bad = names.filter((n) => !DNS1123_LABEL.test(n) || n.length > 63);
      const duplicate = names.filter((n, i) => names.indexOf(n) !== i);
      return [...bad.map((n) => `invalid ${n}`), ...duplicate.map((n) => `duplicate ${n}`)];
    }),
  },
  {
    id: 'port names are IANA_SVC_NAMEs, unique in the container',
    source: `${VALIDATION} validateContainerPorts (IsValidPortName)`,
    check: perContainer(({ container }) => {
      const names = (container.ports ?? []).flatMap((p) => (p.name ? [p.name] : []));
      const bad = names.filter(
        (n) =>
          n.length > 15 || !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(n) || n.includes('--') || !/[a-z]/.test(n),
      );
      const duplicate = names.filter((n, i) => names.indexOf(n) !== i);
      return [...bad, ...duplicate];
    }),
  },
  {
    id: 'container ports are unique across the pod (shared network namespace) and in 1..65535',
    source: `${VALIDATION} validateContainerPorts; kubeprop listens on each, so a repeat would collide`,
    check: perPod((p) => {
      const ports = entries(p).flatMap((e) => (e.container.ports ?? []).map((port) => port.containerPort));
      return [
        ...ports.filter((n, i) => ports.indexOf(n) !== i).map((n) => `duplicate ${n}`),
        ...ports.filter((n) => n < 1 || n > 65535).map((n) => `out of range ${n}`),
      ];
    }),
  },
  {
    id: 'limits >= requests for every resource',
    source: `${VALIDATION} ValidateResourceRequirements ("must be less than or equal to ... limit")`,
    check: perContainer(({ container }) => {
      const { requests = {}, limits = {} } = container.resources ?? {};
      return Object.entries(requests).flatMap(([name, request]) => {
        const limit = amount(limits[name]);
        return limit !== undefined && amount(request)! > limit
          ? [`${container.name} ${name} ${request} > ${limits[name]}`]
          : [];
      });
    }),
  },
  {
    id: 'extended resources: integer, limit set, request equal to limit',
    source: `${VALIDATION} validateResourceRequirements (non-overcommitable resources)`,
    check: perContainer(({ container }) => {
      const { requests = {}, limits = {} } = container.resources ?? {};
      const names = new Set(
        [...Object.keys(requests), ...Object.keys(limits)].filter((n) => !STANDARD_COMPUTE.has(n)),
      );
      return [...names].flatMap((name) => {
        if (limits[name] === undefined) return [`${name}: no limit`];
        if (!/^\d+$/.test(limits[name])) return [`${name}: not an integer`];
        return requests[name] !== undefined && requests[name] !== limits[name]
          ? [`${name}: request != limit`]
          : [];
      });
    }),
  },
  {
    id: 'liveness and startup probes have successThreshold 1',
    source: `${VALIDATION} validateLivenessProbe / validateStartupProbe`,
    check: perContainer(({ container }) =>
      probesOf(container)
        .filter(([kind, probe]) => kind !== 'readiness' && probe.successThreshold !== 1)
        .map(([kind]) => `${container.name} ${kind}`),
    ),
  },
  {
    id: 'probe-level terminationGracePeriodSeconds > 0, not on readiness, only where supported',
    source: `${VALIDATION} validateProbe / validateReadinessProbe (ProbeTerminationGracePeriod)`,
    check: perContainer(({ container }, _p, capabilities) =>
      probesOf(container).flatMap(([kind, probe]) => {
        const grace = probe.terminationGracePeriodSeconds;
        if (grace === undefined) return [];
        if (kind === 'readiness' || grace <= 0 || !capabilities.probeGrace)
          return [`${container.name} ${kind} grace ${grace}`];
        return [];
      }),
    ),
  },
  {
    id: 'probe timings: initialDelay >= 0, period/timeout/thresholds >= 1',
    source: `${VALIDATION} validateProbe (zero would be defaulted: pkg/apis/core/v1/defaults.go SetDefaults_Probe)`,
    check: perContainer(({ container }) =>
      probesOf(container).flatMap(([kind, p]) => {
        const ok =
          (p.initialDelaySeconds ?? 0) >= 0 &&
          (p.periodSeconds ?? 1) >= 1 &&
          (p.timeoutSeconds ?? 1) >= 1 &&
          (p.successThreshold ?? 1) >= 1 &&
          (p.failureThreshold ?? 1) >= 1;
        return ok ? [] : [`${container.name} ${kind}`];
      }),
    ),
  },
  {
    id: 'exactly one handler per probe and hook; gRPC probes and sleep hooks only where supported',
    source: `${VALIDATION} validateHandler / validateLifecycleHandler (GRPCContainerProbe, PodLifecycleSleepAction)`,
    check: perContainer(({ container }, _p, capabilities) => {
      const problems: string[] = [];
      for (const [kind, probe] of probesOf(container)) {
        const handlers = [probe.exec, probe.httpGet, probe.tcpSocket, probe.grpc].filter(Boolean).length;
        if (handlers !== 1) problems.push(`${container.name} ${kind}: ${handlers} handlers`);
        if (probe.grpc && !capabilities.grpcProbes)
          problems.push(`${container.name} ${kind}: grpc unsupported`);
      }
      for (const [hook, handler] of hooksOf(container)) {
        const handlers = [handler.exec, handler.httpGet, handler.sleep, handler.tcpSocket].filter(
          Boolean,
        ).length;
        if (handlers !== 1) problems.push(`${container.name} ${hook}: ${handlers} handlers`);
        if (handler.tcpSocket) problems.push(`${container.name} ${hook}: tcpSocket hook`);
        if (handler.sleep && !capabilities.sleepAction)
          problems.push(`${container.name} ${hook}: sleep unsupported`);
      }
      return problems;
    }),
  },
  {
    id: 'sleep seconds <= terminationGracePeriodSeconds (defaulted 30), zero only where allowed',
    source: `${VALIDATION} validateSleepAction (PodLifecycleSleepActionAllowZero)`,
    check: perContainer(({ container }, p, capabilities) =>
      hooksOf(container).flatMap(([hook, handler]) => {
        if (!handler.sleep) return [];
        const grace = p.spec?.terminationGracePeriodSeconds ?? 30;
        const seconds = handler.sleep.seconds;
        const ok = seconds <= grace && (seconds > 0 || (seconds === 0 && capabilities.sleepZero));
        return ok ? [] : [`${container.name} ${hook} sleep ${seconds} grace ${grace}`];
      }),
    ),
  },
  {
    id: 'hooks and probes only on sidecar init containers, never on plain ones',
    source: `${VALIDATION} validateInitContainers`,
    check: perContainer(({ container, init }) => {
      if (!init || container.restartPolicy === 'Always') return [];
      const forbidden = hooksOf(container).length + probesOf(container).length;
      return forbidden > 0 ? [`${container.name}`] : [];
    }),
  },
  {
    id: 'container restartPolicy only Always, only on init containers, only where sidecars are supported',
    source: `${VALIDATION} validateInitContainers / validateContainers (SidecarContainers)`,
    check: perContainer(({ container, init }, _p, capabilities) => {
      if (container.restartPolicy === undefined) return [];
      return init && container.restartPolicy === 'Always' && capabilities.sidecars ? [] : [container.name];
    }),
  },
  {
    id: 'terminationGracePeriodSeconds >= 0',
    source: `${VALIDATION} ValidatePodSpec (ValidateNonnegativeField)`,
    check: perPod((p) => ((p.spec?.terminationGracePeriodSeconds ?? 0) < 0 ? ['negative grace'] : [])),
  },
  {
    id: 'privileged excludes allowPrivilegeEscalation: false',
    source: `${VALIDATION} ValidateSecurityContext`,
    check: perContainer(({ container }) => {
      const context = container.securityContext;
      return context?.privileged && context.allowPrivilegeEscalation === false ? [container.name] : [];
    }),
  },
  {
    id: 'hostNetwork: hostPort equals containerPort; shareProcessNamespace excludes hostPID',
    source: `${VALIDATION} validateHostNetwork / validatePodSpecSecurityContext`,
    check: perPod((p) => {
      const problems: string[] = [];
      if (p.spec?.hostNetwork) {
        for (const { container } of entries(p)) {
          for (const port of container.ports ?? []) {
            if (port.hostPort !== undefined && port.hostPort !== port.containerPort)
              problems.push(`${container.name} hostPort`);
          }
        }
      }
      if (p.spec?.shareProcessNamespace && p.spec.hostPID)
        problems.push('shareProcessNamespace with hostPID');
      return problems;
    }),
  },
  {
    id: 'quota scopes are valid for the tracked resources and do not conflict',
    source: `${VALIDATION} validateResourceQuotaScopes; pkg/apis/core/helper/helpers.go IsResourceQuotaScopeValidForResource`,
    check: (object) => {
      if (object.kind !== 'ResourceQuota') return [];
      const spec = (object as V1ResourceQuota).spec ?? {};
      const scopes = new Set(spec.scopes ?? []);
      const resources = Object.keys(spec.hard ?? {});
      const compute = new Set([
        'cpu',
        'memory',
        'requests.cpu',
        'requests.memory',
        'limits.cpu',
        'limits.memory',
      ]);
      const problems: string[] = [];
      if (scopes.has('BestEffort') && scopes.has('NotBestEffort')) problems.push('conflicting BestEffort');
      if (scopes.has('Terminating') && scopes.has('NotTerminating')) problems.push('conflicting Terminating');
      for (const scope of scopes) {
        for (const resource of resources) {
          const ok = resource === 'pods' || (scope !== 'BestEffort' && compute.has(resource));
          if (!ok) problems.push(`${scope} with ${resource}`);
        }
      }
      return problems;
    },
  },
  {
    id: 'LimitRange: min <= defaultRequest <= default <= max, 1 <= maxLimitRequestRatio <= max/min',
    source: `${VALIDATION} ValidateLimitRange`,
    check: (object) => {
      if (object.kind !== 'LimitRange') return [];
      const problems: string[] = [];
      // Wire form: the item's limit is `default` (the model's `_default`).
      const spec = object.spec as
        { limits?: Record<string, Record<string, string> | undefined>[] } | undefined;
      for (const item of spec?.limits ?? []) {
        for (const resource of ['cpu', 'memory']) {
          const value = (field: string) => amount(item[field]?.[resource]);
          const chain = ['min', 'defaultRequest', 'default', 'max']
            .map(value)
            .filter((v): v is number => v !== undefined);
          if (chain.some((v, i) => i > 0 && chain[i - 1] > v))
            problems.push(`${resource} order ${chain.join(' ')}`);
          const ratio = value('maxLimitRequestRatio');
          const min = value('min');
          const max = value('max');
          if (ratio !== undefined && ratio < 1) problems.push(`${resource} ratio < 1`);
          if (ratio !== undefined && min !== undefined && max !== undefined && ratio > max / min) {
            problems.push(`${resource} ratio ${ratio} > max/min`);
          }
        }
      }
      return problems;
    },
  },
];

/** Every rule violated by an object, as "rule: detail". */
export function apiRuleViolations(object: Record<string, unknown>, capabilities: Capabilities): string[] {
  return API_RULES.flatMap((rule) =>
    rule.check(object, capabilities).map((detail) => `${rule.id}: ${detail}`),
  );
}
