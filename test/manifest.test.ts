/**
 * The add-in manifest, checked with our own test because `office-addin-manifest validate` needs the network:
 * the development manifest (manifest.xml, for ADDIN_PORT) and the production one `npm run build` writes for ADDIN_URL.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack, { type Configuration } from 'webpack';
import { writeDevManifest } from '../server/cli/dev-manifest';

jest.setTimeout(120000);

const root = path.resolve(__dirname, '..');
const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
type Config = Configuration & { devServer: { port: number } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../webpack.config.js') as (env: unknown, argv: { mode: string }) => Promise<Config>;

/** The config webpack would use with these environment variables set. */
async function configWith(mode: 'development' | 'production', env: Record<string, string | undefined>): Promise<Config> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  try {
    return await webpackConfig({}, { mode });
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the real config into a temporary folder, with each page's script replaced by an empty one (the pages, manifest and copies are what we check). */
async function build(config: Config): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-manifest-'));
  temporary.push(out);
  const stub = path.join(out, 'stub-entry.js');
  fs.writeFileSync(stub, 'export {};\n');
  const entry = Object.fromEntries(Object.keys(config.entry as object).map((name) => [name, stub]));
  await new Promise<void>((resolve, reject) =>
    webpack({ ...config, entry, cache: false, devtool: false, output: { ...config.output, path: path.join(out, 'dist') } }, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    }),
  );
  return path.join(out, 'dist');
}

