/**
 * Red team for everyone counts (#14): the kiosk and interpreter roles, `onBehalfOf` and
 * `source` on ballots, feedback and cards, `ballot.remove`, `feedback.remove`,
 * `attendance.set`, `translation.set` and `screen.language`. Each is tried with the wrong role, another
 * workshop's link, unknown fields, oversized input and a replayed command id, over the
 * real socket in workerd (links minted and handed over by the Worker).
 */
import { describe, expect, it } from "vitest";
import {
  type CreatedWorkshop,
  call,
  expectHttpError,
  expectRefused,
  handoff,
  joinAs,
  json,
  newWorkshop,
  openMap,
  openVote,
  privateMessages,
  type RoomClient,
  redTeam,
  roomState,
  ticketFor,
} from "./support/harness";

const team = redTeam();

async function mint(w: CreatedWorkshop, body: Record<string, unknown>, token = w.facilitatorToken) {
  return json<{ token: string; link: string }>(`/api/workshops/${w.id}/tokens`, { method: "POST", token, body });
}

/** The command must be refused with `code`, and the facilitator's doc must not change. */
async function refusedUnchanged(
  client: RoomClient,
  fac: RoomClient,
  name: string,
  args: Record<string, unknown>,
  code: string,
) {
  await fac.synced();
  const before = JSON.stringify(fac.json());
  await expectRefused(client, name, args, code);
  await fac.synced();
  expect(JSON.stringify(fac.json()), `${name} changed the doc`).toBe(before);
}

const turn = (group = "community") => ({ group, turn: `turn-${crypto.randomUUID().slice(0, 12)}` });

describe("minting kiosk and interpreter links", () => {
  it("is for facilitators of that workshop only, with strict bodies", async () => {
    const w = await newWorkshop();
    const other = await newWorkshop();
    const p = await joinAs(w);
    for (const token of [w.screenToken, w.evaluatorToken, p.token, other.facilitatorToken]) {
      const res = await json(`/api/workshops/${w.id}/tokens`, { method: "POST", token, body: { role: "kiosk" } });
      expect(res.status, token.slice(0, 6)).toBe(403);
    }
    for (const body of [
      { role: "interpreter" },
      { role: "interpreter", language: "x".repeat(40) },
      { role: "interpreter", language: "ur", table: "t1" },
      { role: "kiosk", language: "ur" },
      { role: "kiosk", extra: 1 },
      { role: "participant" },
    ])
      expect((await mint(w, body)).status, JSON.stringify(body)).toBe(400);
    // A kiosk's table must be one of the workshop's.
    await expectHttpError(await fetchRaw(w, { role: "kiosk", table: "t9" }), 400, "bad_request");
  });

  it("a kiosk or interpreter link cannot mint links nor read the report", async () => {
    const w = await newWorkshop();
    const kiosk = await mint(w, { role: "kiosk" });
    const interpreter = await mint(w, { role: "interpreter", language: "ur" });
    for (const token of [kiosk.body.token, interpreter.body.token]) {
      expect(
        (await json(`/api/workshops/${w.id}/tokens`, { method: "POST", token, body: { role: "kiosk" } })).status,
      ).toBe(403);
      expect((await json(`/api/workshops/${w.id}/report`, { token })).status).toBe(403);
      expect((await json(`/api/workshops/${w.id}/export?format=json&table=ballots`, { token })).status).toBe(403);
    }
  });
});

function fetchRaw(w: CreatedWorkshop, body: Record<string, unknown>) {
  return call(`/api/workshops/${w.id}/tokens`, { method: "POST", token: w.facilitatorToken, body });
}

