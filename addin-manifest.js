// @ts-check
/**
 * The add-in manifest for the origin that serves the pane. manifest.xml is written for the default development
 * origin, so it loads as it is; every other origin (another ADDIN_PORT, a production ADDIN_URL) is this template
 * step, as in Microsoft's generator-office webpack config. office-addin-manifest cannot do it: its
 * modifyManifestFile changes only the Id and the display name, not the URLs.
 * Plain CommonJS because webpack.config.js, `npm start` (tsx) and the tests all load it.
 */

const DEFAULT_DEV_PORT = 3000;
const TEMPLATE_ORIGIN = `https://localhost:${DEFAULT_DEV_PORT}`;
const TEMPLATE_ORIGIN_PATTERN = /https:\/\/localhost:3000(?=[/"<])/g;

/**
 * The development origin for a port (ADDIN_PORT).
 * @param {number | string | undefined} port
 */
function devOrigin(port) {
  const n = Number(port ?? DEFAULT_DEV_PORT);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`ADDIN_PORT must be a port number from 1 to 65535; it is "${port}".`);
  return `https://localhost:${n}`;
}

/**
 * The production origin ADDIN_URL names. Refuses anything Office would not load or our server could not serve:
 * no ADDIN_URL, not https, or with a path (the pane and the API are served from one origin's root).
 * @param {string | undefined} addinUrl
 */
function productionOrigin(addinUrl) {
  const example = 'ADDIN_URL=https://benefits.example.com npm run build';
  if (!addinUrl) throw new Error(`Set ADDIN_URL to the HTTPS address that will serve the add-in and its API, for example: ${example}`);
  let url;
  try {
    url = new URL(addinUrl);
  } catch {
    throw new Error(`ADDIN_URL "${addinUrl}" is not a web address. Use the add-in's HTTPS address, for example: ${example}`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_URL must start with https:// (it is "${addinUrl}"): Office loads add-ins only over HTTPS.`);
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new Error(`ADDIN_URL must be an origin only, without a path, query or user (it is "${addinUrl}"), for example https://benefits.example.com: the pane and the API are served from its root.`);
  }
  return url.origin;
}

/**
 * The manifest with every URL of the template origin moved to `origin` (and without the template's comments).
 * @param {string} template the text of manifest.xml
 * @param {string} origin for example https://benefits.example.com
 */
function manifestFor(template, origin) {
  if (!template.includes(TEMPLATE_ORIGIN)) throw new Error(`manifest.xml has no URL on ${TEMPLATE_ORIGIN} to move to ${origin}.`);
  return template.replace(/<!--[\s\S]*?-->\s*/g, '').replace(TEMPLATE_ORIGIN_PATTERN, origin);
}

module.exports = { DEFAULT_DEV_PORT, TEMPLATE_ORIGIN, devOrigin, productionOrigin, manifestFor };

// `node addin-manifest.js` (npm's prebuild): refuse a build for an ADDIN_URL Office would not load, in one line.
if (require.main === module) {
  try {
    console.log(`Production manifest for ${productionOrigin(process.env.ADDIN_URL)}`);
  } catch (error) {
    console.error(/** @type {Error} */ (error).message);
    process.exit(1);
  }
}
