// @ts-nocheck
import type { Permission } from '../../../harness/required-permissions';
import type { RecordedRequest } from './fake-api-server';

/**
 * The RBAC permissions the API server checks for a request, following its request-info rules
 * (apiserver pkg/endpoints/request/requestinfo.go): /api/v1 is the core group, /apis/<g>/<v> a named
 * group; GET on a collection is list (watch with ?watch=true), on a name get; POST create; PATCH patch;
 * DELETE delete. /version is a non-resource URL (no resource permission).
 */
export function permissionsForRequest(request: RecordedRequest): Permission[] {
  const segments = request.path.split('/').filter((segment) => segment.length > 0);
  let group: string;
  let rest: string[];
  if (segments[0] === 'api') {
    group = '';
    rest = segments.slice(2);
  } else if (segments[0] === 'apis') {
    group = segments[1];
    rest = segments.slice(3);
  } else {
    return [];
  }
  const namespaced = rest[0] === 'namespaces' && rest.length >= 3;
  const [resource, name, subresource] = namespaced ? rest.slice(2) : rest;
  const websocket = String(request.headers.upgrade ?? '').toLowerCase() === 'websocket';
  let verbs: string[];
  switch (request.method) {
    case 'GET':
      if (request.query.get('watch') === 'true') verbs = ['watch'];
      else if (websocket) verbs = ['get', 'create'];
      else verbs = [name === undefined ? 'list' : 'get'];
      break;
    case 'POST':
      verbs = ['create'];
      break;
    case 'PATCH':
      verbs = ['patch'];
      break;
    case 'PUT':
      verbs = ['update'];
      break;
    case 'DELETE':
      verbs = [name === undefined ? 'deletecollection' : 'delete'];
      break;
    default:
      verbs = [request.method.toLowerCase()];
  }
  return verbs.map((verb) => ({ verb, group, resource, ...(subresource ? { subresource } : {}) }));
}
