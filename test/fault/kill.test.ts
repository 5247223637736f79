/**
 * Acknowledged means durable, and exactly once from flaky phones (docs/architecture.md, principles 3 and 4).
 *
 * The real app runs under wrangler dev (workerd) as a child process group with its
 * state on disk. Ten participants stream card.add commands through the client core phones
 * run (party/model/client.ts, as Node's RoomSession); at random moments the whole runtime
 * is SIGKILLed (no shutdown, like a crash or power loss) and restarted on the same state.
 * Nobody tells the clients: they back off, take fresh tickets, reconnect and resend what was
 * not acknowledged, with the same ids, by themselves. After the last restart:
 *   - every acknowledged card is in the room's doc, once, with the acked card id;
 *   - no command was applied twice (one card per command id, whatever was resent);
 *   - every acknowledged card reaches D1 through the outbox (the evaluator's export).
 */

import { randomUUID } from "node:crypto";
import * as v from "valibot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import { QUOTA } from "../../party/model/handlers/card-store";
import { type CreatedWorkshop, type Joined, joinAsParticipant, request } from "../../scripts/lib/api";
import type { RunningApp } from "../../scripts/lib/app";
import { sleep } from "../../scripts/lib/proc";
import { connectRoom, type RoomClient, RoomSession } from "../../scripts/lib/room-client";
import {
  cardText,
  type FaultApp,
  type Ledger,
  newLedger,
  prepareApp,
  seededRandom,
  sendCard,
  streamCards,
  workshopWithMap,
} from "./stream";

/** A phone waits this long for an answer: across a kill, a restart and its back-off. */
const ANSWER_WITHIN_MS = 180_000;

const KILLS = Number(process.env.FAULT_KILLS ?? 4);
const PARTICIPANTS = 10;
const SEED = Number(process.env.FAULT_SEED ?? Date.now() % 1_000_000);
const random = seededRandom(SEED);

