/**
 * Attack: a revoked programme-wide evaluator link keeps working. The link reads every
 * workshop of a programme, live too (a read-only socket per workshop); revoking it must
 * shut every door at once: the live sockets in every workshop close (4401), a ticket it
 * minted before the revocation no longer opens a room, and no route answers it.
 */
import { describe, expect, it } from "vitest";
import { ACTOR_HEADER, CloseCode, ROOM_PARTY } from "../../party/model/protocol";
import { ORGANISER } from "../worker/api-client";
import { RoomClient, roomStub } from "../worker/support/room-client";
import {
  call,
  expectHttpError,
  handoff,
  json,
  newProgramme,
  newWorkshop,
  type Programme,
  redTeam,
  ticketFor,
} from "./support/harness";

const team = redTeam();

/** The workshop's session report, read with `token`. */
const report = (workshopId: string, token: string) => call(`/api/workshops/${workshopId}/report`, { token });

/** A room ticket for the workshop, asked for with `token`. */
const ticket = (workshopId: string, token: string) =>
  call("/api/tickets", { method: "POST", token, body: { workshopId } });

/** A further programme-wide evaluator link (e.g. for a second evaluator): its token and id. */
async function mintProgrammeLink(programme: Programme): Promise<{ token: string; id: string }> {
  const { status, body } = await json<{ token: string; id: string }>(`/api/programmes/${programme.id}/tokens`, {
    token: ORGANISER,
    body: { role: "evaluator", label: "Second evaluator" },
  });
  expect(status).toBe(201);
  return body;
}

describe("a revoked programme evaluator link", () => {
  it("the programme's first evaluator link can be revoked at all: creating the programme returns its id", async () => {
    const programme = await newProgramme();
    const first = await newWorkshop({ programmeId: programme.id });
    expect((await report(first.id, programme.evaluatorToken)).status).toBe(200);
    const revoked = await call(`/api/tokens/${programme.evaluatorTokenId}`, { method: "DELETE", token: ORGANISER });
    expect(revoked.status).toBe(200);
    await expectHttpError(await report(first.id, programme.evaluatorToken), 401, "unauthorised");
  });

  it("closes its live sessions in every workshop of the programme (4401) and opens nothing more", async () => {
    const programme = await newProgramme();
    const first = await newWorkshop({ programmeId: programme.id });
    const second = await newWorkshop({ programmeId: programme.id });
    const elsewhere = await newWorkshop();
    const link = await mintProgrammeLink(programme);
    const token = link.token;
    // Watching two workshops live, as an evaluator following a programme day would.
    const sockets = [];
    for (const w of [first, second]) {
      const res = await handoff(w.id, await ticketFor(token, w.id));
      expect(res.status).toBe(101);
      const socket = team.track(RoomClient.adopt(res.webSocket!));
      await socket.waitFor(() => socket.find((m) => m.type === "hello"), "hello");
      sockets.push(socket);
    }
    // A ticket minted before the revocation, not yet spent (a page about to connect).
    const inFlight = await ticketFor(token, second.id);

    const revoked = await call(`/api/tokens/${link.id}`, { method: "DELETE", token: ORGANISER });
    expect(revoked.status).toBe(200);

    for (const socket of sockets) expect((await socket.waitClosed(1000)).code).toBe(CloseCode.unauthorised);
    await expectHttpError(await handoff(second.id, inFlight), 401, "unauthorised");
    await expectHttpError(await call(`/api/programmes/${programme.id}`, { token }), 401, "unauthorised");
    await expectHttpError(await report(first.id, token), 401, "unauthorised");
    await expectHttpError(await ticket(first.id, token), 401, "unauthorised");
    // It never reached a workshop outside its programme, before or after.
    await expectHttpError(await report(elsewhere.id, token), 401, "unauthorised");
  });
});

describe("a handoff in flight while a link is revoked", () => {
  it("the room itself turns away the revoked actor, even with the Worker's header already set (4401)", async () => {
    const programme = await newProgramme();
    const w = await newWorkshop({ programmeId: programme.id });
    const link = await mintProgrammeLink(programme);
    // The Worker checked the token a moment before the revocation; its upgrade reaches the room after.
    const actor = { role: "evaluator" as const, id: link.id, name: "Second evaluator", group: "" };
    const before = await team.connectToRoom(w.id, actor);
    expect(before.closed).toBeNull();
    const revoked = await call(`/api/tokens/${link.id}`, { method: "DELETE", token: ORGANISER });
    expect(revoked.status).toBe(200);
    expect((await before.waitClosed(1000)).code).toBe(CloseCode.unauthorised);
    const stub = await roomStub(w.id);
    const again = await stub.fetch(`http://room.test/parties/${ROOM_PARTY}/${w.id}`, {
      headers: { Upgrade: "websocket", [ACTOR_HEADER]: JSON.stringify(actor) },
    });
    const late = team.track(RoomClient.adopt(again.webSocket!));
    expect((await late.waitClosed(1000)).code).toBe(CloseCode.unauthorised);
    expect(late.find((m) => m.type === "hello")).toBeUndefined();
  });
});

describe("a programme evaluator link and other workshops", () => {
  it("never opens a workshop of another programme, or one in no programme", async () => {
    const programme = await newProgramme();
    const other = await newProgramme();
    const theirs = await newWorkshop({ programmeId: other.id });
    const loose = await newWorkshop();
    for (const w of [theirs, loose]) {
      await expectHttpError(await ticket(w.id, programme.evaluatorToken), 403, "forbidden");
      await expectHttpError(await report(w.id, programme.evaluatorToken), 403, "forbidden");
    }
  });

  it("only the organiser revokes it: a facilitator of one of its workshops may not", async () => {
    const programme = await newProgramme();
    const w = await newWorkshop({ programmeId: programme.id });
    await expectHttpError(
      await call(`/api/tokens/${programme.evaluatorTokenId}`, { method: "DELETE", token: w.facilitatorToken }),
      403,
      "forbidden",
    );
    expect((await report(w.id, programme.evaluatorToken)).status).toBe(200);
  });
});
