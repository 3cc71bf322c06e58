import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { requireTool } from "../../support/systemTool";

/**
 * Debian's Chromium, headless, in a fresh profile (the flags of ../shared/TOOLCHAIN.md: nothing of Chromium's own
 * reaches the network). Fails naming the Debian package when Chromium is missing. playwright-core never downloads a
 * browser; `npx playwright install` is not needed and must not be run.
 */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const executablePath = requireTool("chromium", "chromium");
  const profile = mkdtempSync(join(tmpdir(), "rd-chromium-"));
  // playwright passes the profile as --user-data-dir and adds --headless itself.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync",
    ],
    viewport: { width: 1280, height: 1600 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Whether a URL stays on this machine. */
export function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === "data:" || protocol === "blob:" || protocol === "about:") return true;
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
}
