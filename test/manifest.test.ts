import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Configuration } from 'webpack';

const root = path.resolve(__dirname, '..');
const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../webpack.config.js') as (env: unknown, argv: { mode: string }) => Promise<Configuration & { devServer: { port: number } }>;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  let port: number;
  let pages: string[];
  beforeAll(async () => {
    const config = await webpackConfig({}, { mode: 'production' });
    port = config.devServer.port;
    pages = (config.plugins ?? []).filter((p) => p instanceof HtmlWebpackPlugin).map((p) => `/${(p as HtmlWebpackPlugin).userOptions.filename}`);
  });

  it('when parsed, then it is well-formed XML for an Excel task pane add-in', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(doc.OfficeApp['@_xsi:type']).toBe('TaskPaneApp');
    expect(doc.OfficeApp.Hosts.Host['@_Name']).toBe('Workbook');
    expect(doc.OfficeApp.VersionOverrides.Hosts.Host['@_xsi:type']).toBe('Workbook');
    expect(doc.OfficeApp.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('when its URLs are read, then every one is https on the dev server port', () => {
    const urls = [...xml.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => new URL(m[0])).filter((u) => u.hostname !== 'schemas.microsoft.com' && u.hostname !== 'www.w3.org');
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(`${url.protocol}//${url.host}`).toBe(`https://localhost:${port}`);
  });

  it('when the task pane page is named, then webpack builds a page of that name', () => {
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const taskpane = new URL(doc.OfficeApp.DefaultSettings.SourceLocation['@_DefaultValue']).pathname;
    expect(pages).toContain(taskpane);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(xml).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:${port}${taskpane}"/>`);
  });

  it('when icons are referenced, then each exists in assets/ as a PNG of the size the manifest says', () => {
    const icons = [...xml.matchAll(/<bt:Image id="Icon\.(\d+)x\d+" DefaultValue="https:\/\/[^/]+(\/assets\/[^"]+)"/g)];
    expect(icons.map((m) => Number(m[1]))).toEqual([16, 32, 80]);
    for (const [, size, pathname] of icons) expect(pngSize(path.join(root, pathname))).toEqual({ width: Number(size), height: Number(size) });
    for (const m of xml.matchAll(/<(IconUrl|HighResolutionIconUrl) DefaultValue="https:\/\/[^/]+(\/assets\/[^"]+)"/g)) expect(fs.existsSync(path.join(root, m[2]))).toBe(true);
  });
});
