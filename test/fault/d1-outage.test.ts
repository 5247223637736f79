/**
 * D1 down, rooms up (docs/architecture.md, principle 3): while D1 refuses every write, participants'
 * commands are still acknowledged (the room's own storage is the authority), and the
 * outbox carries every one of them to D1 once it is back, even when the runtime is
 * killed during the outage and restarted after it.
 */
import * as v from "valibot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CreatedWorkshop, joinAsParticipant, request } from "../../scripts/lib/api";
import type { RunningApp } from "../../scripts/lib/app";
import { sleep } from "../../scripts/lib/proc";
import { connectRoom, type RoomClient } from "../../scripts/lib/room-client";
import { type D1Outage, startD1Outage } from "./d1-lock";
import { type FaultApp, prepareApp, workshopWithMap } from "./stream";

const Rows = v.object({ rows: v.array(v.looseObject({ card_id: v.string() })) });

describe("D1 outage", () => {
  let fault: FaultApp;
  let app: RunningApp;
  let workshop: CreatedWorkshop;
  let activityId: string;
  let outage: D1Outage | undefined;
  const clients: RoomClient[] = [];

  const start = async (port?: number) => {
    app = await fault.start(port);
  };

  async function exportedCardIds(): Promise<Set<string>> {
    const url = `${app.baseUrl}/api/workshops/${workshop.id}/export?format=json&table=cards`;
    const { rows } = await request("export cards", url, Rows, { token: workshop.facilitatorToken });
    return new Set(rows.map((r) => r.card_id));
  }

  async function addCards(count: number, label: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const client = clients[i % clients.length]!;
      const cardId = await client.addCard(activityId, "now", "note", `${label} ${i}`);
      ids.push(cardId);
    }
    return ids;
  }

  beforeAll(async () => {
    fault = await prepareApp("d1-outage");
    await start();
    const opened = await workshopWithMap(app, fault.organiserToken, { workshop: "D1 outage", activity: "Outage map" });
    ({ workshop, activityId } = opened);
    clients.push(opened.facilitator);
    for (const group of ["community", "voluntary", "statutory"]) {
      const person = await joinAsParticipant(app.baseUrl, workshop.joinCode, { group });
      clients.push(await connectRoom({ baseUrl: app.baseUrl, token: person.token }));
    }
  }, 240_000);

  afterAll(async () => {
    await outage?.end();
    for (const c of clients) c.terminate();
    await app?.stop();
    await fault?.remove();
  });

  async function waitForD1(expected: string[], timeoutMs: number): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    let missing = expected;
    while (Date.now() < deadline) {
      const saved = await exportedCardIds().catch(() => new Set<string>());
      missing = expected.filter((id) => !saved.has(id));
      if (missing.length === 0) return [];
      await sleep(500);
    }
    return missing;
  }

  it("acknowledges commands while D1 is down and delivers them to D1 afterwards", async () => {
    const before = await addCards(5, "before the outage");
    expect(await waitForD1(before, 30_000)).toEqual([]);

    outage = await startD1Outage(fault.persistTo);
    const during = await addCards(20, "during the outage");
    expect(during).toHaveLength(20);
    // Writes to D1 fail now: nothing written during the outage can be there yet.
    await sleep(3000);
    const saved = await exportedCardIds().catch(() => new Set<string>());
    expect(during.filter((id) => saved.has(id))).toEqual([]);

    await outage.end();
    outage = undefined;
    expect(await waitForD1([...before, ...during], 60_000), "cards the outbox never delivered").toEqual([]);
  }, 180_000);

  it("delivers what was acknowledged during an outage even when the runtime dies before D1 returns", async () => {
    outage = await startD1Outage(fault.persistTo);
    const during = await addCards(15, "before the crash");
    await sleep(1500);
    await app.kill();
    for (const c of clients) c.terminate();
    await outage.end();
    outage = undefined;
    await start(app.port);
    // The room wakes when someone connects; its outbox survived in its own storage.
    const reader = await connectRoom({ baseUrl: app.baseUrl, token: workshop.facilitatorToken });
    clients.push(reader);
    expect(await waitForD1(during, 60_000), "cards lost between the room and D1").toEqual([]);
  }, 240_000);
});
