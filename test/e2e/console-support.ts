/**
 * Helpers for the console e2e tests (organiser, facilitator, screen, evaluator):
 * phones that rejoin with a saved token, QR decoding from a screenshot, and quick
 * card seeding through the room protocol.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import jsQR from "jsqr";
import type { Browser, Page } from "playwright-core";
import { PNG } from "pngjs";
import { expect } from "vitest";
import { roots } from "../../party/model/doc";
import { absolute, type Joined, newContext, type RoomClient } from "./support";

export interface TemplateFile {
  id: string;
  title: string;
  stakeholderGroups?: { id: string; label: string }[];
  activities: { kind: string; title: string; config: Record<string, unknown> }[];
}

/** A map activity's one lane ("Now") and one kind of card ("Idea"); add a `mode`. */
export const ONE_LANE_MAP = {
  lanes: [{ id: "now", label: "Now" }],
  kinds: [{ id: "idea", label: "Idea", color: "#1d5b94" }],
};

/** The templates as shipped (seeds/templates/*.json), to compare what the UI created against. */
export function templateFiles(): TemplateFile[] {
  const dir = path.resolve(import.meta.dirname, "../../seeds/templates");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as TemplateFile);
}

/**
 * A phone already joined (token saved as the join page saves it), on its live room page,
 * in `language` if given (as if picked on the phone). `forAxe` bypasses the page's CSP so
 * axe can be injected; use it only for axe runs.
 */
export async function openPhone(
  browser: Browser,
  joined: Joined,
  options: { forAxe?: boolean; language?: string } = {},
): Promise<Page> {
  const context = options.forAxe
    ? await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true })
    : await newContext(browser, "phone");
  await context.addInitScript(
    ([workshopId, value, picked]) => {
      localStorage.setItem(`coproduce:participant:${workshopId}`, value);
      if (picked) localStorage.setItem("coproduce:language", picked);
    },
    [
      joined.workshopId,
      JSON.stringify({ token: joined.token, participantId: joined.participantId }),
      options.language ?? "",
    ] as const,
  );
  const page = await context.newPage();
  await page.goto(absolute(`/w/${joined.workshopId}`));
  return page;
}

/** Decodes the QR code drawn in `selector` from a screenshot, as a phone camera would. */
export async function decodeQr(page: Page, selector: string): Promise<string | null> {
  const shot = await page.locator(selector).screenshot();
  const png = PNG.sync.read(shot);
  const code = jsQR(
    new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength),
    png.width,
    png.height,
  );
  return code?.data ?? null;
}

/**
 * Adds `count` cards as paper transcriptions credited to `group`, spread over the
 * given facilitator connections, each kept under the room's per-connection rate
 * limit (20 commands/s) so none is refused.
 */
export async function seedCards(
  facilitators: RoomClient[],
  activityId: string,
  count: number,
  options: { lanes: string[]; kind: string; group: string },
): Promise<void> {
  const perSecond = 15;
  const lanes = facilitators.map((_, i) =>
    Array.from({ length: count }, (_, n) => n).filter((n) => n % facilitators.length === i),
  );
  await Promise.all(
    facilitators.map(async (client, i) => {
      const mine = lanes[i] ?? [];
      for (let start = 0; start < mine.length; start += perSecond) {
        const began = Date.now();
        await Promise.all(
          mine.slice(start, start + perSecond).map((n) =>
            client.command("card.add", {
              activityId,
              lane: options.lanes[n % options.lanes.length],
              kind: options.kind,
              text: `Seeded card number ${n + 1}`,
              onBehalfOf: { group: options.group },
            }),
          ),
        );
        const wait = 1000 - (Date.now() - began);
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }),
  );
  const observer = facilitators[0];
  await observer?.waitFor(
    () => [...roots(observer.doc).cards.values()].filter((c) => c.activityId === activityId).length >= count,
    30_000,
    `${count} cards in the doc`,
  );
}

/** A laptop context for axe runs: axe is injected as a script, which the app's strict CSP would block. */
export function axeContext(browser: Browser) {
  return browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
}

/** Fails with the page's own words when an expected text does not appear. */
export async function expectText(page: Page, text: string | RegExp, timeout = 15_000): Promise<void> {
  await page.getByText(text).first().waitFor({ state: "visible", timeout });
}

export function noErrors(errors: string[]): void {
  expect(errors.filter((e) => !/favicon|ERR_ABORTED/.test(e))).toEqual([]);
}
