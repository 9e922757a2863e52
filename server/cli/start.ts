/**
 * `npm start`: the API server on the embedded database (demo data on first start) plus the HTTPS
 * add-in server. Sideloads into desktop Excel where there is one; otherwise says how to load the add-in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { optionsFromEnv, startServer } from '../main';
import { writeDevManifest } from './dev-manifest';

const root = path.resolve(__dirname, '..', '..');
const apiPort = Number(process.env.PORT ?? 3001);
const addinPort = Number(process.env.ADDIN_PORT ?? 3000);
const hasDesktopExcel = process.platform === 'win32' || process.platform === 'darwin';

function run(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, API_URL: `http://localhost:${apiPort}`, ADDIN_PORT: String(addinPort) },
  });
  child.on('exit', (code) => {
    if (code) process.exitCode = code;
  });
  return child;
}

async function main(): Promise<void> {
  const server = await startServer({ ...optionsFromEnv(process.env), port: apiPort });
  console.log(`API server: ${server.url} (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite with demo data'})`);
  const children: ChildProcess[] = [];
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  // manifest.xml is for port 3000; this copy points every URL at the port the add-in is served on.
  const manifest = writeDevManifest(root, addinPort);
  if (hasDesktopExcel) {
    // office-addin-debugging starts `npm run dev-server` itself, waits for it on the port, then sideloads the manifest.
    children.push(run(npx, ['office-addin-debugging', 'start', manifest, 'desktop', '--app', 'excel', '--dev-server-port', String(addinPort)]));
  } else {
    children.push(run(npx, ['webpack', 'serve', '--mode', 'development']));
    console.log(
      [
        '',
        'No desktop Excel on this machine. To use the add-in:',
        `  • Excel on the web: open a workbook, then Home › Add-ins › More add-ins › My add-ins › Upload my add-in, and pick ${manifest}.`,
        `    (Trust the development certificate in ~/.office-addin-dev-certs/ca.crt first, so that https://localhost:${addinPort} loads.)`,
        `  • Or try it in a browser, with a simulated workbook: https://localhost:${addinPort}/preview.html`,
        'Sign in as demo / demo123.',
        '',
      ].join('\n'),
    );
  }
  const stop = async () => {
    for (const child of children) child.kill('SIGTERM');
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
