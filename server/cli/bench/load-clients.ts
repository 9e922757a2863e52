/**
 * The bench's 20 uploading clients, in a process of their own (forked by load.ts), so that building and reading the
 * upload bodies never delays the health prober or the bench. Each client has its own keep-alive connection (as a
 * pane's browser would) and sends its chunks one after another; the bodies are serialised before the start signal,
 * so the clients' own work while the server is measured is sending and reading the answer.
 *
 * Messages: { baseUrl, token, kind, clients: UploadRequest[][] } → { ready }; 'go' → { uploads: ms[], resets, failures }.
 */
import http from 'node:http';
import type { UploadRequest } from '../../../src/contract/api';
import { isReset } from './health';

export interface LoadClientsRequest {
  baseUrl: string;
  token: string;
  kind: string;
  clients: UploadRequest[][];
}

export interface LoadClientsResult {
  uploads: number[];
  resets: number;
  /** Answers other than 200 (each a line: status and the start of the body). */
  failures: string[];
}

function post(agent: http.Agent, url: URL, token: string, body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, timeout: 120000, headers: { 'Content-Type': 'application/json', 'Content-Length': body.length, Authorization: `Bearer ${token}` } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

export async function runClients(request: LoadClientsRequest, ready: () => Promise<void>): Promise<LoadClientsResult> {
  const url = new URL(`/api/workbooks/${encodeURIComponent(request.kind)}/uploads`, request.baseUrl);
  const bodies = request.clients.map((chunks) => chunks.map((c) => Buffer.from(JSON.stringify(c))));
  const result: LoadClientsResult = { uploads: [], resets: 0, failures: [] };
  await ready();
  await Promise.all(
    bodies.map(async (chunks) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (const body of chunks) {
        const start = performance.now();
        try {
          const answer = await post(agent, url, request.token, body);
          if (answer.status === 200) result.uploads.push(performance.now() - start);
          else result.failures.push(`${answer.status} ${answer.text.slice(0, 200)}`);
        } catch (error) {
          if (isReset(error)) result.resets += 1;
          else result.failures.push(String(error));
        }
      }
      agent.destroy();
    }),
  );
  return result;
}

if (require.main === module && process.send) {
  let go: () => void = () => {};
  const started = new Promise<void>((resolve) => (go = resolve));
  process.on('message', (message: LoadClientsRequest | 'go') => {
    if (message === 'go') return go();
    const ready = async () => {
      process.send?.({ ready: true });
      await started;
    };
    runClients(message, ready).then(
      (result) => process.send?.({ result }),
      (error: Error) => process.send?.({ error: error.message }),
    );
  });
  process.on('disconnect', () => process.exit(0));
}
