/**
 * Attack: a shared phone exposes the previous person. Whoever picks up the phone next
 * could act as them (their token) and read what their phone kept (queued commands, the
 * cached map). "Not you? Leave this device" forgets all three. Runs in Chromium against
 * the running app (vitest.e2e.config.ts includes test/security/*.e2e.test.ts).
 */
import { describe, expect, it } from "vitest";
import { pendingKey } from "../../web/lib/room/queue";
import {
  cachedDocBytes,
  expectNoPageErrors,
  MAP_CONFIG,
  openActivity,
  openPhone,
  signIn,
  tabTo,
  usePhones,
} from "../e2e/participant-kit";
import { app, join, workshopWithFacilitator } from "../e2e/support";
import { formatViolations, runAxe } from "../e2e/support/axe";

describe("a shared phone", () => {
  const suite = usePhones();
  const { clients, phones } = suite;

  /** A joined phone showing an open map; with `cached`, once its doc is cached on the phone. */
  async function phoneOnAMap(title: string, { cached = false, forAxe = false } = {}) {
    const { workshop, facilitator } = await workshopWithFacilitator({ title });
    clients.push(facilitator);
    await openActivity(facilitator, "map", "Journeys", MAP_CONFIG);
    const joined = await join(workshop.joinCode);
    const phone = await openPhone(suite.browser, forAxe ? { forAxe } : undefined);
    phones.push(phone);
    await signIn(phone, joined);
    const page = phone.page;
    await page.getByRole("heading", { name: "Journeys" }).waitFor();
    if (cached) await expect.poll(() => cachedDocBytes(page, workshop.id), { timeout: 10_000 }).toBeGreaterThan(0);
    return { workshop, joined, phone, page };
  }

  it("'Not you? Leave this device' forgets the token, the queue and the cached doc", async () => {
    const { workshop, joined, page } = await phoneOnAMap("Shared phone", { cached: true });
    // Something waiting to be sent, as a phone that went offline would keep it.
    const queueKey = pendingKey(workshop.id, joined.participantId);
    await page.evaluate((key) => localStorage.setItem(key, "[]"), queueKey);

    await page.getByRole("button", { name: "Not you? Leave this device" }).click();
    await page.waitForURL(`${app().baseUrl}/`);
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("coproduce:")));
    expect(kept.filter((k) => k.includes(workshop.id))).toEqual([]);
    expect(await cachedDocBytes(page, workshop.id)).toBe(0);

    // The next person opening the room's address is not let in as the previous one.
    await page.goto(`${app().baseUrl}/w/${workshop.id}`);
    await page.getByRole("heading", { name: "You have not joined this workshop on this phone yet." }).waitFor();
  });

  it("the join page offers the next person 'Not you? Leave this device' and it forgets everything of the previous one", async () => {
    const { workshop, joined, phone, page } = await phoneOnAMap("Shared phone at the door", {
      cached: true,
      forAxe: true,
    });
    const queueKey = pendingKey(workshop.id, joined.participantId);
    await page.evaluate((key) => localStorage.setItem(key, "[]"), queueKey);

    // The next person scans the same code on the same phone.
    await page.goto(`${app().baseUrl}/j/${workshop.joinCode}`);
    const leave = page.getByRole("button", { name: "Not you? Leave this device" });
    await leave.waitFor();
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await tabTo(page, leave);
    // Leaving reloads the join form (nothing of the previous person stays in memory either).
    const reloaded = page.waitForEvent("load");
    await page.keyboard.press("Enter");
    await reloaded;
    await page.locator('[data-kept="false"]').waitFor({ state: "attached" });
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("coproduce:")));
    expect(kept.filter((k) => k.includes(workshop.id))).toEqual([]);
    expect(await cachedDocBytes(page, workshop.id)).toBe(0);
    expect(await leave.count()).toBe(0);
    expect(page.url()).toBe(`${app().baseUrl}/j/${workshop.joinCode}`);
    expectNoPageErrors(phone);
  });

  it("the join page offers to leave when only a queue or cached doc of someone is left (no token)", async () => {
    const { workshop, page } = await phoneOnAMap("Leftovers", { cached: true });
    // The token is gone (withdrawn, or forgotten by the browser) but the map they saw is not.
    await page.evaluate((key) => localStorage.removeItem(key), `coproduce:participant:${workshop.id}`);
    await page.goto(`${app().baseUrl}/j/${workshop.joinCode}`);
    const reloaded = page.waitForEvent("load");
    await page.getByRole("button", { name: "Not you? Leave this device" }).click();
    await reloaded;
    await page.locator('[data-kept="false"]').waitFor({ state: "attached" });
    expect(await cachedDocBytes(page, workshop.id)).toBe(0);
    expect(await page.getByRole("button", { name: "Not you? Leave this device" }).count()).toBe(0);
  });

  it("a phone nobody used before shows no 'Not you?' on the join page", async () => {
    const { workshop, facilitator } = await workshopWithFacilitator({ title: "Fresh phone" });
    clients.push(facilitator);
    const phone = await openPhone(suite.browser);
    phones.push(phone);
    const page = phone.page;
    await page.goto(`${app().baseUrl}/j/${workshop.joinCode}`);
    await page.getByRole("button", { name: "Join the workshop" }).waitFor();
    // The join page has looked for what a previous person left (join.tsx marks the answer).
    await page.locator('[data-kept="false"]').waitFor({ state: "attached" });
    expect(await page.getByRole("button", { name: "Not you? Leave this device" }).count()).toBe(0);
  });

  it("leaving forgets what the phone remembered of the previous person's votes and cards (the follow-up page's 'Yours')", async () => {
    const { workshop, page } = await phoneOnAMap("Yours on a shared phone");
    // What the phone keeps once its person voted: "<vote>/<option>" keys, read by /f/:code to mark
    // "Yours". Left behind, it tells the next holder of the phone how the previous person voted.
    const mine = `coproduce:mine:${workshop.joinCode}`;
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify(["vote1/respite"])), mine);

    await page.getByRole("button", { name: "Not you? Leave this device" }).click();
    await page.waitForURL(`${app().baseUrl}/`);
    expect(await page.evaluate((key) => localStorage.getItem(key), mine)).toBeNull();

    // Only that list left (the token already gone): the join page still offers to leave it.
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify(["vote1/respite"])), mine);
    await page.goto(`${app().baseUrl}/j/${workshop.joinCode}`);
    const reloaded = page.waitForEvent("load");
    await page.getByRole("button", { name: "Not you? Leave this device" }).click();
    await reloaded;
    await page.locator('[data-kept="false"]').waitFor({ state: "attached" });
    expect(await page.evaluate((key) => localStorage.getItem(key), mine)).toBeNull();
  });
});
