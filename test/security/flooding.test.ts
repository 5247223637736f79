/**
 * Attack: one person (or a bot holding one ticket) floods the room. Every phone downloads
 * the shared doc, so whoever can grow it without bound drowns everyone else out and slows
 * every join. Comments were capped per card, not per person: one participant could write
 * a hundred comments on every card. Per-person quotas (`quota_exceeded`) and a byte budget
 * for the live doc (`room_full_of_content`) refuse the flood; each refusal loses nothing
 * else and leaves everyone else's voice, and the facilitator's tools, working.
 */
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { QUOTA } from "../../party/model/handlers/card-store";
import type { WorkshopRoom } from "../../party/room";
import { roomStub } from "../worker/support/room-client";
import { expectRefused, newWorkshop, openMap, type RoomClient, redTeam, tokenOf } from "./support/harness";

const team = redTeam();

/** A flood needs more messages than a person's rate allows; lift the rate so quotas are what stops it. */
async function liftRateLimits(workshopId: string, docBudgetBytes?: number): Promise<void> {
  await runInDurableObject(await roomStub(workshopId), (room: WorkshopRoom) => {
    room.tuning.ratePerSecond = 1_000_000;
    room.tuning.burst = 1_000_000;
    if (docBudgetBytes !== undefined) room.tuning.docBudgetBytes = docBudgetBytes;
  });
}

/** A workshop whose rates are lifted (so only quotas stop a flood), and its facilitator. */
async function floodable() {
  const w = await newWorkshop();
  await liftRateLimits(w.id);
  return { w, fac: await team.facilitator(w) };
}

const cardOn = (activityId: string, text: string) => ({ activityId, lane: "day", kind: "barrier", text });

async function addCard(client: RoomClient, activityId: string, text: string): Promise<string> {
  const { cardId } = await client.ok("card.add", cardOn(activityId, text));
  return cardId as string;
}

describe("one person flooding the room", () => {
  it("comments are capped per person across the room, not only per card (quota_exceeded)", async () => {
    const { w, fac } = await floodable();
    const mapId = await openMap(fac);
    const bot = await team.phone(w);
    const other = await team.phone(w, "statutory");
    const cards = [];
    for (let i = 0; i < Math.ceil(QUOTA.commentsPerPerson / QUOTA.commentsPerCard) + 1; i++)
      cards.push(await addCard(fac, mapId, `Barrier ${i}`));
    // Never more than a card's own cap on any one card: only the per-person quota can stop this.
    for (let i = 0; i < QUOTA.commentsPerPerson; i++)
      await bot.ok("comment.add", { cardId: cards[i % cards.length]!, text: `Flood ${i}` });
    await bot.synced(); // edits reach sockets on the turn after their ack
    const before = JSON.stringify(bot.json());
    await expectRefused(bot, "comment.add", { cardId: cards.at(-1)!, text: "One more" }, "quota_exceeded");
    expect(JSON.stringify(bot.json())).toBe(before);
    // Everyone else still speaks.
    await other.ok("comment.add", { cardId: cards[0]!, text: "Me too" });
  });

  it("cards are capped per person across the room, not only per map (quota_exceeded)", async () => {
    const { w, fac } = await floodable();
    const bot = await team.phone(w);
    let added = 0;
    let mapId = "";
    while (added < QUOTA.cardsPerPersonInRoom) {
      // A new map each time the per-map cap is reached: only the room-wide quota can stop this.
      if (added % QUOTA.cardsPerPerson === 0) mapId = await openMap(fac);
      await addCard(bot, mapId, `Card ${added}`);
      added++;
    }
    if (added % QUOTA.cardsPerPerson === 0) mapId = await openMap(fac);
    await expectRefused(bot, "card.add", cardOn(mapId, "One more"), "quota_exceeded");
  });

  it("a person's cards on one map say quota_exceeded, not a conflict to try again", async () => {
    const { w, fac } = await floodable();
    const mapId = await openMap(fac);
    const bot = await team.phone(w);
    for (let i = 0; i < QUOTA.cardsPerPerson; i++) await addCard(bot, mapId, `Card ${i}`);
    await expectRefused(bot, "card.add", cardOn(mapId, "One more"), "quota_exceeded");
  });
});

