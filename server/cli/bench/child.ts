/**
 * The bench's helpers in processes of their own (the health prober, the uploading clients): forked with the bench's
 * own loader (tsx, passed on in execArgv), so their work and their timers never share an event loop with each other
 * or with the bench. `ask` sends one message and waits for the child's next answer that has one of `fields`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface BenchChild {
  ask<T>(message: unknown, ...fields: string[]): Promise<T>;
  next<T>(...fields: string[]): Promise<T>;
  close(): Promise<void>;
}

export function forkBenchChild(file: string): BenchChild {
  const child: ChildProcess = fork(path.join(__dirname, file), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const next = <T>(...fields: string[]) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: Record<string, unknown>) => {
        if (!message || typeof message !== 'object' || ![...fields, 'error'].some((f) => f in message)) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        if ('error' in message) reject(new Error(`${file}: ${String(message.error)}`));
        else resolve(message as T);
      };
      const onExit = (code: number | null) => reject(new Error(`${file} stopped (exit code ${code}).`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  return {
    next,
    ask<T>(message: unknown, ...fields: string[]) {
      const answer = next<T>(...fields);
      child.send(message as never);
      return answer;
    },
    async close() {
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}
