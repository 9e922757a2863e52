/** The development manifest for the port `npm start` serves the add-in on (ADDIN_PORT), written where Excel can load it. */
import fs from 'node:fs';
import path from 'node:path';
import { devOrigin, manifestFor } from '../../addin-manifest';

/** Writes `.data/manifest.xml` for https://localhost:<port> and returns its path. */
export function writeDevManifest(root: string, port: number): string {
  const file = path.join(root, '.data', 'manifest.xml');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, manifestFor(fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8'), devOrigin(port)));
  return file;
}
