// @ts-nocheck
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { EXIT_ENVIRONMENT, UserFacingError } from '../../harness/errors';
import { KubeCluster } from '../../harness/kube-cluster';
import { verifyReachable } from '../../harness/kubeconfig-check';
import { FakeApiServer, sendStatus } from './support/fake-api-server';

function clusterAt(server: string, skipTLSVerify = false): KubeCluster {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'c', server, skipTLSVerify }],
    users: [{ name: 'u', token: 'expired' }],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    currentContext: 'ctx',
  });
  return new KubeCluster(kubeConfig);
}

async function failure(server: string, skipTLSVerify = false): Promise<UserFacingError> {
  const error = await verifyReachable(clusterAt(server, skipTLSVerify), {
    server,
    context: 'ctx',
    user: 'u',
  }).catch((caught: unknown) => caught);
  if (!(error instanceof UserFacingError))
    throw new Error(`expected a UserFacingError, got ${String(error)}`);
  expect(error.exitCode).toBe(EXIT_ENVIRONMENT);
  return error;
}

describe('verifyReachable explains why a cluster cannot be used', () => {
  test('a kubeconfig the client cannot use says so', async () => {
    const error = await failure('http://127.0.0.1:1');
    expect(error.message).toContain('HTTP protocol is not allowed');
  });

  test('connection refused names the server and how to start a cluster', async () => {
    const fake = await FakeApiServer.start();
    const url = fake.url;
    await fake.close();
    const error = await failure(url, true);
    expect(error.message).toContain(`${url} (context "ctx")`);
    expect(error.message).toContain('connection refused');
    expect(error.message).toContain('kubeprop cluster up');
  });

  test('a host name that does not resolve says DNS', async () => {
    const error = await failure('https://kubeprop-test.invalid:6443');
    expect(error.message).toContain('"kubeprop-test.invalid" does not resolve (DNS)');
  });

  test('a server certificate the kubeconfig does not trust says TLS and certificate-authority', async () => {
    const tls = path.join(__dirname, 'support', 'tls');
    const server = https.createServer({
      key: readFileSync(path.join(tls, 'server.key')),
      cert: readFileSync(path.join(tls, 'server.crt')),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const error = await failure(`https://127.0.0.1:${(server.address() as AddressInfo).port}`);
      expect(error.message).toMatch(
        /^TLS with the API server .* failed \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\)/,
      );
      expect(error.message).toContain('certificate-authority');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('rejected credentials (401) name the user and how to refresh them', async () => {
    const fake = await FakeApiServer.start();
    fake.on('GET', /^\/version$/, (_request, response) =>
      sendStatus(response, 401, 'Unauthorized', 'Unauthorized'),
    );
    try {
      const error = await failure(fake.url, true);
      expect(error.message).toContain('rejected the credentials of user "u" (401)');
    } finally {
      await fake.close();
    }
  });

  test('a server that answers returns its version', async () => {
    const fake = await FakeApiServer.start();
    fake.on('GET', /^\/version$/, (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ major: '1', minor: '33', gitVersion: 'v1.33.4+k3s1' }));
    });
    try {
      const version = await verifyReachable(clusterAt(fake.url, true), {
        server: fake.url,
        context: 'c',
        user: 'u',
      });
      expect(version).toEqual({ major: 1, minor: 33, gitVersion: 'v1.33.4+k3s1' });
    } finally {
      await fake.close();
    }
  });
});
