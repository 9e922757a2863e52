/** Resident memory of the bench server's processes (the server, and the embedded database's), sampled while something runs. */
import fs from 'node:fs';

function rssOf(pid: number): number {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D/g, '')) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of these processes (Linux /proc; 0 elsewhere). */
export function rssOfPids(pids: number[]): number[] {
  return pids.map(rssOf);
}

/** The peak of each process's resident memory, and of their sum, sampled every `everyMs` until stopped. */
export function samplePeakRss(pids: number[], everyMs = 250): { stop(): { each: number[]; sum: number } } {
  const each = rssOfPids(pids);
  let sum = each.reduce((a, b) => a + b, 0);
  const sample = () => {
    const now = rssOfPids(pids);
    now.forEach((v, i) => (each[i] = Math.max(each[i], v)));
    sum = Math.max(sum, now.reduce((a, b) => a + b, 0));
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { each, sum };
    },
  };
}
