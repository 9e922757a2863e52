/** The bench's one table: a row per database and size, printed and written as JSON. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BenchRow {
  database: string;
  rows: number;
  downloadS: number;
  uploadS: number;
  limitS: number;
  /** limit ÷ upload: 1 is as fast as the database allows; the target is ≥ 0.5. */
  ratio: number;
  /** The slowest of the process runs below. */
  processLinesPerS: number;
  /** One batch run per size (BENCH_PROCESS_LINES). */
  process: Array<{ lines: number; linesPerSecond: number; healthP99Ms: number }>;
  prepareRequests: number;
  /** 2 × ⌈prepare's payload / 5 MB⌉ + 5. */
  allowedPrepareRequests: number;
  uploadRequests: number;
  /** 2 × ⌈upload's payload / 5 MB⌉ + 5. */
  allowedRequests: number;
  largestRequestMb: number;
  /** The server's memory at its peak during the upload: its process plus the embedded database's (PGlite), summed. */
  serverRssMb: number;
  /** The server process alone, and the embedded database's process alone (0 on PostgreSQL), each at its own peak. */
  serverProcessRssMb: number;
  databaseProcessRssMb: number;
  healthP99Ms: number;
  healthP99DuringProcessMs: number;
  resets: number;
}

type Cell = (row: BenchRow) => string;
const processRates: Cell = (r) => r.process.map((p) => `${Math.round(p.linesPerSecond)} (${p.lines / 1000}k)`).join(' ');
const COLUMNS: Array<[keyof BenchRow | Cell, string, number]> = [
  ['database', 'database', 0], ['rows', 'rows', 0], ['downloadS', 'download s', 2], ['uploadS', 'upload s', 2], ['limitS', 'limit s', 2],
  ['ratio', 'ratio', 2], [processRates, 'process lines/s (batch lines)', 0], ['prepareRequests', 'Excel prepare', 0],
  ['allowedPrepareRequests', 'allowed', 0], ['uploadRequests', 'Excel upload', 0], ['allowedRequests', 'allowed', 0], ['largestRequestMb', 'largest MB', 2],
  ['serverRssMb', 'server RSS MB', 0], ['serverProcessRssMb', 'of it server', 0], ['databaseProcessRssMb', 'of it PGlite', 0],
  ['healthP99Ms', 'health p99 ms (20 uploading)', 0], ['healthP99DuringProcessMs', 'health p99 ms (batch)', 0], ['resets', 'resets', 0],
];

export function formatTable(rows: BenchRow[]): string {
  const text = (r: BenchRow, key: keyof BenchRow | Cell, digits: number) => (typeof key === 'function' ? key(r) : typeof r[key] === 'number' ? (r[key] as number).toFixed(digits) : String(r[key]));
  const cells = rows.map((r) => COLUMNS.map(([key, , digits]) => text(r, key, digits)));
  const header = COLUMNS.map(([, title]) => title);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padStart(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 1) + ':').join('|')}|`, ...cells.map(line)].join('\n');
}

export function writeJson(rows: BenchRow[], file = path.resolve(__dirname, '../../../.data/bench/latest.json')): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const machine = { cores: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` };
  fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2));
  return file;
}
