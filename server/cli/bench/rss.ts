/** Resident memory of this process and its child processes (the embedded database), sampled while something runs. */
import fs from 'node:fs';

function rssOf(pid: number): number {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D/g, '')) * 1024 : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

/** The server's memory: this process plus its children (Linux /proc; 0 elsewhere). */
export function serverRss(): number {
  return rssOf(process.pid) + childrenOf(process.pid).reduce((sum, pid) => sum + rssOf(pid), 0);
}

export function samplePeakRss(everyMs = 250): { stop(): number } {
  let peak = serverRss();
  const timer = setInterval(() => {
    peak = Math.max(peak, serverRss());
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, serverRss());
    },
  };
}
