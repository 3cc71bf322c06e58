// Task pane bundle, after the shape of Microsoft's Office add-in task-pane template.
// `webpack --mode production` writes dist/; `webpack serve --mode development` serves https://localhost:3000.
// office.js is not bundled: taskpane.html loads it from Microsoft's CDN, as Office requires.
// `--env playground` builds the playground instead (src/playground: the pane on the in-memory Excel, no office.js):
// `webpack serve --mode development --env playground` serves it on http://localhost:3001; `webpack --env playground`
// writes dist/playground/.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const devServerPort = 3000;
const playgroundPort = 3001;
const certDir = path.join(os.homedir(), ".office-addin-dev-certs");

/**
 * The dev certificates made by `npx office-addin-dev-certs install`, read from disk: its getHttpsServerOptions()
 * throws on machines where the CA cannot be trusted (no sudo), although the files are there. Undefined if absent.
 */
function devCertificates() {
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  const paths = Object.values(files).map((name) => path.join(certDir, name));
  if (!paths.every((file) => fs.existsSync(file))) return undefined;
  return Object.fromEntries(Object.entries(files).map(([option, name]) => [option, fs.readFileSync(path.join(certDir, name))]));
}

/** The dev server's `server` option: https with the dev certificates, else http with a one-line hint. */
function devServerTransport() {
  const certificates = devCertificates();
  if (certificates !== undefined) return { type: "https", options: certificates };
  console.warn(
    `No dev certificates in ${certDir}: serving http (Office needs https). Run \`npx office-addin-dev-certs install\`.`,
  );
  return { type: "http" };
}

/** TypeScript through ts-loader, transpile only: type checking is `npm run typecheck`, once. */
function typeScriptRule(dev) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        transpileOnly: true,
        // tsconfig.json says noEmit (it is for tsc and the editor); the loader must emit. `module: preserve`
        // leaves import/export to webpack, so tree shaking works.
        compilerOptions: { noEmit: false, sourceMap: dev },
      },
    },
  };
}

/**
 * The playground: one page, its own bundle (React, Fluent, the engine, the in-memory Excel, and ExcelJS's browser
 * build for opening .xlsx files), served over plain http on localhost. Never part of the add-in's dist/.
 */
function playgroundConfig(argv) {
  const dev = argv.mode !== "production";
  return {
    devtool: dev ? "source-map" : false, // not "eval": the page's Content-Security-Policy forbids eval
    entry: { playground: "./src/playground/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist", "playground"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [typeScriptRule(dev)] },
    plugins: [
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/playground/playground.html", chunks: ["playground"] }),
    ],
    // ExcelJS's browser build alone is about 1 MB; the playground loads from localhost.
    performance: { hints: false },
    devServer: {
      port: playgroundPort,
      host: "localhost",
      server: { type: "http" },
      static: false,
      open: false,
    },
  };
}

module.exports = (env, argv) => {
  if (env && env.playground) return playgroundConfig(argv);
  const dev = argv.mode !== "production";
  // webpack-cli sets WEBPACK_SERVE for `webpack serve`; only then do certificates matter.
  const serving = Boolean(process.env.WEBPACK_SERVE);

  return {
    devtool: dev ? "source-map" : false, // not "eval": the pane's Content-Security-Policy forbids eval
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      // The custom functions run in the pane's runtime (manifest: SharedRuntime): taskpane.html loads this bundle
      // too, and the metadata plugin writes functions.json from the JSDoc tags and adds the associate calls.
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // `npm run build` bundles the CLI into dist/cli.js first (scripts/build-cli.mjs); cleaning must leave it.
      clean: { keep: /^cli\.js(\.map)?$/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [typeScriptRule(dev)],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    performance: {
      // React + Fluent UI v9 come to about 300 KiB minified (90 KB gzipped), over webpack's 244 KiB default; the
      // pane loads from disk or localhost, so warn only well above that.
      maxAssetSize: 600 * 1024,
      maxEntrypointSize: 600 * 1024,
    },
    devServer: {
      port: devServerPort,
      headers: { "Access-Control-Allow-Origin": "*" },
      ...(serving ? { server: devServerTransport() } : {}),
    },
  };
};
