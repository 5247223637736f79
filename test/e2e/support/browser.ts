/**
 * Chromium for e2e tests: Debian's /usr/bin/chromium driven by playwright-core.
 * A missing browser is a failure with the fix in the message, never a skip.
 */
import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A phone-sized context (for participant pages) or a laptop-sized one. */
export function newContext(browser: Browser, kind: "phone" | "laptop" = "laptop"): Promise<BrowserContext> {
  return kind === "phone"
    ? browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
      })
    : browser.newContext({ viewport: { width: 1366, height: 900 } });
}

/**
 * Collects console errors and uncaught page errors so a test can assert there were none
 * (a CSP violation or a crash shows up here).
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  return errors;
}
