"use strict";
/**
 * Rewrites the development manifest (every URL under https://localhost:3000) for a deployment
 * at another base URL. Pure and synchronous: webpack.config.js calls it while copying
 * manifest.xml into dist/, and test/manifest checks it.
 */

const DEV_ORIGIN = "https://localhost:3000";

/**
 * Checks a deployment base URL and returns it without a trailing slash.
 * Office requires https for every manifest URL; a query or fragment would corrupt the page URLs
 * appended to it, and characters special to XML would corrupt the manifest.
 * @param {string} baseUrl
 * @returns {{ base: string, origin: string }}
 */
function normaliseBaseUrl(baseUrl) {
  if (typeof baseUrl !== "string" || baseUrl.trim() === "") {
    throw new Error("ADDIN_BASE_URL is empty: set it to the https URL the add-in is served from, e.g. https://insight.example.com");
  }
  let url;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: ${JSON.stringify(baseUrl)}`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_BASE_URL must use https (Office rejects other schemes in a manifest): ${JSON.stringify(baseUrl)}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(`ADDIN_BASE_URL must be a plain base URL without credentials, query or fragment: ${JSON.stringify(baseUrl)}`);
  }
  const base = (url.origin + url.pathname).replace(/\/+$/, "");
  if (/[<>"'&\s]/.test(base)) {
    throw new Error(`ADDIN_BASE_URL contains characters that are not allowed in a manifest URL: ${JSON.stringify(baseUrl)}`);
  }
  if (base === DEV_ORIGIN) {
    throw new Error("ADDIN_BASE_URL is the development origin https://localhost:3000; a production manifest needs the deployed URL");
  }
  return { base, origin: url.origin };
}

/**
 * @param {string} xml the development manifest
 * @param {string} baseUrl e.g. "https://insight.example.com" or "https://example.com/insight/"
 * @returns {string} the manifest without comments and with every https://localhost:3000 URL moved
 *   under baseUrl; AppDomain entries get the origin only (the schema wants a domain there, no path).
 */
function rewriteManifest(xml, baseUrl) {
  const { base, origin } = normaliseBaseUrl(baseUrl);
  const dev = DEV_ORIGIN.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const out = xml
    // Comments are notes for developers (and name the dev origin); the deployed manifest drops them.
    .replace(/<!--[\s\S]*?-->[ \t]*\r?\n?/g, "")
    .replace(new RegExp(`(<AppDomain>\\s*)${dev}/?(\\s*</AppDomain>)`, "g"), (_m, open, close) => `${open}${origin}${close}`)
    .replace(new RegExp(`${dev}(?![0-9])`, "g"), base);
  if (/localhost|127\.0\.0\.1/i.test(out)) {
    throw new Error("The manifest still names localhost after the rewrite; every URL must start with https://localhost:3000");
  }
  return out;
}

module.exports = { rewriteManifest, normaliseBaseUrl, DEV_ORIGIN };
