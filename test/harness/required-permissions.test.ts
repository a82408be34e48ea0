import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { V1ClusterRole } from '@kubernetes/client-node';
import { checkPermissions } from '../../harness/check-permissions';
import { UserFacingError } from '../../harness/errors';
import {
  REQUIRED_PERMISSIONS,
  allRequiredPermissions,
  describePermission,
} from '../../harness/required-permissions';
import { StubPort } from './support/stub-port';

const RBAC_FILE = path.join(__dirname, '..', '..', 'deploy', 'rbac.yaml');

/** Expands the ClusterRole's rules into "verb resource[/sub][.group]" strings. */
function grantedByRbacYaml(): Set<string> {
  const documents = parseAllDocuments(readFileSync(RBAC_FILE, 'utf8')).map((document) => document.toJS());
  const role = documents.find((document) => document.kind === 'ClusterRole') as V1ClusterRole;
  const granted = new Set<string>();
  for (const rule of role.rules ?? []) {
    for (const group of rule.apiGroups ?? []) {
      for (const resource of rule.resources ?? []) {
        const [name, subresource] = resource.split('/');
        for (const verb of rule.verbs)
          granted.add(describePermission({ verb, group, resource: name, subresource }));
      }
    }
  }
  return granted;
}

describe('deploy/rbac.yaml and the permission table', () => {
  test('rbac.yaml grants every permission the table lists, and nothing else', () => {
    const granted = grantedByRbacYaml();
    const needed = new Set(allRequiredPermissions().map(describePermission));
    expect([...needed].filter((permission) => !granted.has(permission))).toEqual([]);
    expect([...granted].filter((permission) => !needed.has(permission))).toEqual([]);
  });

  test("no wildcard verbs or groups; a wildcard resource only in kubeprop's own group (its per-case CRDs)", () => {
    const wildcards = [...grantedByRbacYaml()].filter((permission) => permission.includes('*'));
    expect(wildcards.sort()).toEqual([
      'create *.kubeprop.test',
      'delete *.kubeprop.test',
      'list *.kubeprop.test',
    ]);
  });

  test('the ClusterRoleBinding refers to the ClusterRole', () => {
    const documents = parseAllDocuments(readFileSync(RBAC_FILE, 'utf8')).map((document) => document.toJS());
    const role = documents.find((document) => document.kind === 'ClusterRole');
    const binding = documents.find((document) => document.kind === 'ClusterRoleBinding');
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: role.metadata.name,
    });
  });

  test('every ClusterPort method except /version and the audit log needs at least one permission', () => {
    const withNone = Object.entries(REQUIRED_PERMISSIONS)
      .filter(([, permissions]) => permissions.length === 0)
      .map(([method]) => method);
    // auditEvents reads the control-plane node's file system (docker exec), not the API.
    expect(withNone.sort()).toEqual(['auditEvents', 'serverVersion']);
  });
});

describe('checkPermissions', () => {
  test('passes when every permission is allowed', async () => {
    const port = new StubPort();
    for (const permission of allRequiredPermissions()) port.permissions.add(describePermission(permission));
    await expect(checkPermissions(port)).resolves.toBeUndefined();
    expect(port.calls.filter((call) => call.startsWith('canI'))).toHaveLength(
      allRequiredPermissions().length,
    );
  });

  test('lists everything missing in one message pointing at deploy/rbac.yaml', async () => {
    const port = new StubPort();
    for (const permission of allRequiredPermissions()) port.permissions.add(describePermission(permission));
    port.permissions.delete('patch nodes/status');
    port.permissions.delete('create pods/exec');
    const error = await checkPermissions(port).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserFacingError);
    const message = (error as UserFacingError).message;
    expect(message).toContain('lacks 2 permission(s)');
    expect(message).toContain('patch nodes/status');
    expect(message).toContain('create pods/exec');
    expect(message).toContain('deploy/rbac.yaml');
  });
});
