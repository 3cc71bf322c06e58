// End-to-end tests that need system packages (LibreOffice, poppler; later Chromium). `.ci/run` installs them.
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ["<rootDir>/test/e2e"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 120_000,
};
