// How Node bundles are made with esbuild: the `receivables` CLI (scripts/build-cli.mjs) and the benchmark's
// processes (scripts/bench.mjs, which bundles the CLI again in its own folder) share these settings, so the bench
// measures the CLI exactly as it ships. npm packages stay external, loaded from node_modules at run time.
export const NODE_BUNDLE_OPTIONS = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  logLevel: "warning",
};
