/**
 * `GET /api/workshops/:id/activities/:activityId/archive` (perf #17): a closed map's cards left
 * the live doc and are read here instead. Only a link of that workshop that may open its live
 * room reads them; nothing else (no token, another workshop's link, a bad or unknown id, an
 * open map) gets anything but the API's one error shape.
 */
import { describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import { call, expectHttpError, joinAs, json, newWorkshop, openMap, redTeam, tokenOf } from "./support/harness";

const team = redTeam();

type Entries = { cards: Record<string, unknown>; comments: Record<string, unknown> };

async function closedMap() {
  const { w, fac, mapId } = await team.mapRoom();
  const { joined: person, phone } = await team.participant(w, "community", "Archived Author");
  const { cardId } = await phone.ok("card.add", { activityId: mapId, lane: "day", kind: "barrier", text: "No bus" });
  await phone.ok("comment.add", { cardId: cardId as string, text: "Not after six" });
  // What each saw before the close: the facilitator the room's doc, the phone its redacted replica.
  await phone.waitFor(
    () => (phone.json() as Entries).comments && Object.keys((phone.json() as Entries).comments).length === 1,
    "the comment on the phone",
  );
  await fac.waitFor(() => Object.keys((fac.json() as Entries).comments ?? {}).length === 1, "the comment on the desk");
  const before = phone.json() as Entries;
  const full = fac.json() as Entries;
  await fac.ok("activity.close", { activityId: mapId });
  return { w, fac, phone, person, mapId, cardId: cardId as string, before, full };
}

const path = (workshopId: string, activityId: string) =>
  `/api/workshops/${workshopId}/activities/${activityId}/archive`;

describe("a closed activity's archive", () => {
  it("leaves the live doc, and any link of the workshop reads it back exactly as it was", async () => {
    const { w, phone, person, mapId, cardId, before, full } = await closedMap();
    await phone.waitFor(() => roots(phone.doc).archived.has(mapId), "the archived entry on the phone");
    expect(roots(phone.doc).cards.has(cardId)).toBe(false);
    // A phone joining now downloads none of it.
    const late = await team.phone(w);
    expect(roots(late.doc).cards.size).toBe(0);
    // Each reader gets what their own live doc held: who is who for the facilitator and the
    // projector, the replica's (no participant id, no name) for a phone and an evaluator.
    for (const [token, seen] of [
      [person.token, before],
      [tokenOf(w, "evaluator"), before],
      [tokenOf(w, "facilitator"), full],
      [tokenOf(w, "screen"), full],
    ] as const) {
      const { status, body } = await json<Record<string, unknown>>(path(w.id, mapId), { token });
      expect(status).toBe(200);
      expect(body).toEqual({ activityId: mapId, cards: seen.cards, comments: seen.comments, links: {} });
    }
    const redacted = JSON.stringify(before);
    expect(redacted).not.toContain(person.participantId);
    expect(redacted).not.toContain("Archived Author");
    expect(JSON.stringify(full)).toContain(person.participantId);
  });

  it("is refused without a token, with another workshop's link, for bad ids and for what is not archived", async () => {
    const { w, fac, mapId } = await closedMap();
    const other = await newWorkshop();
    await expectHttpError(await call(path(w.id, mapId)), 401, "unauthorised");
    await expectHttpError(await call(path(w.id, mapId), { token: tokenOf(other, "facilitator") }), 403, "forbidden");
    await expectHttpError(await call(path(w.id, mapId), { token: (await joinAs(other)).token }), 403, "forbidden");
    const token = tokenOf(w, "facilitator");
    await expectHttpError(await call(path(w.id, "x".repeat(500)), { token }), 400, "bad_request");
    await expectHttpError(await call(path("nope", mapId), { token }), 404, "not_found");
    await expectHttpError(await call(path(w.id, "unknown-activity"), { token }), 404, "not_found");
    // An open map has nothing archived: its cards are in the live doc.
    const openId = await openMap(fac);
    await expectHttpError(await call(path(w.id, openId), { token }), 404, "not_found");
    // Read-only: no other method does anything.
    const posted = await call(path(w.id, mapId), { token, body: { cards: {} } });
    expect(posted.status).toBe(404);
  });

  it("a removed participant's link reads nothing", async () => {
    const { w, fac, person, mapId } = await closedMap();
    await fac.ok("participant.remove", { participantId: person.participantId });
    // The room refuses at once (403); once the outbox has told D1, the token itself is gone (401).
    const res = await call(path(w.id, mapId), { token: person.token });
    const body = (await res.json()) as { error?: { code?: string } };
    expect([`${res.status} ${body.error?.code}`]).toSatisfy(([got]: string[]) =>
      ["403 forbidden", "401 unauthorised"].includes(got ?? ""),
    );
  });

  it("a withdrawn participant's link reads nothing, and their words are gone from the archive", async () => {
    const { w, phone, person, mapId } = await closedMap();
    await phone.ok("me.withdraw", {});
    const own = await call(path(w.id, mapId), { token: person.token });
    expect([403, 401]).toContain(own.status);
    const res = await call(path(w.id, mapId), { token: tokenOf(w, "facilitator") });
    // Their only card went, so nothing is archived for the map any more.
    expect(res.status).toBe(404);
  });
});
