/**
 * Builds the task pane page, which in the shared runtime is also the ribbon's FunctionFile.
 *
 *   npx webpack --mode production             # dist/, Office.js from the Microsoft CDN
 *   ADDIN_BASE_URL=https://insight.example.com npx webpack --mode production
 *                                              # … and dist/manifest.xml points there
 *   OFFICE_JS_LOCAL=1 npx webpack --mode production
 *                                              # office.js served from dist/office/ (offline browser tests)
 *   scripts/make-certs.sh && npx webpack serve --mode development
 *                                              # https://localhost:3000, certificates from .certs/
 *
 * Entries (written in src/, not here): ./src/taskpane/index.tsx renders the pane into
 * <div id="container">; ./src/commands/commands.ts calls Office.actions.associate for every name in
 * src/commands/names.ts. Both are injected into taskpane.html and share one webpack runtime.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { normaliseBaseUrl, rewriteManifest } = require("./scripts/manifest-url");

const ROOT = __dirname;
const DEV_PORT = 3000;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

/**
 * One policy for every build. No 'unsafe-eval': bundles must not use eval (see devtool below).
 * 'self' also covers the dev server's same-origin wss:// socket (CSP Level 3).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'", // Fluent UI (Griffel) inserts <style> elements at run time
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");

/**
 * What office.js fetches beside itself outside the CDN: the host/platform file table, the Excel
 * host scripts, the string tables of the locales we ship (en-US, zh-CN) and its telemetry module.
 * Debug builds, other hosts and other locales stay out of dist/.
 */
function officeJsLocalPatterns() {
  const common = {
    context: OFFICE_JS_DIST,
    to: "office/",
    globOptions: { ignore: ["**/*.debug.js"] },
    // Already minified by Microsoft; re-minifying 9 MB with Terser takes minutes.
    info: { minimized: true },
  };
  return ["office.js", "o15apptofilemappingtable.js", "excel*.js", "en-us/**", "zh-cn/**", "telemetry/**"].map(
    (from) => ({ ...common, from }),
  );
}

/** Reads the dev server's certificate, or says how to make one. */
function httpsOptions() {
  const dir = path.join(ROOT, ".certs");
  const file = (name) => {
    const p = path.join(dir, name);
    if (!fs.existsSync(p)) {
      throw new Error(`${p} is missing: run scripts/make-certs.sh, then trust .certs/ca.crt (see the script's header)`);
    }
    return fs.readFileSync(p);
  };
  return { key: file("localhost.key"), cert: file("localhost.crt"), ca: file("ca.crt") };
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode === "development" ? "development" : "production";
  const production = mode === "production";
  const serving = process.env.WEBPACK_SERVE === "true";
  const officeJsLocal = process.env.OFFICE_JS_LOCAL === "1";
  const baseUrl = (process.env.ADDIN_BASE_URL || "").trim();

  if (production && baseUrl) normaliseBaseUrl(baseUrl); // fail before a long build, not after it
  if (production && !baseUrl && !serving) {
    console.warn(
      "[customer-insight] ADDIN_BASE_URL is not set: dist/manifest.xml keeps https://localhost:3000 (fine for tests, not for deployment).",
    );
  }

  return {
    mode,
    context: ROOT,
    target: "web",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.join(ROOT, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].chunk.js" : "[name].chunk.js",
      assetModuleFilename: "assets/[name].[contenthash:8][ext]",
      publicPath: "auto",
      clean: true,
    },
    // Never an eval-* devtool: the page's CSP has no 'unsafe-eval'.
    devtool: production ? false : "source-map",
    resolve: {
      extensions: [".tsx", ".ts", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.join(ROOT, "tsconfig.json"),
              // Types are checked once by `npm run typecheck`; the bundle only needs transpiling.
              transpileOnly: true,
              onlyCompileBundledFiles: true,
              compilerOptions: {
                noEmit: false,
                module: "esnext", // keep ES modules so webpack can tree-shake (Fluent UI relies on it)
                moduleResolution: "bundler",
                rootDir: ROOT, // TypeScript 6 wants it explicit once noEmit is off (TS5011)
                sourceMap: !production,
              },
            },
          },
        },
        {
          test: /\.(png|jpe?g|gif|svg)$/i,
          type: "asset/resource",
        },
      ],
    },
    optimization: {
      // Both entries run in the same page (shared runtime): one webpack runtime, so a module
      // imported by both (e.g. shared state) is instantiated once.
      runtimeChunk: "single",
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: "react",
            priority: 30,
          },
          // "initial": only what first paint needs goes into these named chunks; a package used
          // by a lazily loaded screen alone stays in that screen's chunk.
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|tabster|keyborg)[\\/]/,
            name: "fluent",
            chunks: "initial",
            priority: 20,
          },
          vendors: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendors",
            chunks: "initial",
            priority: 10,
            reuseExistingChunk: true,
          },
        },
      },
    },
    performance: {
      hints: production ? "warning" : false,
      maxEntrypointSize: 700 * 1024,
      maxAssetSize: 500 * 1024,
      // Our bundles only; the copied office.js files are Microsoft's and not in our budget.
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith("office/"),
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // commands first: the ribbon's handlers are registered before the pane renders.
        chunks: ["commands", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
        inject: "head",
        officeJsUrl: officeJsLocal ? "office/office.js" : OFFICE_JS_CDN,
        contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", globOptions: { ignore: ["**/.*"] } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              production && baseUrl ? rewriteManifest(content.toString("utf8"), baseUrl) : content,
          },
          ...(officeJsLocal ? officeJsLocalPatterns() : []),
        ],
      }),
    ],
    devServer: {
      host: "localhost",
      port: DEV_PORT,
      server: serving ? { type: "https", options: httpsOptions() } : "https",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: true,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

module.exports.CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