describe("the room's doc byte budget", () => {
  it("refuses new content once the live doc is full (room_full_of_content), and loses nothing else", async () => {
    const w = await newWorkshop();
    const stub = await roomStub(w.id);
    const fac = await team.facilitator(w);
    const mapId = await openMap(fac);
    const { docBytes } = await stub.state();
    // Room for a few long cards, then full.
    await liftRateLimits(w.id, docBytes + 3_000);
    const phones = [];
    for (const group of ["community", "statutory", "voluntary"]) phones.push(await team.phone(w, group));
    const long = "x".repeat(200);
    let refused = null;
    const kept: string[] = [];
    for (let i = 0; i < 40 && !refused; i++) {
      const phone = phones[i % phones.length]!;
      const ack = await phone.command("card.add", { activityId: mapId, lane: "day", kind: "barrier", text: long });
      if (ack.ok) kept.push(String(ack.result?.cardId));
      else refused = ack;
    }
    expect(refused?.ok).toBe(false);
    if (refused && !refused.ok) expect(refused.error.code).toBe("room_full_of_content");
    expect(kept.length).toBeGreaterThan(2);
    // Nobody, however many tickets they hold, adds more: comments and supports are refused too.
    // (Edits reach other sockets on the turn after their ack: wait for the facilitator to hold all.)
    await fac.waitFor(() => kept.every((id) => (fac.json().cards as Record<string, unknown>)[id]), "every kept card");
    const docBefore = JSON.stringify(fac.json());
    await expectRefused(phones[1]!, "comment.add", { cardId: kept[0]!, text: "Still here" }, "room_full_of_content");
    await expectRefused(phones[2]!, "card.support", { cardId: kept[0]!, on: true }, "room_full_of_content");
    expect(JSON.stringify(fac.json())).toBe(docBefore);
    // The facilitator still runs the room, and what was said is all still there.
    await fac.ok("card.hide", { cardId: kept[0]!, reason: "Moderated" });
    await fac.ok("activity.close", { activityId: mapId });
    // perf (#17): a closed map's cards leave the live doc for the room's archive, all of them.
    const archived = await stub.archived(mapId, { role: "facilitator", participantId: null });
    const cards = archived && archived !== "departed" ? archived.cards : {};
    for (const id of kept) expect(cards[id]).toBeDefined();
    expect((await stub.state()).docBytes).toBeLessThan(docBytes + 3_000 + 2_000);
  });

  it("a replayed card.add after the room filled gets its first answer and adds nothing", async () => {
    const w = await newWorkshop();
    const stub = await roomStub(w.id);
    const fac = await team.facilitator(w);
    const mapId = await openMap(fac);
    const phone = await team.phone(w);
    const args = { activityId: mapId, lane: "day", kind: "barrier", text: "Said once" };
    const first = await phone.command("card.add", args, "replay-1");
    expect(first.ok).toBe(true);
    await liftRateLimits(w.id, 1);
    await fac.synced();
    const cardsBefore = Object.keys(fac.json().cards as object).length;
    // The same command id again, now that the doc is over budget: the room's first answer, once.
    expect(await phone.command("card.add", args, "replay-1")).toEqual(first);
    // A new one is refused, and the doc is as it was.
    await expectRefused(phone, "card.add", args, "room_full_of_content");
    expect(Object.keys(fac.json().cards as object).length).toBe(cardsBefore);
    expect((await stub.state()).commands).toBeGreaterThan(0);
  });

  it("a role that may not add content is told forbidden, not that the room is full", async () => {
    const { w, mapId } = await team.mapRoom();
    await liftRateLimits(w.id, 1);
    const screen = await team.connect(w.id, tokenOf(w, "screen"));
    await expectRefused(
      screen,
      "card.add",
      { activityId: mapId, lane: "day", kind: "barrier", text: "From the projector" },
      "forbidden",
    );
  });
});
