import { buildValidators, schemaErrors } from './support/openapi-schema';

/** The schema derived from client-node's OpenAPI-generated models rejects what the API server would. */
describe('OpenAPI-derived schema', () => {
  const validators = buildValidators();
  const pod = (container: Record<string, unknown>) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'c', image: 'busybox', ...container }] },
  });

  it('accepts a plain pod', () => {
    expect(schemaErrors(validators, pod({ resources: { limits: { cpu: '250m', memory: '64Mi' } } }))).toEqual(
      [],
    );
  });

  it('rejects an unknown field, a malformed quantity, a missing required field and a wrong type', () => {
    expect(schemaErrors(validators, pod({ sidecar: true })).join()).toMatch(/additional properties/);
    expect(schemaErrors(validators, pod({ resources: { limits: { memory: '64MB' } } })).join()).toMatch(
      /pattern/,
    );
    expect(
      schemaErrors(validators, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: { containers: [{ image: 'busybox' }] },
      }).join(),
    ).toMatch(/required property 'name'/);
    expect(schemaErrors(validators, pod({ readinessProbe: { periodSeconds: '1' } })).join()).toMatch(
      /must be integer/,
    );
  });

  it('checks LimitRange in its wire form (`default`, not the model name `_default`)', () => {
    const limitRange = (item: Record<string, unknown>) => ({
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'l' },
      spec: { limits: [{ type: 'Container', ...item }] },
    });
    expect(schemaErrors(validators, limitRange({ default: { cpu: '100m' } }))).toEqual([]);
    expect(schemaErrors(validators, limitRange({ _default: { cpu: '100m' } })).join()).toMatch(
      /additional properties/,
    );
  });
});