describe("the kiosk role", () => {
  it("may not run the room, act as a phone, name another table or claim paper", async () => {
    const w = await newWorkshop();
    const fac = await team.connect(w.id, w.facilitatorToken);
    const mapId = await openMap(fac);
    const kiosk = await team.connect(w.id, (await mint(w, { role: "kiosk" })).body.token);
    const card = { activityId: mapId, lane: "day", kind: "barrier", text: "No ramp" };
    for (const [name, args] of [
      ["activity.close", { activityId: mapId }],
      ["results.reveal", { activityId: mapId }],
      ["attendance.set", { group: "community", count: 3 }],
      ["translation.set", { target: "workshop.consent", language: "ur", text: "x" }],
      ["me.withdraw", {}],
      ["me.update", { name: "x" }],
      ["ballot.remove", { activityId: mapId, ballotId: "x" }],
    ] as const)
      await refusedUnchanged(kiosk, fac, name, args, "forbidden");
    await refusedUnchanged(kiosk, fac, "card.add", card, "bad_request");
    await refusedUnchanged(kiosk, fac, "card.add", { ...card, onBehalfOf: turn(), source: "paper" }, "bad_request");
    await refusedUnchanged(kiosk, fac, "card.add", { ...card, onBehalfOf: turn("martians") }, "bad_request");
    await refusedUnchanged(
      kiosk,
      fac,
      "card.add",
      { ...card, onBehalfOf: { ...turn(), name: "Amina" } },
      "bad_request",
    );
    await refusedUnchanged(
      kiosk,
      fac,
      "card.add",
      { ...card, onBehalfOf: { group: "community", turn: "x".repeat(200) } },
      "bad_request",
    );
    await refusedUnchanged(
      kiosk,
      fac,
      "card.add",
      { ...card, onBehalfOf: turn(), junk: "J".repeat(10_000) },
      "bad_request",
    );
  });

  it("never receives a turn's ballot back, and a replayed command counts once", async () => {
    const w = await newWorkshop();
    const fac = await team.connect(w.id, w.facilitatorToken);
    const voteId = await openVote(fac);
    const kiosk = await team.connect(w.id, (await mint(w, { role: "kiosk" })).body.token);
    const args = { activityId: voteId, ballot: { allocations: { o1: 2 } }, onBehalfOf: turn() };
    const first = await kiosk.command("ballot.submit", args, "replayed-ballot-1");
    expect(first.ok).toBe(true);
    const again = await kiosk.command("ballot.submit", args, "replayed-ballot-1");
    expect(again).toEqual(first);
    await fac.synced();
    const vote = (fac.json().activities as Record<string, { turnout?: { voters: number } }>)[voteId];
    expect(vote?.turnout?.voters).toBe(1);
    expect(privateMessages(kiosk, "ballot")).toEqual([]);
    // A turn's group is fixed: the same turn cannot vote again for another group.
    await refusedUnchanged(
      kiosk,
      fac,
      "ballot.submit",
      { ...args, onBehalfOf: { ...args.onBehalfOf, group: "statutory" } },
      "conflict",
    );
  });
});

