/**
 * /api/health sampled while something else runs: its latencies, and the connections the server reset. The prober
 * runs in a process of its own (this file, forked by `startHealthProbe`), so that what it measures is the server's
 * answer time, not the wait for a bench event loop busy building or reading upload bodies.
 */
import http from 'node:http';
import { forkBenchChild } from './child';

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

/** Samples health in this process, one GET ~`everyMs` after the last began, until `stop` is called. */
export function sampleHealth(baseUrl: string, everyMs = 50): { stop(): Promise<HealthSamples> } {
  const samples: HealthSamples = { latencies: [], resets: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      let ms = 0;
      try {
        ms = await timedGet(`${baseUrl}/api/health`);
        samples.latencies.push(ms);
      } catch (error) {
        if (isReset(error)) samples.resets += 1;
      }
      if (ms < everyMs) await new Promise((r) => setTimeout(r, everyMs - ms));
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

/** The prober in a process of its own: sampling once this resolves, the samples from stop(). */
export async function startHealthProbe(baseUrl: string, everyMs = 50): Promise<{ stop(): Promise<HealthSamples> }> {
  const child = forkBenchChild('health.ts');
  await child.ask({ baseUrl, everyMs }, 'sampling');
  return {
    async stop() {
      const { samples } = await child.ask<{ samples: HealthSamples }>('stop', 'samples');
      await child.close();
      return samples;
    },
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// Forked by startHealthProbe: { baseUrl, everyMs } starts sampling, 'stop' answers { samples }.
if (require.main === module && process.send) {
  let probe: ReturnType<typeof sampleHealth> | undefined;
  process.on('message', (message: { baseUrl: string; everyMs: number } | 'stop') => {
    if (message === 'stop') void probe?.stop().then((samples) => process.send?.({ samples }));
    else {
      probe = sampleHealth(message.baseUrl, message.everyMs);
      process.send?.({ sampling: true });
    }
  });
  process.on('disconnect', () => process.exit(0));
}
