// @ts-nocheck
import type { ClusterPort } from './cluster-port';
import { environmentProblem } from './errors';
import { allRequiredPermissions, describePermission, type Permission } from './required-permissions';

/**
 * Preflight: asks the API server (SelfSubjectAccessReview, cluster-wide) for every permission
 * kubeprop needs and fails with one message listing what is missing.
 */
export async function checkPermissions(
  port: ClusterPort,
  permissions: Permission[] = allRequiredPermissions(),
): Promise<void> {
  const allowed = await Promise.all(
    permissions.map((permission) =>
      port.canI(permission.verb, permission.group, permission.resource, undefined, permission.subresource),
    ),
  );
  const missing = permissions.filter((_permission, index) => !allowed[index]).map(describePermission);
  if (missing.length > 0) {
    throw environmentProblem(
      `the current identity lacks ${missing.length} permission(s) kubeprop needs: ${missing.join(', ')}. Apply deploy/rbac.yaml and bind the ClusterRole "kubeprop" to this identity`,
    );
  }
}
