// Bundles the `receivables` CLI into dist/cli.js with esbuild (about a second); npm packages stay external
// dependencies, loaded from node_modules at run time.
import { build } from "esbuild";
import { NODE_BUNDLE_OPTIONS } from "./nodeBundle.mjs";

await build({ ...NODE_BUNDLE_OPTIONS, entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.js", sourcemap: true });
