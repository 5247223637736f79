/**
 * perf (#17): a phone joining a map of many cards gets the first sync as one deflated frame
 * (party/model/frames.ts MESSAGE_DEFLATED), inflates it in Chromium with DecompressionStream and
 * draws the map; and it opens the room with the ticket from the join answer, asking for none.
 */
import { describe, expect, it } from "vitest";
import { MESSAGE_DEFLATED } from "../../party/model/frames";
import { expectNoPageErrors, MAP_CONFIG, openActivity, usePhones } from "./participant-kit";
import { connect, join } from "./support";

describe("a phone's first sync", () => {
  const suite = usePhones();

  it("comes deflated for a long map, and the phone draws it", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "A long map" });
    const activityId = await openActivity(facilitator, "map", "Where do carers go?", MAP_CONFIG);
    // Three writers of 20 cards each: one socket's burst is 40 commands (party/guard.ts).
    for (let w = 0; w < 3; w++) {
      const writer = await connect((await join(workshop.joinCode, { group: "statutory" })).token, { followDoc: false });
      for (let i = w * 20; i < (w + 1) * 20; i++) {
        const ack = await writer.send("card.add", {
          activityId,
          lane: i % 2 ? "today" : "wish",
          kind: "idea",
          text: `Card ${i}: a drop-in advice session at the library on Saturday mornings, with a carer`,
        });
        expect(ack.ok ? "ok" : ack.error.code).toBe("ok");
      }
      await writer.close();
    }

    const phone = await suite.phone();
    const { page } = phone;
    const first: number[] = [];
    const tickets: string[] = [];
    page.on("websocket", (ws) => {
      ws.on("framereceived", ({ payload }) => {
        if (typeof payload !== "string" && payload.length > 0) first.push(payload[0]!);
      });
    });
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/tickets") tickets.push(request.url());
    });
    await page.goto(`${new URL(workshop.links.participant).origin}/j/${workshop.joinCode}`);
    await page.getByLabel("Community member / lived experience").check();
    await page.getByLabel("I understand and agree to take part").check();
    await page.getByRole("button", { name: "Join the workshop" }).click();
    await page.getByRole("heading", { name: "Where do carers go?" }).waitFor();
    await page.locator("li.card", { hasText: "Card 59:" }).waitFor();
    // The window of a long map: the newest 24 of each lane's 30.
    await expect.poll(() => page.locator("li.card").count()).toBe(48);
    expect(first).toContain(MESSAGE_DEFLATED);
    expect(tickets).toEqual([]);
    expectNoPageErrors(phone);
  });
});