describe("paper input", () => {
  it("participants may not enter on behalf of others; facilitators only with a group that exists", async () => {
    const w = await newWorkshop();
    const fac = await team.connect(w.id, w.facilitatorToken);
    const voteId = await openVote(fac);
    const phone = await team.phone(w);
    const ballot = { allocations: { o1: 1 } };
    await refusedUnchanged(
      phone,
      fac,
      "ballot.submit",
      { activityId: voteId, ballot, onBehalfOf: { group: "statutory" } },
      "forbidden",
    );
    await refusedUnchanged(phone, fac, "ballot.submit", { activityId: voteId, ballot, source: "paper" }, "forbidden");
    await refusedUnchanged(phone, fac, "ballot.submit", { activityId: voteId, ballot, source: "kiosk" }, "bad_request");
    await refusedUnchanged(fac, fac, "ballot.submit", { activityId: voteId, ballot }, "forbidden");
    await refusedUnchanged(
      fac,
      fac,
      "ballot.submit",
      { activityId: voteId, ballot, onBehalfOf: { group: "nope" }, source: "paper" },
      "bad_request",
    );
    await refusedUnchanged(
      fac,
      fac,
      "ballot.submit",
      { activityId: voteId, ballot, onBehalfOf: { group: "community", table: "t9" }, source: "paper" },
      "bad_request",
    );
  });

  it("removal takes back paper entries of this workshop only, never a phone's", async () => {
    const w = await newWorkshop();
    const other = await newWorkshop();
    const fac = await team.connect(w.id, w.facilitatorToken);
    const otherFac = await team.connect(other.id, other.facilitatorToken);
    const voteId = await openVote(fac);
    const otherVote = await openVote(otherFac);
    const { joined: p, phone } = await team.participant(w);
    await phone.ok("ballot.submit", { activityId: voteId, ballot: { allocations: { o1: 1 } } });
    const paper = await otherFac.ok("ballot.submit", {
      activityId: otherVote,
      ballot: { allocations: { o2: 1 } },
      onBehalfOf: { group: "community" },
      source: "paper",
    });
    await refusedUnchanged(fac, fac, "ballot.remove", { activityId: voteId, ballotId: p.participantId }, "not_found");
    await refusedUnchanged(
      fac,
      fac,
      "ballot.remove",
      { activityId: voteId, ballotId: String(paper.ballotId) },
      "not_found",
    );
    await refusedUnchanged(
      fac,
      fac,
      "ballot.remove",
      { activityId: voteId, ballotId: "x", extra: true },
      "bad_request",
    );
    await refusedUnchanged(phone, fac, "ballot.remove", { activityId: voteId, ballotId: p.participantId }, "forbidden");
    await refusedUnchanged(
      phone,
      fac,
      "feedback.remove",
      { activityId: voteId, feedbackId: p.participantId },
      "forbidden",
    );
  });

  it("head counts are the facilitator's, bounded, strict and replay-safe", async () => {
    const w = await newWorkshop();
    const fac = await team.connect(w.id, w.facilitatorToken);
    const phone = await team.phone(w);
    await refusedUnchanged(phone, fac, "attendance.set", { group: "community", count: 4 }, "forbidden");
    await refusedUnchanged(fac, fac, "attendance.set", { group: "community", count: 1e9 }, "bad_request");
    await refusedUnchanged(fac, fac, "attendance.set", { group: "community", count: 2.5 }, "bad_request");
    await refusedUnchanged(fac, fac, "attendance.set", { group: "community", count: 2, note: "x" }, "bad_request");
    const before = (await roomState(w.id)).commands;
    const a = await fac.command("attendance.set", { group: "community", count: 4 }, "headcount-1");
    const b = await fac.command("attendance.set", { group: "community", count: 4 }, "headcount-1");
    expect(b).toEqual(a);
    expect((await roomState(w.id)).commands).toBe(before + 1);
  });
});

