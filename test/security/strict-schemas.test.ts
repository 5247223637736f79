/**
 * Attack: the log keeps what was never validated. Unknown fields in command args and
 * request bodies were accepted and logged (a 60 KB junk field stored in the room and in
 * D1's events). Strict schemas refuse unknown keys; only validated args are logged;
 * a command that changes nothing is not logged.
 */
import { describe, expect, it } from "vitest";
import {
  call,
  env,
  eventually,
  expectHttpError,
  expectRefused,
  freshIp,
  newWorkshop,
  redTeam,
  roomState,
} from "./support/harness";

const team = redTeam();

describe("strict command schemas", () => {
  it("refuses unknown keys in command args (a 60 KB junk field) and stores nothing", async () => {
    const { w, fac, mapId } = await team.mapRoom();
    const { phone } = await team.participant(w);
    const before = await roomState(w.id);
    const junk = "J".repeat(60_000);
    await expectRefused(
      phone,
      "card.add",
      { activityId: mapId, lane: "day", kind: "barrier", text: "fine", junk },
      "bad_request",
    );
    await expectRefused(fac, "timer.stop", { junk: "x" }, "bad_request");
    await expectRefused(fac, "room.lock", { locked: true, also: 1 }, "bad_request");
    expect((await roomState(w.id)).commands).toBe(before.commands);
  });

  it("logs the validated args (trimmed, without extras), not what the client sent", async () => {
    const { w, mapId } = await team.mapRoom();
    const { phone } = await team.participant(w);
    await phone.ok("card.add", { activityId: mapId, lane: "day", kind: "barrier", text: "   spaced out   " });
    const row = await eventually(
      () =>
        env.DB.prepare("SELECT args FROM events WHERE workshop_id = ? AND command = 'card.add'")
          .bind(w.id)
          .first<{ args: string }>(),
      "the card.add event",
    );
    expect(row.args).not.toContain("   spaced out");
  });

  it("does not log a command that changes nothing", async () => {
    const { w, fac, mapId } = await team.mapRoom();
    const { phone } = await team.participant(w);
    const { cardId } = await phone.ok("card.add", { activityId: mapId, lane: "day", kind: "barrier", text: "x" });
    const before = await roomState(w.id);
    for (let i = 0; i < 5; i++) await phone.ok("card.support", { cardId, on: false });
    await fac.ok("room.lock", { locked: false });
    expect((await roomState(w.id)).commands).toBe(before.commands);
  });
});

describe("strict request bodies", () => {
  it("refuses unknown keys in the join, ticket and workshop bodies", async () => {
    const w = await newWorkshop();
    await expectHttpError(
      await call(`/api/join/${w.joinCode}`, {
        ip: freshIp(),
        body: { group: "community", consent: true, role: "facilitator" },
      }),
      400,
      "bad_request",
    );
    await expectHttpError(
      await call("/api/tickets", { token: w.facilitatorToken, body: { workshopId: w.id, role: "organiser" } }),
      400,
      "bad_request",
    );
    await expectHttpError(
      await call("/api/workshops", {
        token: "test-organiser-secret-0123456789abcdef",
        body: { title: "x", status: "closed" },
      }),
      400,
      "bad_request",
    );
  });
});