describe(`runtime killed at random (${KILLS} kills, seed ${SEED})`, () => {
  let fault: FaultApp;
  let app: RunningApp;
  let workshop: CreatedWorkshop;
  let activityId: string;
  let people: Joined[] = [];
  const ledger: Ledger = newLedger();
  const open: Array<RoomClient | RoomSession> = [];

  async function start(port?: number): Promise<void> {
    app = await fault.start(port);
  }

  /** The ids each phone had sent and not yet heard back about (its core's queue). */
  const unanswered = (phones: RoomSession[]) => new Set(phones.flatMap((p) => p.queue.list().map((c) => c.id)));

  beforeAll(async () => {
    fault = await prepareApp("fault");
    await start();

    const opened = await workshopWithMap(app, fault.organiserToken, { workshop: "Fault suite", activity: "Crash map" });
    ({ workshop, activityId } = opened);
    await opened.facilitator.close();
    const groups = ["community", "voluntary", "statutory", "other"];
    people = [];
    for (let i = 0; i < PARTICIPANTS; i++) {
      people.push(await joinAsParticipant(app.baseUrl, workshop.joinCode, { group: groups[i % groups.length]! }));
    }
  }, 240_000);

  afterAll(async () => {
    for (const c of open) c instanceof RoomSession ? c.close() : c.terminate();
    await app?.stop();
    await fault?.remove();
  });

  it("loses no acknowledged command and applies none twice", async () => {
    let counter = 0;
    const nextId = () => `k${String(++counter).padStart(5, "0")}-${randomUUID().slice(0, 8)}`;

    // Every phone connects once; from here on its core keeps it connected.
    const phones = people.map(
      (p) => new RoomSession({ baseUrl: app.baseUrl, token: p.token, timeoutMs: ANSWER_WITHIN_MS, random }),
    );
    open.push(...phones);
    await Promise.all(phones.map((p) => p.connected(30_000)));

    for (let round = 0; round < KILLS; round++) {
      // Each kill finds every phone connected: one still backing off from the last restart (its
      // commands all answered before that kill) would take two kills with one reconnect.
      await Promise.all(phones.map((p) => p.connected(ANSWER_WITHIN_MS)));
      const streams = phones.map((phone, who) =>
        streamCards(phone, who, ledger, activityId, nextId, {
          intervalMs: 80,
          window: 4,
          // Every id sent becomes a card (resent until acknowledged): at most the map's per-person cap.
          maxPerPerson: QUOTA.cardsPerPerson,
          timeoutMs: ANSWER_WITHIN_MS,
        }),
      );
      // Kill at a random moment: sometimes almost at once, sometimes well into the stream.
      await sleep(150 + Math.floor(random() * 1500));
      // And at that moment, one more command from every phone still under its cap, sent and not
      // awaited: a quiet, fast machine acks the stream within milliseconds, so a random moment
      // alone could catch nothing in flight (seed 206011 did) and leave the resend path untested.
      const burst = phones.map((phone, who) =>
        [...ledger.sender.values()].filter((sender) => sender === who).length < QUOTA.cardsPerPerson
          ? sendCard(phone, who, ledger, activityId, nextId(), ANSWER_WITHIN_MS)
          : Promise.resolve(),
      );
      const sentBeforeTheKill = unanswered(phones);
      await app.kill();
      // Sent before the kill and still unanswered once the runtime is dead: the phones resend these.
      for (const id of unanswered(phones)) {
        if (sentBeforeTheKill.has(id)) ledger.resent.set(id, [...(ledger.resent.get(id) ?? []), round]);
      }
      await start(app.port);
      // The phones come back by themselves; every send settles once its command is answered.
      await Promise.all(streams.map((s) => s.stop()));
      await Promise.all(burst);
      const still = [...ledger.outcomes].filter(([, o]) => o.state === "unacked").map(([id]) => id);
      expect(still, "resent commands must be acknowledged after reconnecting").toEqual([]);
      expect(unanswered(phones), "a phone still holds commands the room never answered").toEqual(new Set());
    }
    // A hello per socket: the first, and at least one after every kill (more if the back-off raced the restart).
    await Promise.all(phones.map((p) => p.connected(ANSWER_WITHIN_MS)));
    const hellos = phones.map((p) => p.messages.filter((m) => m.type === "hello").length);
    expect(Math.min(...hellos), "every phone reconnected after every kill").toBeGreaterThanOrEqual(KILLS + 1);

    const outcomes = [...ledger.outcomes.values()];
    const acked = new Map(
      [...ledger.outcomes].flatMap(([id, o]) => (o.state === "acked" ? [[id, o.cardId] as const] : [])),
    );
    const refused = [...ledger.outcomes].filter(([, o]) => o.state === "refused");
    console.log(
      `[fault] seed ${SEED}: ${outcomes.length} commands, ${acked.size} acknowledged, ${refused.length} refused, ` +
        `${ledger.resent.size} resent after reconnecting, ${KILLS} kills`,
    );
    expect(ledger.resent.size, "no kill caught a command in flight: the resend path went untested").toBeGreaterThan(0);
    expect(refused, "no command should be refused").toEqual([]);
    expect(ledger.conflicts, "a resent command was acknowledged with a different card (applied twice)").toEqual([]);
    expect(acked.size).toBeGreaterThan(KILLS * PARTICIPANTS);

    // Read the room as a fresh client after the final restart.
    const reader = await connectRoom({ baseUrl: app.baseUrl, token: workshop.facilitatorToken, timeoutMs: 30_000 });
    open.push(reader);
    const cards = [...roots(reader.doc).cards.values()];
    const byText = new Map<string, string[]>();
    for (const card of cards) byText.set(card.text, [...(byText.get(card.text) ?? []), card.id]);

    const lost = [...acked].filter(([id, cardId]) => !roots(reader.doc).cards.has(cardId) || !byText.has(cardText(id)));
    expect(lost, "acknowledged commands missing from the room after the kills").toEqual([]);
    const twice = [...byText]
      .filter(([, ids]) => ids.length > 1)
      .map(([text, ids]) => {
        const id = text.replace(/^fault /, "");
        return { id, cards: ids, ackedAs: acked.get(id), resentInRounds: ledger.resent.get(id) ?? [] };
      });
    expect(twice, "commands applied more than once").toEqual([]);
    for (const [id, cardId] of acked) expect(byText.get(cardText(id))).toEqual([cardId]);
    expect(cards.length).toBe(acked.size);

    // The outbox carries every acknowledged card to D1, across the kills.
    const exported = await waitForExportedCards(app.baseUrl, workshop, acked.size);
    const exportedIds = new Set(exported.map((c) => c.card_id));
    const missingInD1 = [...acked.values()].filter((cardId) => !exportedIds.has(cardId));
    expect(missingInD1, "acknowledged cards that never reached D1").toEqual([]);
    expect(exported.length).toBe(acked.size);
  }, 600_000);
});

const ExportedCards = v.looseObject({ rows: v.array(v.looseObject({ card_id: v.string() })) });

/** Polls the JSON export until D1 holds `expected` cards (the outbox drains by alarm). */
async function waitForExportedCards(baseUrl: string, workshop: CreatedWorkshop, expected: number) {
  const url = `${baseUrl}/api/workshops/${workshop.id}/export?format=json&table=cards`;
  const deadline = Date.now() + 60_000;
  let rows: { card_id: string }[] = [];
  while (Date.now() < deadline) {
    const body = await request("export cards", url, ExportedCards, { token: workshop.facilitatorToken });
    rows = body.rows;
    if (rows.length >= expected) return rows;
    await sleep(500);
  }
  return rows;
}