describe("the interpreter role", () => {
  it("translates into its own language only, never runs the room, and is bounded", async () => {
    const w = await newWorkshop();
    const fac = await team.connect(w.id, w.facilitatorToken);
    const mapId = await openMap(fac);
    const interpreter = await team.connect(w.id, (await mint(w, { role: "interpreter", language: "ur" })).body.token);
    const target = `activity.${mapId}.title`;
    await refusedUnchanged(interpreter, fac, "translation.set", { target, language: "bn", text: "x" }, "forbidden");
    await refusedUnchanged(
      interpreter,
      fac,
      "translation.set",
      { target, language: "ur", text: "x".repeat(5000) },
      "bad_request",
    );
    await refusedUnchanged(
      interpreter,
      fac,
      "translation.set",
      { target: "card.<script>", language: "ur", text: "x" },
      "bad_request",
    );
    await refusedUnchanged(
      interpreter,
      fac,
      "translation.set",
      { target, language: "ur", text: "x", author: "p1" },
      "bad_request",
    );
    for (const [name, args] of [
      ["card.add", { activityId: mapId, lane: "day", kind: "barrier", text: "x" }],
      ["activity.close", { activityId: mapId }],
      ["attendance.set", { group: "community", count: 1 }],
    ] as const)
      await refusedUnchanged(interpreter, fac, name, args, "forbidden");
    // A participant may not translate either.
    const phone = await team.phone(w);
    await refusedUnchanged(phone, fac, "translation.set", { target, language: "ur", text: "x" }, "forbidden");
  });

  it("a translation of a card carries no author, and goes when the card is hidden", async () => {
    const w = await newWorkshop();
    const fac = await team.connect(w.id, w.facilitatorToken);
    const mapId = await openMap(fac);
    const p = await joinAs(w, "community", "Amina Khan");
    const phone = await team.connect(w.id, p.token);
    const { cardId } = await phone.ok("card.add", { activityId: mapId, lane: "day", kind: "barrier", text: "No ramp" });
    const interpreter = await team.connect(w.id, (await mint(w, { role: "interpreter", language: "ur" })).body.token);
    await interpreter.ok("translation.set", { target: `card.${cardId}`, language: "ur", text: "کوئی ریمپ نہیں" });
    await fac.synced();
    const translations = JSON.stringify(fac.json().translations);
    expect(translations).toContain("کوئی ریمپ نہیں");
    expect(translations).not.toContain(p.participantId);
    expect(translations).not.toContain("Amina");
    await fac.ok("card.hide", { cardId, reason: "check" });
    await fac.synced();
    expect(JSON.stringify(fac.json().translations)).not.toContain("کوئی ریمپ نہیں");
    await refusedUnchanged(
      interpreter,
      fac,
      "translation.set",
      { target: `card.${cardId}`, language: "ur", text: "x" },
      "not_found",
    );
  });
});

describe("the projector's second language (screen.language)", () => {
  it("is the facilitator's of this workshop only: strict, bounded, replay-safe", async () => {
    const w = await newWorkshop();
    const other = await newWorkshop();
    const fac = await team.connect(w.id, w.facilitatorToken);
    const phone = await team.phone(w);
    const screen = await team.connect(w.id, w.screenToken);
    const interpreter = await team.connect(w.id, (await mint(w, { role: "interpreter", language: "ur" })).body.token);
    const kiosk = await team.connect(w.id, (await mint(w, { role: "kiosk" })).body.token);
    // Wrong roles: the projector itself, a phone, the interpreter of that very language, a kiosk.
    for (const client of [screen, phone, interpreter, kiosk])
      await refusedUnchanged(client, fac, "screen.language", { language: "ur" }, "forbidden");
    // Unknown fields, a tag that is not one, an oversized one, the workshop's own language.
    for (const args of [
      { language: "ur", table: null },
      { language: "ur", dir: "rtl" },
      { language: "<b>ur</b>" },
      { language: `ur-${"x".repeat(200)}` },
      { language: 7 },
      {},
      { language: "en" },
    ])
      await refusedUnchanged(fac, fac, "screen.language", args, "bad_request");
    // Another workshop's facilitator: no way into this room, and its own setting stays its own.
    const otherFac = await team.connect(other.id, other.facilitatorToken);
    expect((await handoff(w.id, await ticketFor(other.facilitatorToken))).status).not.toBe(101);
    await otherFac.ok("screen.language", { language: "bn" });
    await fac.synced();
    expect(fac.json().workshop).not.toHaveProperty("screenLanguage");
    // A replayed command id applies once.
    const before = (await roomState(w.id)).commands;
    const a = await fac.command("screen.language", { language: "ur" }, "second-language-1");
    const b = await fac.command("screen.language", { language: "ur" }, "second-language-1");
    expect(b).toEqual(a);
    expect((await roomState(w.id)).commands).toBe(before + 1);
    await fac.synced();
    expect(fac.json().workshop).toMatchObject({ screenLanguage: "ur" });
  });
});
