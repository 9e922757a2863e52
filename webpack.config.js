/*
 * Task pane bundle. Development builds add the preview page (the pane beside a simulated sheet) and serve office.js
 * from the @microsoft/office-js package (offline development, tests, the preview); production builds load office.js
 * from Microsoft's CDN, as Microsoft requires of add-ins in its store, and write the manifest for ADDIN_URL.
 */
const path = require('node:path');
const fs = require('node:fs');
const crypto = require('node:crypto');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const { devOrigin, manifestFor, productionOrigin } = require('./addin-manifest.js');

const API_URL = process.env.API_URL || 'http://localhost:3001';
const OFFICE_JS_DIR = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
/** Pages, each `src/<name>/<name>.html` with its entry `src/<name>/index.tsx`. */
const PAGES = { production: ['taskpane', 'sso-dialog'], development: ['taskpane', 'preview', 'sso-dialog'] };
/** "Referencing the Office JavaScript API library": store add-ins must reference this URL; local copies are for development. */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * HTTPS for the dev server with office-addin-dev-certs' certificates. Where installing its CA needs
 * sudo and fails, only generate them (again once they expire) and trust the CA by hand.
 */
async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const dir = path.join(require('node:os').homedir(), '.office-addin-dev-certs');
    const files = { ca: path.join(dir, 'ca.crt'), cert: path.join(dir, 'localhost.crt'), key: path.join(dir, 'localhost.key') };
    const valid = fs.existsSync(files.cert) && fs.existsSync(files.key) && new Date(new crypto.X509Certificate(fs.readFileSync(files.cert)).validTo) > new Date();
    if (!valid) await devCerts.generateCertificates(files.ca, files.cert, files.key);
    console.warn(`Could not install the dev CA (${error.message.split('\n')[0]}); using the certificates in ${dir} untrusted.`);
    return { ca: fs.readFileSync(files.ca), cert: fs.readFileSync(files.cert), key: fs.readFileSync(files.key) };
  }
}

module.exports = async (_env, argv) => {
  const dev = argv.mode !== 'production';
  const pages = dev ? PAGES.development : PAGES.production;
  const serving = process.argv.includes('serve');
  const addinPort = Number(process.env.ADDIN_PORT || 3000);
  // Production needs the HTTPS origin that will serve it (refused with a plain message otherwise).
  const origin = dev ? devOrigin(addinPort) : productionOrigin(process.env.ADDIN_URL);
  const officeJs = dev ? 'office-js/office.js' : OFFICE_JS_CDN;
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'eval-cheap-module-source-map' : false,
    entry: Object.fromEntries(pages.map((name) => [name, `./src/${name}/index.tsx`])),
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // ES modules for webpack (tsconfig says CommonJS for jest): with require() it takes packages' CommonJS builds and
          // cannot tree-shake them; @fluentui/react-icons alone was 17 MB.
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'es2022' } } },
        },
      ],
    },
    cache: { type: 'filesystem' },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') }),
      ...pages.map((name) => new HtmlWebpackPlugin({ filename: `${name}.html`, template: `./src/${name}/${name}.html`, chunks: [name], officeJs })),
      // The manifest's SupportUrl and LearnMoreUrl: a static page, no script.
      new HtmlWebpackPlugin({ filename: 'support.html', template: './src/support/support.html', chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestFor(content.toString('utf8'), origin) },
          // Development: office.js and the scripts and locale files it loads at runtime, served by us so the pane works with
          // no internet. Left out: debug builds, typings and other Office hosts' runtimes (86 MB down to 16 MB).
          ...(dev
            ? [
                {
                  from: OFFICE_JS_DIR,
                  to: 'office-js',
                  info: { minimized: true }, // already minified; Terser would spend minutes on it
                  globOptions: { ignore: ['**/*.debug.js', '**/*.d.ts', '**/office-vsdoc.js', ...['access', 'onenote', 'outlook', 'powerpoint', 'project', 'visio', 'word'].map((h) => `${OFFICE_JS_DIR.replace(/\\/g, '/')}/${h}*`)] },
                },
              ]
            : []),
        ],
      }),
    ],
    devServer: {
      port: addinPort,
      hot: false,
      client: { overlay: { errors: true, warnings: false } }, // a warning must not cover the page (and block clicks in browser tests)
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: serving ? { type: 'https', options: await httpsOptions() } : undefined,
      proxy: [{ context: ['/api'], target: API_URL }],
    },
  };
};
