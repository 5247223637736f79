/**
 * Helpers shared by the participant e2e tests (test/e2e/participant*.test.ts): phones,
 * signing a phone in as an API-joined participant, and activities run by a facilitator.
 */
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { cardKinds, labelled } from "../support/activities";
import {
  absolute,
  app,
  type BrowserSuite,
  type CreatedWorkshop,
  collectPageErrors,
  type Joined,
  newContext,
  type RoomClient,
  useBrowser,
} from "./support";

export interface Phone {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

export interface Phones extends BrowserSuite {
  /** Phones to close after the suite. */
  phones: Phone[];
  /** A phone closed after the suite; signed in as `joined` when given. */
  phone(options?: PhoneOptions & { joined?: Joined }): Promise<Phone>;
}

/**
 * Registers the suite's browser (launched before all its tests) and closes every phone,
 * room client and the browser after them. Call inside `describe`.
 */
export function usePhones(): Phones {
  const phones: Phone[] = [];
  const suite = useBrowser(() => Promise.all(phones.map((p) => p.context.close())));
  return Object.assign(suite, {
    phones,
    async phone(options: PhoneOptions & { joined?: Joined } = {}) {
      const { joined, ...phoneOptions } = options;
      const phone = await openPhone(suite.browser, phoneOptions);
      phones.push(phone);
      if (joined) await signIn(phone, joined);
      return phone;
    },
  });
}

/**
 * A phone-sized browser context. `forAxe` bypasses the page's CSP, which (rightly)
 * refuses the inline script tag axe-core is injected with; use it only for axe runs.
 */
export interface PhoneOptions {
  locale?: string;
  forAxe?: boolean;
}

export async function openPhone(browser: Browser, options: PhoneOptions = {}): Promise<Phone> {
  const context =
    options.locale || options.forAxe
      ? await browser.newContext({
          viewport: { width: 390, height: 844 },
          isMobile: true,
          hasTouch: true,
          ...(options.locale ? { locale: options.locale } : {}),
          ...(options.forAxe ? { bypassCSP: true } : {}),
        })
      : await newContext(browser, "phone");
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page, errors: collectPageErrors(page) };
}

/** Puts a participant's token on the phone as if they had joined there, then opens their room. */
export async function signIn(phone: Phone, joined: Joined): Promise<void> {
  // Once per tab (sessionStorage survives reloads), so a test can see the phone forget it.
  await phone.context.addInitScript(
    ({ key, value }) => {
      if (sessionStorage.getItem(`signed-in:${key}`)) return;
      sessionStorage.setItem(`signed-in:${key}`, "1");
      localStorage.setItem(key, value);
    },
    {
      key: `coproduce:participant:${joined.workshopId}`,
      value: JSON.stringify({ token: joined.token, participantId: joined.participantId }),
    },
  );
  await phone.page.goto(`${app().baseUrl}/w/${joined.workshopId}`);
}

export const MAP_CONFIG = {
  prompt: "Where do carers go for help today?",
  lanes: labelled({ today: "Today", wish: "What we wish for" }),
  kinds: cardKinds({ idea: ["Idea", "#1d4f91"], gap: ["Gap", "#a3161b"] }),
  mode: "open",
  maxLength: 140,
};

export const OPTIONS = labelled({ respite: "Respite breaks", peer: "Peer support group", hub: "One-stop advice hub" });

/** Adds an activity and opens it (the facilitator's two commands). */
export async function openActivity(
  facilitator: RoomClient,
  kind: "map" | "vote" | "feedback" | "info",
  title: string,
  config: Record<string, unknown>,
): Promise<string> {
  if (!facilitator.isOpen) {
    const closed = await facilitator.closed;
    throw new Error(`the facilitator's socket was closed by the room: ${closed.code} ${closed.reason}`);
  }
  const { activityId } = await facilitator.command<{ activityId: string }>("activity.add", { kind, title, config });
  await facilitator.command("activity.open", { activityId });
  return activityId;
}

/** Presses Tab until `target` has focus: proves it is reachable by keyboard, in order. */
export async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${target} with Tab in ${maxPresses} presses`);
}

export function expectNoPageErrors(phone: Phone): void {
  expect(phone.errors, "console errors or CSP violations on the phone").toEqual([]);
}

export { cachedDocBytes } from "../support/doc-cache";

/** The facilitator's console on a laptop (closed after the suite), with the "Everyone counts" panel open. */
export async function everyonePanel(suite: Phones, workshop: CreatedWorkshop) {
  const consolePage = await laptop(suite);
  suite.phones.push(consolePage);
  await consolePage.page.goto(absolute(workshop.links.facilitator));
  await consolePage.page.getByRole("heading", { name: "Agenda" }).waitFor();
  await consolePage.page.getByText("Everyone counts: paper, kiosks, interpreters").click();
  return consolePage;
}

/** The console's paper entry form (in the "Everyone counts" panel), for a paper from `group`. */
export async function paperForm(page: Page, group = "community"): Promise<Locator> {
  const groupOnPaper = page.getByLabel("Stakeholder group on the paper");
  await groupOnPaper.selectOption(group);
  return page.locator("form", { has: groupOnPaper });
}

/** A laptop-sized browser context and page, with its page errors collected. */
export async function laptop(suite: Phones) {
  // bypassCSP only so axe-core can be injected; the pages' own scripts obey the CSP either way.
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page, errors: collectPageErrors(page) };
}
