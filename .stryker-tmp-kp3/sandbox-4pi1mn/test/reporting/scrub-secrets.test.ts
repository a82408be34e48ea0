// @ts-nocheck
import fc from 'fast-check';
import { REDACTED, scrubSecrets, scrubText } from '../../reporting/scrub-secrets';

describe('scrubSecrets', () => {
  it('replaces the string value of any credential-named field at any depth', () => {
    const keys = fc.constantFrom(
      'token',
      'password',
      'client-key-data',
      'client-certificate-data',
      'Authorization',
      'bearerToken',
    );
    const secret = fc.string({ minLength: 8 }).map((s) => `S3cr3t-${s}`);
    fc.assert(
      fc.property(keys, secret, fc.array(fc.constantFrom('a', 'b', 'items')), (key, value, path) => {
        let tree: unknown = { [key]: value };
        for (const step of path) tree = step === 'items' ? [tree] : { [step]: tree };
        const text = JSON.stringify(scrubSecrets(tree));
        expect(text).not.toContain('S3cr3t-');
        expect(text).toContain(JSON.stringify(REDACTED));
      }),
    );
  });

  it('leaves ordinary Kubernetes content alone', () => {
    const pod = {
      spec: {
        automountServiceAccountToken: false,
        volumes: [{ name: 'creds', secret: { secretName: 'db' } }],
        containers: [{ name: 'app', command: ['sh', '-c', 'echo kp started'] }],
      },
    };
    expect(scrubSecrets(pod)).toEqual(pod);
  });

  it('removes bearer tokens, JWTs and PEM blocks inside free text', () => {
    expect(scrubText('curl -H "Authorization: Bearer abc123=="')).toBe(
      `curl -H "Authorization: Bearer ${REDACTED}"`,
    );
    expect(scrubText('t=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_part-1 end')).toBe(`t=${REDACTED} end`);
    expect(scrubText('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----')).toBe(REDACTED);
  });
});
