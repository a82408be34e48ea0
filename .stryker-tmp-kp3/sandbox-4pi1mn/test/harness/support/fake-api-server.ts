// @ts-nocheck
import { createHash } from 'node:crypto';
import http, { type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { KubeConfig, type V1Status } from '@kubernetes/client-node';

/** One request the adapter made, as the server saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/** Writes bytes to an upgraded WebSocket (server frames are unmasked, RFC 6455 §5.1). */
export type WebSocketReply = (socket: Socket, request: RecordedRequest) => void;

interface Route {
  method: string;
  path: RegExp;
  handler: Handler;
}

/**
 * A tiny HTTP server on 127.0.0.1 that answers like the API server for the routes a test
 * registers; it records every request so tests can check request shapes and permissions.
 */
export class FakeApiServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Route[] = [];
  private readonly sockets = new Set<Socket>();
  private webSocketReply: WebSocketReply | undefined;

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<FakeApiServer> {
    const server = http.createServer();
    const fake = new FakeApiServer(server);
    server.on('request', (request, response) => void fake.handle(request, response));
    server.on('upgrade', (request, socket: Socket) => fake.upgrade(request, socket));
    server.on('connection', (socket) => {
      fake.sockets.add(socket);
      socket.on('close', () => fake.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** A kubeconfig pointing at this server with a bearer token. */
  kubeConfig(): KubeConfig {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'fake', server: this.url, skipTLSVerify: true }],
      users: [{ name: 'tester', token: 'test-token' }],
      contexts: [{ name: 'fake', cluster: 'fake', user: 'tester' }],
      currentContext: 'fake',
    });
    return kubeConfig;
  }

  /** Later registrations win, so a test can override a default route. */
  on(method: string, path: RegExp, handler: Handler): this {
    this.routes.unshift({ method, path, handler });
    return this;
  }

  onWebSocket(reply: WebSocketReply): this {
    this.webSocketReply = reply;
    return this;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: http.IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const recorded = record(request, Buffer.concat(chunks).toString('utf8'));
    this.requests.push(recorded);
    const route = this.routes.find(
      (entry) => entry.method === recorded.method && entry.path.test(recorded.path),
    );
    if (!route) {
      sendStatus(response, 404, 'NotFound', `no fake route for ${recorded.method} ${recorded.path}`);
      return;
    }
    await route.handler(recorded, response);
  }

  private upgrade(request: http.IncomingMessage, socket: Socket): void {
    const recorded = record(request, '');
    this.requests.push(recorded);
    const key = String(request.headers['sec-websocket-key']);
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: v4.channel.k8s.io\r\n\r\n`,
    );
    this.webSocketReply?.(socket, recorded);
  }
}

function record(request: http.IncomingMessage, body: string): RecordedRequest {
  const url = new URL(request.url ?? '/', 'http://fake');
  return {
    method: request.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: request.headers,
    body,
  };
}

export function sendJson(
  response: ServerResponse,
  code: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  response.writeHead(code, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export function sendStatus(
  response: ServerResponse,
  code: number,
  reason: string,
  message: string,
  headers: Record<string, string | string[]> = {},
): void {
  const status: V1Status = { kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code };
  sendJson(response, code, status, headers);
}

/** One binary WebSocket frame from the server: channel byte then payload (k8s channel protocol). */
export function webSocketFrame(channel: number, payload: string): Buffer {
  const data = Buffer.concat([Buffer.from([channel]), Buffer.from(payload, 'utf8')]);
  if (data.length >= 126) throw new Error('test frames are kept under 126 bytes');
  return Buffer.concat([Buffer.from([0x82, data.length]), data]);
}

/** A WebSocket close frame with code 1000 (normal closure). */
export const WEBSOCKET_CLOSE = Buffer.from([0x88, 0x02, 0x03, 0xe8]);
