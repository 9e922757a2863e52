/** /api/health sampled while something else runs: its latencies, and the connections the server reset. */
import http from 'node:http';

export interface HealthSamples {
  latencies: number[];
  resets: number;
}

/** One GET on a fresh connection (as a monitor would); resolves its latency in ms, or rejects on a reset. */
export function timedGet(url: string): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: 30000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - start));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

export const isReset = (error: unknown) => ['ECONNRESET', 'EPIPE', 'ECONNREFUSED'].includes((error as { code?: string }).code ?? '');

/** Samples health every `everyMs` until `stop` is called; the samples so far come back from stop(). */
export function sampleHealth(baseUrl: string, everyMs = 50): { stop(): Promise<HealthSamples> } {
  const samples: HealthSamples = { latencies: [], resets: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        samples.latencies.push(await timedGet(`${baseUrl}/api/health`));
      } catch (error) {
        if (isReset(error)) samples.resets += 1;
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return samples;
    },
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
