import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { atLeast, type ServerVersion } from '../../../model/capabilities';
import type { ManagedObject } from '../../cluster-port';
import { deepCopy } from '../deep-copy';
import type { AdmissionDecision, FakeAdmission } from '../fake-parts';
import { type FieldError, invalid } from './api-status';

/** The ProcMountType gate's default: beta and on from 1.33 (pkg/features/kube_features.go). */
export function procMountTypeDefault(server: ServerVersion): boolean {
  return atLeast(server, 33);
}

/** From 1.30 validation wants `hostUsers: false` beside Unmasked (kubernetes PR #123520, validation.go ValidatePodSpec). */
function needsUserNamespace(server: ServerVersion): boolean {
  return atLeast(server, 30);
}

/** Whether a pod that leaves hostUsers unset keeps procMount Unmasked: the capability the probe detects. */
export function unmaskedKept(gate: boolean, server: ServerVersion): boolean {
  return gate && !needsUserNamespace(server);
}

type Kind = 'initContainers' | 'containers';

/** Containers, then init containers: the order ValidatePodSpec reports them in. */
function containers(pod: V1Pod): [Kind, V1Container[]][] {
  return [
    ['containers', pod.spec?.containers ?? []],
    ['initContainers', pod.spec?.initContainers ?? []],
  ];
}

/**
 * What the API server does with securityContext.procMount before Pod Security sees the pod (apiserver
 * registry/generic/registry/store.go Create: BeforeCreate, then the validating admission). Gate off: set
 * back to Default wherever a container sets it (pkg/api/pod/util.go dropDisabledProcMountField). Gate on, from
 * 1.30: Unmasked rejected unless the pod sets hostUsers: false (the UserNamespacesSupport gate, which drops
 * hostUsers where off, is not simulated).
 */
export function procMountStrategy(server: ServerVersion, gate = procMountTypeDefault(server)): FakeAdmission {
  return {
    name: 'ProcMountType',
    admit(_namespace: string, object: ManagedObject): AdmissionDecision {
      if (object.kind !== 'Pod') return { allowed: true, object, warnings: [] };
      if (!gate) {
        const pod = deepCopy(object);
        for (const [, list] of containers(pod)) {
          for (const c of list)
            if (c.securityContext?.procMount !== undefined) c.securityContext.procMount = 'Default';
        }
        return { allowed: true, object: pod, warnings: [] };
      }
      if (!needsUserNamespace(server) || object.spec?.hostUsers === false) {
        return { allowed: true, object, warnings: [] };
      }
      const errors: FieldError[] = containers(object).flatMap(([kind, list]) =>
        list.flatMap((c, i) =>
          c.securityContext?.procMount === 'Unmasked'
            ? [
                {
                  field: `spec.${kind}[${i}].securityContext.procMount`,
                  value: 'Unmasked',
                  detail: '`hostUsers` must be false to use `Unmasked`',
                },
              ]
            : [],
        ),
      );
      return errors.length === 0
        ? { allowed: true, object, warnings: [] }
        : invalid('Pod', object.metadata?.name ?? '', errors);
    },
  };
}
