import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeCluster } from '../harness/kube-cluster';

/** Adapter overhead against a loopback server that answers like the API server. */
interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const LOG_LINES = 100_000;
const WATCH_EVENTS = 10_000;
const CREATES = 200;

const podJson = (index: number): string =>
  JSON.stringify({
    type: 'MODIFIED',
    object: {
      metadata: {
        name: `p${index}`,
        namespace: 'kp',
        resourceVersion: String(index),
        creationTimestamp: '2025-01-01T00:00:00Z',
      },
      spec: { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 1'] }] },
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'c',
            ready: true,
            restartCount: 0,
            image: 'busybox:1.36',
            imageID: '',
            state: { running: { startedAt: '2025-01-01T00:00:01Z' } },
          },
        ],
      },
    },
  });

async function startServer(): Promise<{ server: http.Server; url: string }> {
  const logBody = Array.from(
    { length: LOG_LINES },
    (_, i) => `2025-01-01T00:00:00.${String(i).padStart(9, '0')}Z kp tick ${i}\n`,
  ).join('');
  const watchBody = Array.from({ length: WATCH_EVENTS }, (_, i) => podJson(i)).join('\n') + '\n';
  const server = http.createServer((request, response) => {
    if (request.url?.includes('/log')) {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end(logBody);
    } else if (request.url?.includes('watch=true')) {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(watchBody);
    } else {
      request.resume();
      request.on('end', () => {
        response.writeHead(201, {
          'Content-Type': 'application/json',
          Warning: '299 - "would violate PodSecurity"',
        });
        response.end(JSON.stringify({ metadata: { name: 'p', uid: 'u' } }));
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function run(): Promise<BenchResult[]> {
  const { server, url } = await startServer();
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'b', server: url, skipTLSVerify: true }],
    users: [{ name: 'b', token: 't' }],
    contexts: [{ name: 'b', cluster: 'b', user: 'b' }],
    currentContext: 'b',
  });
  const cluster = new KubeCluster(kubeConfig);
  try {
    let lines = 0;
    const logStart = performance.now();
    await new Promise<void>((resolve) => {
      void cluster.streamLogs(
        'kp',
        'p',
        'c',
        () => (lines += 1),
        () => resolve(),
      );
    });
    const logSeconds = (performance.now() - logStart) / 1000;

    let events = 0;
    const watchStart = performance.now();
    await new Promise<void>((resolve) => {
      void cluster.watchPods(
        'kp',
        '1',
        () => (events += 1),
        () => resolve(),
      );
    });
    const watchSeconds = (performance.now() - watchStart) / 1000;

    const latencies: number[] = [];
    for (let i = 0; i < CREATES; i++) {
      const start = performance.now();
      await cluster.create('kp', {
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] },
      });
      latencies.push(performance.now() - start);
    }
    latencies.sort((a, b) => a - b);
    if (lines !== LOG_LINES || events !== WATCH_EVENTS)
      throw new Error(`lost data: ${lines} lines, ${events} events`);
    return [
      {
        name: 'kube-cluster: log lines parsed',
        value: Math.round(lines / logSeconds),
        unit: 'lines/s',
        target: '≥ 100000',
      },
      {
        name: 'kube-cluster: watch events decoded',
        value: Math.round(events / watchSeconds),
        unit: 'events/s',
        target: '≥ 5000',
      },
      {
        name: 'kube-cluster: create() median, loopback',
        value: latencies[Math.floor(CREATES / 2)],
        unit: 'ms',
        target: '≤ 5',
      },
    ];
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
