/**
 * Attack: a shared phone exposes the previous person. Whoever picks up the phone next
 * could act as them (their token) and read what their phone kept (queued commands, the
 * cached map). "Not you? Leave this device" forgets all three. Runs in Chromium against
 * the running app (vitest.e2e.config.ts includes test/security/*.e2e.test.ts).
 */
import { describe, expect, it } from "vitest";
import { cachedDocBytes, MAP_CONFIG, openActivity, openPhone, signIn, usePhones } from "../e2e/participant-kit";
import { app, join, workshopWithFacilitator } from "../e2e/support";

describe("a shared phone", () => {
  const suite = usePhones();
  const { clients, phones } = suite;

  it("'Not you? Leave this device' forgets the token, the queue and the cached doc", async () => {
    const { workshop, facilitator } = await workshopWithFacilitator({ title: "Shared phone" });
    clients.push(facilitator);
    await openActivity(facilitator, "map", "Journeys", MAP_CONFIG);
    const joined = await join(workshop.joinCode);
    const phone = await openPhone(suite.browser);
    phones.push(phone);
    await signIn(phone, joined);
    const page = phone.page;
    await page.getByRole("heading", { name: "Journeys" }).waitFor();
    await expect.poll(() => cachedDocBytes(page, workshop.id), { timeout: 10_000 }).toBeGreaterThan(0);
    // Something waiting to be sent, as a phone that went offline would keep it.
    const queueKey = `coproduce:pending:${workshop.id}:${joined.participantId}`;
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
});