/** Every http(s) URL in the manifest's attributes and text, read with an XML parser (namespace declarations aside). */
function manifestUrls(text: string): URL[] {
  expect(XMLValidator.validate(text)).toBe(true);
  const urls: URL[] = [];
  const walk = (node: unknown, key = ''): void => {
    if (typeof node === 'string' && /^https?:\/\//.test(node.trim()) && !key.startsWith('@_xmlns')) urls.push(new URL(node.trim()));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  walk(new XMLParser({ ignoreAttributes: false }).parse(text));
  return urls;
}
const parse = (text: string) => new XMLParser({ ignoreAttributes: false }).parse(text).OfficeApp;
const origins = (text: string) => [...new Set(manifestUrls(text).map((u) => u.origin))];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('manifest.xml (the development manifest)', () => {
  it('when parsed, then it is well-formed XML for an Excel task pane add-in', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parse(xml);
    expect(doc['@_xsi:type']).toBe('TaskPaneApp');
    expect(doc.Hosts.Host['@_Name']).toBe('Workbook');
    expect(doc.VersionOverrides.Hosts.Host['@_xsi:type']).toBe('Workbook');
    expect(doc.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('when its URLs are read, then every one is https on the default dev server port', async () => {
    expect(manifestUrls(xml).length).toBeGreaterThan(5);
    expect(origins(xml)).toEqual([`https://localhost:${(await configWith('development', { ADDIN_PORT: undefined })).devServer.port}`]);
  });

  it('when the task pane and support pages are named, then webpack builds pages of those names', async () => {
    const config = await configWith('production', { ADDIN_URL: 'https://benefits.example.com' });
    const pages = (config.plugins ?? []).filter((p) => p instanceof HtmlWebpackPlugin).map((p) => `/${(p as HtmlWebpackPlugin).userOptions.filename}`);
    const doc = parse(xml);
    expect(pages).toContain(new URL(doc.DefaultSettings.SourceLocation['@_DefaultValue']).pathname);
    expect(pages).toContain(new URL(doc.SupportUrl['@_DefaultValue']).pathname);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/);
    const urls = doc.VersionOverrides.Resources['bt:Urls']['bt:Url'] as Array<Record<string, string>>;
    expect(urls.find((u) => u['@_id'] === 'Taskpane.Url')?.['@_DefaultValue']).toBe(doc.DefaultSettings.SourceLocation['@_DefaultValue']);
  });

  it('when icons are referenced, then each exists in assets/ as a PNG of the size the manifest says', () => {
    const icons = [...xml.matchAll(/<bt:Image id="Icon\.(\d+)x\d+" DefaultValue="https:\/\/[^/]+(\/assets\/[^"]+)"/g)];
    expect(icons.map((m) => Number(m[1]))).toEqual([16, 32, 80]);
    for (const [, size, pathname] of icons) expect(pngSize(path.join(root, pathname))).toEqual({ width: Number(size), height: Number(size) });
    for (const m of xml.matchAll(/<(IconUrl|HighResolutionIconUrl) DefaultValue="https:\/\/[^/]+(\/assets\/[^"]+)"/g)) expect(fs.existsSync(path.join(root, m[2]))).toBe(true);
  });
});

describe('development manifest for ADDIN_PORT', () => {
  it('when ADDIN_PORT=4300, then the dev server, the manifest it serves and the one npm start writes all use https://localhost:4300', async () => {
    const config = await configWith('development', { ADDIN_PORT: '4300' });
    expect(config.devServer.port).toBe(4300);
    const dist = await build(config);
    expect(origins(fs.readFileSync(path.join(dist, 'manifest.xml'), 'utf8'))).toEqual(['https://localhost:4300']);
    // The packaged office.js, served with the pages: development works with no internet.
    expect(fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8')).toContain('<script src="office-js/office.js"></script>');
    expect(fs.existsSync(path.join(dist, 'office-js', 'office.js'))).toBe(true);

    const fakeRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-root-'));
    temporary.push(fakeRoot);
    fs.copyFileSync(path.join(root, 'manifest.xml'), path.join(fakeRoot, 'manifest.xml'));
    const written = fs.readFileSync(writeDevManifest(fakeRoot, 4300), 'utf8');
    expect(origins(written)).toEqual(['https://localhost:4300']);
    expect(manifestUrls(written)).toHaveLength(manifestUrls(xml).length);
  });
});

describe('production build for ADDIN_URL', () => {
  let dist: string;
  beforeAll(async () => {
    dist = await build(await configWith('production', { ADDIN_URL: 'https://benefits.example.com/' }));
  });

  it('when built for https://benefits.example.com, then dist/manifest.xml has every URL on that origin', () => {
    const manifest = fs.readFileSync(path.join(dist, 'manifest.xml'), 'utf8');
    expect(manifestUrls(manifest)).toHaveLength(manifestUrls(xml).length);
    expect(origins(manifest)).toEqual(['https://benefits.example.com']);
    expect(manifest).not.toContain('localhost');
    const doc = parse(manifest);
    expect(doc.AppDomains.AppDomain).toBe('https://benefits.example.com');
    expect(doc.Id).toBe(parse(xml).Id);
  });

  it('when the manifest names its pages and icons, then each is a file in the bundle, and the support page says how to get help', () => {
    const manifest = fs.readFileSync(path.join(dist, 'manifest.xml'), 'utf8');
    for (const url of manifestUrls(manifest)) expect(fs.existsSync(path.join(dist, url.pathname))).toBe(true);
    const support = fs.readFileSync(path.join(dist, new URL(parse(manifest).SupportUrl['@_DefaultValue']).pathname), 'utf8');
    expect(support).toContain('Benefits Workbook help');
    expect(support).toMatch(/contact your benefits system administrator/i);
    expect(support).not.toMatch(/<script/);
  });

  it("when the task pane page loads office.js, then it comes from Microsoft's CDN and no packaged copy is bundled", () => {
    const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
    // The production page is minified: attribute quotes are gone.
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=("?)([^"\s>]+)\1/g)].map((m) => m[2]);
    expect(scripts[0]).toBe(OFFICE_JS_CDN);
    expect(html.indexOf(OFFICE_JS_CDN)).toBeLessThan(html.indexOf('</head>'));
    expect(fs.existsSync(path.join(dist, 'office-js'))).toBe(false);
  });

  it.each([
    ['http://benefits.example.com', /must start with https:\/\//],
    ['https://benefits.example.com/excel', /origin only, without a path/],
    ['benefits.example.com', /not a web address/],
    [undefined, /Set ADDIN_URL to the HTTPS address/],
  ])('when ADDIN_URL is %p, then the build refuses with a message saying what to set', async (addinUrl, message) => {
    await expect(configWith('production', { ADDIN_URL: addinUrl })).rejects.toThrow(message);
    // npm's prebuild: one plain line and a failing exit, before webpack starts.
    const env = { ...process.env, ADDIN_URL: addinUrl };
    if (addinUrl === undefined) delete env.ADDIN_URL;
    const run = spawnSync(process.execPath, [path.join(root, 'addin-manifest.js')], { env, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(message);
  });
});
