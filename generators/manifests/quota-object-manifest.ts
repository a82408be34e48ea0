import type { V1ObjectMeta, V1PodTemplateSpec } from '@kubernetes/client-node';
import type { ManagedObject } from '../../harness/cluster-port';
import type { QuotaObject } from '../../model/scenario';
import { customResourceManifest } from './custom-resource';
import type { ManifestOptions } from './manifest-options';

/** A pod template for a controller kept at 0 replicas: valid, never instantiated. */
function template(name: string, image: string): V1PodTemplateSpec {
  return {
    metadata: { labels: { app: name } },
    spec: { containers: [{ name: 'app', image, command: ['sleep', '3600'] }] },
  };
}

/**
 * The object a quota scenario creates. Services select nothing (no endpoints); node ports are
 * allocated by the API server. Claims ask for ReadWriteOnce storage of a class no provisioner serves
 * (or "" for none, which the DefaultStorageClass admission plugin leaves alone), so they stay Pending.
 */
export function quotaObjectManifest(object: QuotaObject, options: ManifestOptions): ManagedObject {
  const metadata: V1ObjectMeta = {
    name: object.name,
    namespace: options.namespace,
    labels: { ...options.labels },
  };
  switch (object.kind) {
    case 'Service':
      return {
        apiVersion: 'v1',
        kind: 'Service',
        metadata,
        spec: {
          type: object.type,
          ports: Array.from({ length: object.ports }, (_, i) => ({
            name: `p${i}`,
            port: 8080 + i,
            protocol: 'TCP',
          })),
        },
      };
    case 'Secret':
      return { apiVersion: 'v1', kind: 'Secret', metadata, type: 'Opaque', stringData: { key: 'value' } };
    case 'ConfigMap':
      return { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: { key: 'value' } };
    case 'ReplicationController':
      return {
        apiVersion: 'v1',
        kind: 'ReplicationController',
        metadata,
        spec: { replicas: 0, selector: { app: object.name }, template: template(object.name, options.image) },
      };
    case 'ReplicaSet':
      return {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata,
        spec: {
          replicas: 0,
          selector: { matchLabels: { app: object.name } },
          template: template(object.name, options.image),
        },
      };
    case 'PersistentVolumeClaim':
      return {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata,
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: object.storageClass ?? '',
          resources: { requests: { storage: `${object.storageMi}Mi` } },
        },
      };
    case 'CustomResource':
      return customResourceManifest(object.name, options);
  }
}
