/* Task pane bundle. Development builds add the preview page (the pane beside a simulated sheet). */
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ADDIN_PORT = Number(process.env.ADDIN_PORT || 3000);
const API_URL = process.env.API_URL || 'http://localhost:3001';
const OFFICE_JS_DIR = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));

/** HTTPS for the dev server: office-addin-dev-certs' certificates; where installing its CA needs sudo and fails, only generate them. */
async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    return await devCerts.getHttpsServerOptions();
  } catch {
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const files = { ca: path.join(dir, 'ca.crt'), cert: path.join(dir, 'localhost.crt'), key: path.join(dir, 'localhost.key') };
    if (!fs.existsSync(files.cert)) await devCerts.generateCertificates(files.ca, files.cert, files.key);
    return { ca: fs.readFileSync(files.ca), cert: fs.readFileSync(files.cert), key: fs.readFileSync(files.key) };
  }
}

module.exports = async (_env, argv) => {
  const dev = argv.mode !== 'production';
  const html = (name, chunks) => new HtmlWebpackPlugin({ filename: `${name}.html`, template: `./src/${name}/${name}.html`, chunks });
  const serve = process.argv.includes('serve');
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'eval-cheap-module-source-map' : false,
    entry: { taskpane: './src/taskpane/index.tsx', ...(dev ? { preview: './src/preview/index.tsx' } : {}) },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } }] },
    cache: { type: 'filesystem' },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') }),
      html('taskpane', ['taskpane']),
      ...(dev ? [html('preview', ['preview'])] : []),
      new CopyWebpackPlugin({ patterns: [{ from: 'assets', to: 'assets' }, { from: 'manifest.xml', to: 'manifest.xml' }] }),
    ],
    devServer: {
      port: ADDIN_PORT,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: serve ? { type: 'https', options: await httpsOptions() } : undefined,
      // office.js with its locale files, served from the package so the pane works with no internet.
      static: [{ directory: OFFICE_JS_DIR, publicPath: '/office-js' }],
      proxy: [{ context: ['/api'], target: API_URL }],
    },
  };
};
