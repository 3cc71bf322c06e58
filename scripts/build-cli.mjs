// Bundles the `receivables` CLI into dist/cli.js with esbuild (about a second); npm packages stay external
// dependencies, loaded from node_modules at run time.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/main.ts"],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  outfile: "dist/cli.js",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
