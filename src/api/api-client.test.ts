/** The client against the real server, through a real HTTP proxy that drops a connection after the server answered. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { startServer, type RunningServer } from '../../server/main';
import { ApiError, createApiClient } from './api-client';

jest.setTimeout(60000);

let server: RunningServer;
let proxy: http.Server;
let proxyUrl: string;
let dropNextUploadResponse = false;
let uploadsForwarded = 0;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  const target = new URL(server.url);
  proxy = http.createServer((req, res) => {
    const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      if (req.url?.includes('/uploads')) uploadsForwarded++;
      if (req.url?.includes('/uploads') && dropNextUploadResponse) {
        dropNextUploadResponse = false;
        answer.resume();
        req.socket.destroy(); // the server applied the chunk, but the answer never arrives
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, 'localhost', resolve));
  proxyUrl = `http://localhost:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => proxy.close(resolve));
  await server.close();
});

async function signedIn(baseURL: string) {
  const session: { token?: string } = {};
  const client = createApiClient({ baseURL, getToken: () => session.token, retryDelayMs: 10 });
  session.token = (await client.signIn('demo', 'demo123')).token;
  return client;
}

it('when the connection drops after the server applied a chunk, then the client resends it with the same key and it is applied once', async () => {
  const client = await signedIn(proxyUrl);
  const before = (await client.rows('person-benefit-groups', '2026-01-01', 0, 1000)).total;
  dropNextUploadResponse = true;
  uploadsForwarded = 0;
  const response = await client.upload('person-benefit-groups', {
    idempotencyKey: randomUUID(),
    effectiveDate: '2026-01-01',
    rows: [{ rowId: 9, op: 'insert', values: { personNumber: 'P10020', benefitsGroup: 'Interns' } }],
  });
  expect(uploadsForwarded).toBe(2);
  expect(response.results).toEqual([expect.objectContaining({ rowId: 9, status: 'Inserted' })]);
  expect((await client.rows('person-benefit-groups', '2026-01-01', 0, 1000)).total).toBe(before + 1);
});

it('when the token is missing or the server is unreachable, then the error says what to do in plain words', async () => {
  const anonymous = createApiClient({ baseURL: server.url, getToken: () => undefined });
  await expect(anonymous.workbooks()).rejects.toEqual(new ApiError('Sign in first: this request has no bearer token.', 401));
  const nowhere = createApiClient({ baseURL: 'http://localhost:1', getToken: () => undefined, retries: 0 });
  await expect(nowhere.workbooks()).rejects.toThrow('Cannot reach the Benefits Workbook server');
  const client = await signedIn(server.url);
  await expect(client.rows('person-benefit-groups', '2026-02-30', 0, 10)).rejects.toThrow('effectiveDate: Not a real calendar date');
});
