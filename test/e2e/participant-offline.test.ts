/**
 * Exactly once from a flaky phone (docs/architecture.md, principle 4): a card added while offline
 * waits on the phone, survives a reload, and reaches the room exactly once when the
 * phone gets back online; the map shows from the phone's cache before the socket is up.
 */
import { describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import { PENDING_KEYS } from "../../web/lib/room/queue";
import { cachedDocBytes, expectNoPageErrors, MAP_CONFIG, openActivity, signIn, usePhones } from "./participant-kit";
import { join } from "./support";

describe("participant phone offline", () => {
  const suite = usePhones();

  it("keeps a card made offline through a reload and delivers it exactly once", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Offline" });
    const activityId = await openActivity(facilitator, "map", "Journeys", MAP_CONFIG);
    const [joinedA, joinedB] = await Promise.all([
      join(workshop.joinCode),
      join(workshop.joinCode, { group: "voluntary" }),
    ]);
    const a = await suite.phone({ joined: joinedA });
    const b = await suite.phone({ joined: joinedB });
    await a.page.getByRole("heading", { name: "Journeys" }).waitFor();
    await b.page.getByRole("heading", { name: "Journeys" }).waitFor();
    await a.page.getByText("Connected").waitFor();

    // The offline shell is in place (service worker controlling the page, assets kept).
    await a.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect
      .poll(() => a.page.evaluate(async () => (await caches.keys()).length > 0 && !!navigator.serviceWorker.controller))
      .toBe(true);
    await expect
      .poll(() =>
        a.page.evaluate(async () => {
          const cache = await caches.open((await caches.keys())[0]!);
          return (await cache.keys()).filter((r) => new URL(r.url).pathname.startsWith("/assets/")).length;
        }),
      )
      .toBeGreaterThan(3);
    // One cache, named after this build (a deploy's new worker deletes the caches of earlier builds).
    expect(await a.page.evaluate(() => caches.keys())).toEqual([
      expect.stringMatching(/^coproduce-shell-[0-9a-f]{12}$/),
    ]);
    // The doc is cached in IndexedDB (written at most every 2 s), never in localStorage.
    await expect.poll(() => cachedDocBytes(a.page, workshop.id), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await a.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("coproduce:doc")))).toEqual(
      [],
    );

    // Offline: the phone says so, and the card waits on the phone.
    await a.context.setOffline(true);
    await a.page.getByText("Offline: your changes will be sent").waitFor();
    const text = `Made offline ${Date.now()}`;
    await a.page.getByLabel("Your card", { exact: true }).fill(text);
    await a.page.getByRole("button", { name: "Add card" }).click();
    await a.page.locator("li.card.pending", { hasText: text }).getByText("Waiting to send").waitFor();
    await a.page.getByText("1 change waiting to be sent").waitFor();

    // Reload with no network at all: the app opens from the offline shell, the map from
    // the phone's cache, and the card is still waiting.
    await a.page.reload();
    await a.page.getByRole("heading", { name: "Journeys" }).waitFor();
    await a.page.locator("li.card.pending", { hasText: text }).waitFor();
    await a.page.getByText("Offline: your changes will be sent").waitFor();
    await a.page.waitForTimeout(1_000);
    expect(roots(facilitator.doc).cards.size, "nothing reached the room yet").toBe(0);

    // Back online: delivered once, seen by the other phone and the room.
    await a.context.setOffline(false);
    await a.page.locator("li.card.mine:not(.pending)", { hasText: text }).waitFor({ timeout: 30_000 });
    await b.page.locator("li.card", { hasText: text }).waitFor();
    await facilitator.waitFor(() => roots(facilitator.doc).cards.size === 1, 15_000, "the card in the room");
    await a.page.waitForTimeout(1_500);
    const inRoom = [...roots(facilitator.doc).cards.values()].filter((c) => c.text === text);
    expect(inRoom).toHaveLength(1);
    expect(inRoom[0]!.activityId).toBe(activityId);
    expect(await b.page.locator("li.card", { hasText: text }).count()).toBe(1);
    expect(await a.page.locator("li.card", { hasText: text }).count()).toBe(1);
    expect(
      await a.page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), PENDING_KEYS),
    ).toEqual([]);

    // Another reload: the same card, once, no resend.
    await a.page.reload();
    await a.page.locator("li.card", { hasText: text }).waitFor();
    await a.page.getByText("Connected").waitFor();
    await a.page.waitForTimeout(1_000);
    expect([...roots(facilitator.doc).cards.values()].filter((c) => c.text === text)).toHaveLength(1);
    expectNoPageErrors(b);
  });

  it("shows a card queued offline that the room refuses (locked meanwhile) with the reason, not silently lost", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Refused" });
    await openActivity(facilitator, "map", "Journeys", MAP_CONFIG);
    const phone = await suite.phone();
    await signIn(phone, await join(workshop.joinCode));
    const { page } = phone;
    await page.getByRole("heading", { name: "Journeys" }).waitFor();
    await page.getByText("Connected").waitFor();

    await phone.context.setOffline(true);
    await page.getByText("Offline: your changes will be sent").waitFor();
    await page.getByLabel("Your card", { exact: true }).fill("Sent too late");
    await page.getByRole("button", { name: "Add card" }).click();
    await page.locator("li.card.pending", { hasText: "Sent too late" }).waitFor();

    await facilitator.command("room.lock", { locked: true });
    await phone.context.setOffline(false);
    const refused = page.locator("li.card.refused", { hasText: "Sent too late" });
    await refused.getByText("Not saved: input is paused").waitFor({ timeout: 30_000 });
    await refused.getByText("This card was not saved.").waitFor();
    expect(roots(facilitator.doc).cards.size).toBe(0);
    await refused.getByRole("button", { name: "Dismiss" }).click();
    await expect.poll(() => page.locator("li.card", { hasText: "Sent too late" }).count()).toBe(0);
    expect(
      await page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), PENDING_KEYS),
    ).toEqual([]);
  });
});
