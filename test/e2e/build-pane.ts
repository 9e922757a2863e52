/** Builds the task pane (development mode, so the preview page is included) into a temporary folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import webpack from 'webpack';

export async function buildPane(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-pane-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configOrFactory = require('../../webpack.config.js');
  const base = typeof configOrFactory === 'function' ? await configOrFactory({}, { mode: 'development' }) : configOrFactory;
  const config: webpack.Configuration = {
    ...base,
    mode: 'development',
    devtool: false,
    output: { ...base.output, path: outDir },
  };
  await new Promise<void>((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    });
  });
  return outDir;
}
