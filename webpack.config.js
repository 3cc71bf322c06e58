// Task pane bundle, after the shape of Microsoft's Office add-in task-pane template.
// `webpack --mode production` writes dist/; `webpack serve --mode development` serves https://localhost:3000.
// office.js is not bundled: taskpane.html loads it from Microsoft's CDN, as Office requires.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const devServerPort = 3000;
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

module.exports = (_env, argv) => {
  const dev = argv.mode !== "production";
  // webpack-cli sets WEBPACK_SERVE for `webpack serve`; only then do certificates matter.
  const serving = Boolean(process.env.WEBPACK_SERVE);

  return {
    devtool: dev ? "source-map" : false, // not "eval": the pane's Content-Security-Policy forbids eval
    entry: {
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run typecheck`, once; the bundle only transpiles.
              transpileOnly: true,
              // tsconfig.json says noEmit (it is for tsc and the editor); the loader must emit. `module: preserve`
              // leaves import/export to webpack, so tree shaking works.
              compilerOptions: { noEmit: false, sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
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
