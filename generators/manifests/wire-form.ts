import type { V1Namespace } from '@kubernetes/client-node';
import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';
import type { ManagedObject } from '../../harness/cluster-port';

/** Everything kubeprop writes out for people: its managed objects and the namespaces they live in. */
export type WireObject = ManagedObject | ({ kind: 'Namespace' } & V1Namespace);

/** A kind the client has a model for: all but custom resources. */
export type ModelledKind = Exclude<WireObject['kind'], 'CustomResource'>;

/** The client-node model of each kind (all are v1 of their group). */
const MODEL_TYPE: Record<ModelledKind, string> = {
  Namespace: 'V1Namespace',
  Pod: 'V1Pod',
  ResourceQuota: 'V1ResourceQuota',
  LimitRange: 'V1LimitRange',
  NetworkPolicy: 'V1NetworkPolicy',
  Service: 'V1Service',
  Secret: 'V1Secret',
  ConfigMap: 'V1ConfigMap',
  ReplicationController: 'V1ReplicationController',
  ReplicaSet: 'V1ReplicaSet',
  PersistentVolumeClaim: 'V1PersistentVolumeClaim',
  CustomResourceDefinition: 'V1CustomResourceDefinition',
};

export function modelTypeOf(kind: ModelledKind): string {
  return MODEL_TYPE[kind];
}

/**
 * An object as the API (and kubectl) spells it, through the client's own serializer: the models'
 * property names become wire names from their attributeTypeMap (V1NetworkPolicyIngressRule `_from`
 * → `from`, V1LimitRangeItem `_default` → `default`), exactly what client-node sends. Absent fields
 * are dropped, so the result is plain JSON. A custom resource is { apiVersion, kind, metadata } of its type.
 */
export function wireForm(object: WireObject): Record<string, unknown> {
  if (object.kind === 'CustomResource') {
    // No client model: the object as its CRD serves it, its kind and apiVersion from its type.
    const { type, metadata } = object;
    const serialized: unknown = {
      apiVersion: `${type.group}/${type.version}`,
      kind: type.kind,
      metadata: ObjectSerializer.serialize(metadata, 'V1ObjectMeta', ''),
    };
    return JSON.parse(JSON.stringify(serialized)) as Record<string, unknown>;
  }
  const serialized: unknown = ObjectSerializer.serialize(object, modelTypeOf(object.kind), '');
  return JSON.parse(JSON.stringify(serialized)) as Record<string, unknown>;
}
