// Lint for the whole repo: typescript-eslint (recommended, not type-checked, so it stays fast), the Office add-in
// rules (load before read, sync before read, no sync in loops) and the engine boundary: src/engine is pure
// TypeScript and never reaches Excel, files, Node, React or the renderers.
import { builtinModules } from "node:module";
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

// The plugin's own `recommended` config also turns on prettier/prettier and pins ecmaVersion 6; we take its rules
// only, with the same severities it recommends, except that warnings become errors (we lint with zero warnings anyway).
const officeAddinsRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "error",
  "office-addins/no-navigational-load": "error",
  "office-addins/no-office-initialize": "error",
  "office-addins/test-for-null-using-isNullObject": "error",
};

// Globals of Node's CommonJS/ESM scripts (webpack.config.js, scripts/*.mjs, bin/*.js). Listed here rather than
// taken from the `globals` package, which is only a transitive dependency.
const nodeGlobals = Object.fromEntries(
  [
    "process", "console", "Buffer", "URL", "URLSearchParams", "TextEncoder", "TextDecoder", "AbortController",
    "setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate", "queueMicrotask",
    "structuredClone", "performance", "fetch", "globalThis",
  ].map((name) => [name, "readonly"]),
);
const commonJsGlobals = { require: "readonly", module: "writable", exports: "writable", __dirname: "readonly", __filename: "readonly" };

// --- engine boundary -------------------------------------------------------------------------------------------
const renderers = ["excel", "xlsx", "cli", "taskpane", "functions", "sample"];
const engineMessage = "src/engine is pure: it receives a WorkbookData (src/engine/port.ts) and returns values.";
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith("_"));
const restrictedImports = {
  paths: [
    ...nodeBuiltins.map((name) => ({ name, message: `Node built-in '${name}': ${engineMessage}` })),
    ...["exceljs", "react", "react-dom", "@microsoft/office-js", "office-js", "@types/office-js"].map((name) => ({
      name,
      message: `'${name}' belongs to a renderer, not the engine. ${engineMessage}`,
    })),
  ],
  patterns: [
    { regex: "^node:", message: `Node built-ins are not available to the engine. ${engineMessage}` },
    {
      // Subpaths of the packages above (fs/promises is in builtinModules already).
      regex: "^(exceljs|react|react-dom|@microsoft/office-js)/",
      message: `Renderer packages stay out of the engine. ${engineMessage}`,
    },
    { regex: "^@fluentui/", message: `Fluent UI belongs to the task pane. ${engineMessage}` },
    { regex: "^office-addin-", message: `Office add-in tooling belongs to the renderers. ${engineMessage}` },
    {
      // Any depth: ../xlsx, ../../excel/run, ./../cli. A folder inside the engine that happened to share one of
      // these names would be caught too; name engine folders after the domain instead (aging/, dunning/, ...).
      regex: `^(\\./)?(\\.\\./)+(${renderers.join("|")})(/|$)`,
      message: `The engine never imports a renderer; renderers import the engine. ${engineMessage}`,
    },
  ],
};
const restrictedGlobals = [
  ["Office", "Office.js belongs to src/excel and src/taskpane."],
  ["Excel", "Office.js belongs to src/excel."],
  ["window", "The engine runs in Node and in the pane alike; it has no window."],
  ["document", "The engine has no DOM."],
  ["process", "Pass settings in as arguments; the engine does not read the environment."],
  ["require", "Use ES imports of engine modules only."],
  ["Buffer", "Node's Buffer is not available in the pane; the engine works on values."],
  ["global", "Node's global object is not available in the pane."],
  ["__dirname", "The engine does not touch the file system."],
  ["__filename", "The engine does not touch the file system."],
].map(([name, why]) => ({ name, message: `${why} ${engineMessage}` }));

export default defineConfig(
  {
    ignores: [
      "**/node_modules/",
      "dist/",
      "out/",
      "coverage/",
      "bench/results*",
      "bench/out/",
      "test/corpus/**/*.xlsx",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      ...officeAddinsRules,
      // An unused argument or binding named _x is deliberate (matches tsconfig's noUnused* escape hatch).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Node scripts and tool configs.
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // CommonJS files (package.json has no "type": "module"): webpack.config.js, jest configs, bin/*.js.
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...nodeGlobals, ...commonJsGlobals } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/engine/**/*.{ts,tsx,mts,cts,js,mjs}"],
    rules: {
      "no-restricted-imports": ["error", restrictedImports],
      "no-restricted-globals": ["error", ...restrictedGlobals],
      "no-restricted-syntax": [
        "error",
        {
          // no-restricted-imports sees only static imports; these two forms would slip past it.
          selector: "ImportExpression",
          message: `No dynamic import() in the engine. ${engineMessage}`,
        },
        {
          selector: "TSImportEqualsDeclaration[moduleReference.type='TSExternalModuleReference']",
          message: `No import = require() in the engine. ${engineMessage}`,
        },
      ],
    },
  },
);
