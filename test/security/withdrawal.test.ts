/**
 * Attack: withdrawal leaves words behind. After `me.withdraw`, the hidden card's original
 * text survived in the audit trail, and snapshots, logged doc updates and acks could still
 * hold the person's words or name. Afterwards no live row in any store — room storage
 * (incl. snapshots and the command log) and D1 (incl. events) — holds them.
 */
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { WorkshopRoom } from "../../party/room";
import { roomStub } from "../worker/support/room-client";
import { env, eventually, joinAs, marker, newWorkshop, openMap, redTeam, roomState } from "./support/harness";

const team = redTeam();

const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
const asText = (value: unknown): string =>
  value instanceof ArrayBuffer ? decoder.decode(new Uint8Array(value)) : String(value ?? "");

/** Every cell of every table of the room's SQLite storage, blobs decoded as UTF-8. */
async function roomCells(workshopId: string): Promise<string> {
  const stub = await roomStub(workshopId);
  return runInDurableObject(stub, (_room: WorkshopRoom, state) => {
    const sql = state.storage.sql;
    const tables = sql
      .exec<{ name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\'",
      )
      .toArray()
      .map((t) => t.name);
    const cells: string[] = [];
    for (const table of tables) {
      for (const row of sql.exec(`SELECT * FROM "${table}"`).toArray()) {
        for (const value of Object.values(row)) cells.push(asText(value));
      }
    }
    return cells.join("\n");
  });
}

/** Every cell of every D1 table. */
async function d1Cells(): Promise<string> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%'",
  ).all<{ name: string }>();
  const cells: string[] = [];
  for (const { name } of results) {
    const rows = await env.DB.prepare(`SELECT * FROM "${name}"`).all();
    for (const row of rows.results) for (const value of Object.values(row)) cells.push(asText(value));
  }
  return cells.join("\n");
}

describe("withdrawal", () => {
  it("leaves no live row in the room or D1 holding the person's words or name", async () => {
    const w = await newWorkshop({ showNames: true });
    const fac = await team.facilitator(w);
    const mapId = await openMap(fac);
    const name = marker("Name");
    const words = marker("words");
    const hiddenWords = marker("hidden");
    const commentWords = marker("comment");
    const p = await joinAs(w, "community", name.slice(0, 40));
    const phone = await team.connect(w.id, p.token);
    const other = await team.phone(w);

    const { cardId } = await phone.ok("card.add", { activityId: mapId, lane: "day", kind: "barrier", text: words });
    const hidden = await phone.ok("card.add", { activityId: mapId, lane: "day", kind: "barrier", text: hiddenWords });
    const { cardId: theirs } = await other.ok("card.add", {
      activityId: mapId,
      lane: "day",
      kind: "barrier",
      text: "x",
    });
    await phone.ok("comment.add", { cardId: theirs as string, text: commentWords });
    await phone.ok("card.support", { cardId: theirs as string, on: true });
    await fac.ok("card.hide", { cardId: hidden.cardId as string, reason: "Check with the author" });
    await phone.ok("me.update", { name: `${name.slice(0, 40)}!` });
    // A snapshot taken while their words were on the map.
    const stub = await roomStub(w.id);
    await runInDurableObject(stub, (room: WorkshopRoom) => {
      room.tuning.snapshotEvery = 1;
    });
    await fac.ok("room.lock", { locked: true });
    await fac.ok("room.lock", { locked: false });
    await eventually(async () => ((await roomState(w.id)).snapshotSeq > 0 ? true : undefined), "a snapshot");
    await eventually(async () => ((await roomState(w.id)).outboxPending === 0 ? true : undefined), "D1 caught up");
    // The words really were stored before (the test would prove nothing otherwise).
    expect(await roomCells(w.id)).toContain(words);
    expect(await d1Cells()).toContain(words);
    expect(cardId).toBeTruthy();

    await phone.ok("me.withdraw", {});
    await eventually(async () => ((await roomState(w.id)).outboxPending === 0 ? true : undefined), "D1 caught up");

    const room = await roomCells(w.id);
    const d1 = await d1Cells();
    for (const secret of [words, hiddenWords, commentWords, name.slice(0, 40)]) {
      expect(room, `room storage still holds ${secret}`).not.toContain(secret);
      expect(d1, `D1 still holds ${secret}`).not.toContain(secret);
    }
  });
});
