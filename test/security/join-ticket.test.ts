/**
 * Attacks on the ticket the join answer brings (perf #17: POST /api/join/:code returns the
 * room's first ticket, so a phone opens the room without asking POST /api/tickets): used in
 * another workshop, replayed, used as a token, kept past its minute, written for a join that
 * was refused (a full workshop), smuggled into the join request, or used after its
 * participant's token was revoked or the participant removed.
 */
import { describe, expect, it } from "vitest";
import { RoomClient } from "../worker/support/room-client";
import { call, env, expectHttpError, freshIp, handoff, json, newWorkshop, redTeam, sha256Hex } from "./support/harness";

const team = redTeam();

interface JoinAnswer {
  workshopId: string;
  participantId: string;
  token: string;
  ticket: string;
  ticketExpiresAt: number;
}

async function join(joinCode: string, body: Record<string, unknown> = {}) {
  return json<JoinAnswer>(`/api/join/${joinCode}`, {
    ip: freshIp(),
    body: { group: "community", consent: true, ...body },
  });
}

describe("the join answer's ticket", () => {
  it("opens its own workshop's room once, as the person who joined; a replay gets 401", async () => {
    const w = await newWorkshop();
    const { status, body } = await join(w.joinCode);
    expect(status).toBe(201);
    const first = await handoff(w.id, body.ticket);
    expect(first.status).toBe(101);
    const phone = team.track(RoomClient.adopt(first.webSocket!));
    const hello = await phone.waitFor(() => phone.find((m) => m.type === "hello"), "hello");
    expect(hello.you).toMatchObject({ role: "participant", id: body.participantId });
    await expectHttpError(await handoff(w.id, body.ticket), 401, "unauthorised");
  });

  it("does not open another workshop's room (403), and is spent by trying", async () => {
    const mine = await newWorkshop();
    const other = await newWorkshop();
    const { body } = await join(mine.joinCode);
    await expectHttpError(await handoff(other.id, body.ticket), 403, "forbidden");
    await expectHttpError(await handoff(mine.id, body.ticket), 401, "unauthorised");
  });

  it("is not a token: the API refuses it as a bearer (401), and it buys no further tickets", async () => {
    const w = await newWorkshop();
    const { body } = await join(w.joinCode);
    await expectHttpError(await call("/api/tickets", { method: "POST", token: body.ticket }), 401, "unauthorised");
    await expectHttpError(await call(`/api/workshops/${w.id}`, { token: body.ticket }), 401, "unauthorised");
  });

  it("lives a minute like any ticket, and expired it opens nothing", async () => {
    const w = await newWorkshop();
    const before = Date.now();
    const { body } = await join(w.joinCode);
    expect(body.ticketExpiresAt).toBeGreaterThanOrEqual(before + 60_000);
    expect(body.ticketExpiresAt).toBeLessThanOrEqual(Date.now() + 60_000);
    const hash = await sha256Hex(body.ticket);
    const row = await env.DB.prepare("SELECT token_hash, workshop_id FROM tickets WHERE hash = ?").bind(hash).first();
    // Stored as hashes only, bound to the new participant's token and this workshop.
    expect(row).toEqual({ token_hash: await sha256Hex(body.token), workshop_id: w.id });
    await env.DB.prepare("UPDATE tickets SET expires_at = ? WHERE hash = ?")
      .bind(Date.now() - 1, hash)
      .run();
    await expectHttpError(await handoff(w.id, body.ticket), 401, "unauthorised");
  });

  it("is not written for a join the workshop refused (full)", async () => {
    const w = await newWorkshop({ maxParticipants: 1 });
    expect((await join(w.joinCode)).status).toBe(201);
    const count = async () =>
      (
        await env.DB.prepare("SELECT COUNT(*) AS n FROM tickets WHERE workshop_id = ?")
          .bind(w.id)
          .first<{ n: number }>()
      )?.n;
    expect(await count()).toBe(1);
    const refused = await call(`/api/join/${w.joinCode}`, {
      ip: freshIp(),
      body: { group: "community", consent: true },
    });
    await expectHttpError(refused, 409, "full");
    expect(await count()).toBe(1);
  });

  it("cannot be chosen by the caller: a ticket field in the join request is refused (400)", async () => {
    const w = await newWorkshop();
    const res = await call(`/api/join/${w.joinCode}`, {
      ip: freshIp(),
      body: { group: "community", consent: true, ticket: "chosen-by-me" },
    });
    await expectHttpError(res, 400, "bad_request");
  });

  it("dies with its token: once the participant's token is revoked, the unused ticket opens nothing (401)", async () => {
    const w = await newWorkshop();
    const { body } = await join(w.joinCode);
    const token = await env.DB.prepare("SELECT id FROM tokens WHERE hash = ?")
      .bind(await sha256Hex(body.token))
      .first<{ id: string }>();
    const revoked = await call(`/api/tokens/${token!.id}`, { method: "DELETE", token: w.facilitatorToken });
    expect(revoked.status).toBe(200);
    await expectHttpError(await handoff(w.id, body.ticket), 401, "unauthorised");
  });

  it("stops opening the room once the participant is removed", async () => {
    const w = await newWorkshop();
    const { body } = await join(w.joinCode);
    await env.DB.prepare("UPDATE participants SET removed_at = ? WHERE id = ?")
      .bind(Date.now(), body.participantId)
      .run();
    await expectHttpError(await handoff(w.id, body.ticket), 403, "forbidden");
  });
});
