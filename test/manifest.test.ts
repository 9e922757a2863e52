import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const root = path.resolve(__dirname, '..');
const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const webpackConfig = fs.readFileSync(path.join(root, 'webpack.config.js'), 'utf8');
const devPort = /ADDIN_PORT \|\| (\d+)/.exec(webpackConfig)?.[1];

describe('manifest.xml', () => {
  it('when parsed, then it is well-formed XML for an Excel task pane add-in', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(doc.OfficeApp['@_xsi:type']).toBe('TaskPaneApp');
    expect(doc.OfficeApp.Hosts.Host['@_Name']).toBe('Workbook');
    expect(doc.OfficeApp.Id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when its URLs are read, then every one points at the dev server port and an existing page or icon', () => {
    const urls = [...xml.matchAll(/https:\/\/[^"<]+/g)].map((m) => new URL(m[0]));
    expect(devPort).toBeDefined();
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.host).toBe(`localhost:${devPort}`);
      if (url.pathname.startsWith('/assets/')) expect(fs.existsSync(path.join(root, url.pathname))).toBe(true);
      else if (url.pathname !== '/') expect(url.pathname).toBe('/taskpane.html');
    }
    expect(fs.existsSync(path.join(root, 'src/taskpane/taskpane.html'))).toBe(true);
  });

  it('when the ribbon button is read, then it opens the task pane page', () => {
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(xml).toMatch(/<bt:Url id="Taskpane.Url" DefaultValue="https:\/\/localhost:\d+\/taskpane.html"\/>/);
  });
});
