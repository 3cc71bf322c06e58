#!/usr/bin/env node
// The `receivables` command: runs the bundled CLI (built by `npm run build:cli`).
require("../dist/cli.js");
