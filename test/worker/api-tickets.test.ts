import { describe, expect, it } from "vitest";
import { call, createWorkshop, env, joinWorkshop, json, ORGANISER, sha256Hex } from "./api-client";

interface TicketBody {
  ticket: string;
  workshopId: string;
  role: string;
  expiresAt: number;
}

async function ticketFor(token: string) {
  const res = await json<TicketBody>("/api/tickets", { method: "POST", token });
  expect(res.status).toBe(200);
  return res.body;
}

function connect(workshopId: string, ticket: string | null, headers: Record<string, string> = {}) {
  const query = ticket === null ? "" : `?ticket=${encodeURIComponent(ticket)}`;
  return call(`/parties/workshop-room/${workshopId}${query}`, { headers: { Upgrade: "websocket", ...headers } });
}

/** The first JSON custom message the room sends (its hello), or a timeout. */
function firstMessage(ws: WebSocket, timeoutMs = 5000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no message from the room in time")), timeoutMs);
    ws.addEventListener("message", (event) => {
      if (typeof event.data !== "string" || !event.data.startsWith("__YPS:")) return;
      const msg = JSON.parse(event.data.slice("__YPS:".length)) as Record<string, unknown>;
      if (msg.type !== "hello") return;
      clearTimeout(timer);
      resolve(msg);
    });
  });
}

describe("POST /api/tickets", () => {
  it("trades any valid token for a 60-second ticket, stored only as a hash", async () => {
    const w = await createWorkshop();
    const before = Date.now();
    const t = await ticketFor(w.screenToken);
    expect(t.workshopId).toBe(w.id);
    expect(t.role).toBe("screen");
    expect(t.ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(t.expiresAt).toBeGreaterThanOrEqual(before + 60_000);
    expect(t.expiresAt).toBeLessThanOrEqual(Date.now() + 60_000);
    const row = await env.DB.prepare("SELECT * FROM tickets WHERE hash = ?")
      .bind(await sha256Hex(t.ticket))
      .first();
    expect(row).toMatchObject({ workshop_id: w.id, token_hash: await sha256Hex(w.screenToken) });
    const all = JSON.stringify((await env.DB.prepare("SELECT * FROM tickets").all()).results);
    expect(all).not.toContain(t.ticket);
  });

  it("refuses missing, unknown and revoked tokens with 401, and the organiser secret with 403", async () => {
    const w = await createWorkshop();
    expect((await json("/api/tickets", { method: "POST" })).status).toBe(401);
    expect((await json("/api/tickets", { method: "POST", token: "not-a-token" })).status).toBe(401);
    expect((await json("/api/tickets", { method: "POST", token: ORGANISER })).status).toBe(403);
    const minted = await json<{ id: string; token: string }>(`/api/workshops/${w.id}/tokens`, {
      token: w.facilitatorToken,
      body: { role: "screen" },
    });
    await json(`/api/tokens/${minted.body.id}`, { method: "DELETE", token: w.facilitatorToken });
    const revoked = await json("/api/tickets", { method: "POST", token: minted.body.token });
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ error: { code: "unauthorised" } });
  });
});

describe("tickets for programme-wide evaluators", () => {
  it("name the workshop, which must be in the programme", async () => {
    const programme = await json<{ id: string; evaluatorToken: string }>("/api/programmes", {
      token: ORGANISER,
      body: { title: "Winter pressures" },
    });
    const token = programme.body.evaluatorToken;
    const inside = await createWorkshop({ programmeId: programme.body.id });
    const outside = await createWorkshop();

    const t = await json<TicketBody>("/api/tickets", { token, body: { workshopId: inside.id } });
    expect(t.status).toBe(200);
    expect(t.body).toMatchObject({ workshopId: inside.id, role: "evaluator" });
    const res = await connect(inside.id, t.body.ticket);
    expect(res.status).toBe(101);
    const ws = res.webSocket!;
    const hello = firstMessage(ws);
    ws.accept();
    expect((await hello).you).toMatchObject({ role: "evaluator", group: "" });
    ws.close(1000, "done");

    expect((await json("/api/tickets", { token, method: "POST" })).status).toBe(400);
    expect((await json("/api/tickets", { token, body: { workshopId: outside.id } })).status).toBe(403);
    // A workshop token cannot ask for another workshop's ticket.
    expect((await json("/api/tickets", { token: outside.screenToken, body: { workshopId: inside.id } })).status).toBe(
      403,
    );
  });
});

describe("the WebSocket handoff", () => {
  it("consumes the ticket and hands the room the participant as actor", async () => {
    const w = await createWorkshop();
    const p = await joinWorkshop(w.joinCode, { name: "Zoë", group: "voluntary" });
    const t = await ticketFor(p.token);
    // A forged actor header from the client must be replaced.
    const forged = JSON.stringify({ role: "facilitator", id: "x", name: "x", group: "" });
    const res = await connect(w.id, t.ticket, { "x-coproduce-actor": forged });
    expect(res.status).toBe(101);
    const ws = res.webSocket!;
    const hello = firstMessage(ws);
    ws.accept();
    expect((await hello).you).toEqual({ role: "participant", id: p.participantId, name: "Zoë", group: "voluntary" });
    ws.close(1000, "done");
    const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM tickets WHERE hash = ?")
      .bind(await sha256Hex(t.ticket))
      .first();
    expect(left?.n).toBe(0);
  });

  it("hands over facilitators with their token id as actor id", async () => {
    const w = await createWorkshop();
    const t = await ticketFor(w.facilitatorToken);
    const res = await connect(w.id, t.ticket);
    expect(res.status).toBe(101);
    const ws = res.webSocket!;
    const hello = firstMessage(ws);
    ws.accept();
    const you = (await hello).you as Record<string, unknown>;
    const row = await env.DB.prepare("SELECT id FROM tokens WHERE hash = ?")
      .bind(await sha256Hex(w.facilitatorToken))
      .first();
    expect(you).toMatchObject({ role: "facilitator", id: row?.id, group: "" });
    ws.close(1000, "done");
  });

  it("refuses a ticket a second time", async () => {
    const w = await createWorkshop();
    const t = await ticketFor(w.screenToken);
    const first = await connect(w.id, t.ticket);
    expect(first.status).toBe(101);
    first.webSocket!.accept();
    first.webSocket!.close(1000, "done");
    const again = await connect(w.id, t.ticket);
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: { code: "unauthorised" } });
  });

  it("refuses no ticket, an unknown ticket and an expired ticket with 401", async () => {
    const w = await createWorkshop();
    expect((await connect(w.id, null)).status).toBe(401);
    expect((await connect(w.id, "made-up-ticket")).status).toBe(401);
    const t = await ticketFor(w.screenToken);
    await env.DB.prepare("UPDATE tickets SET expires_at = ? WHERE hash = ?")
      .bind(Date.now() - 1, await sha256Hex(t.ticket))
      .run();
    expect((await connect(w.id, t.ticket)).status).toBe(401);
  });

  it("refuses a ticket for another workshop with 403", async () => {
    const w = await createWorkshop();
    const other = await createWorkshop();
    const t = await ticketFor(w.screenToken);
    const res = await connect(other.id, t.ticket);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
  });

  it("refuses a ticket whose token was revoked after it was minted", async () => {
    const w = await createWorkshop();
    const minted = await json<{ id: string; token: string }>(`/api/workshops/${w.id}/tokens`, {
      token: ORGANISER,
      body: { role: "evaluator" },
    });
    const t = await ticketFor(minted.body.token);
    await json(`/api/tokens/${minted.body.id}`, { method: "DELETE", token: ORGANISER });
    expect((await connect(w.id, t.ticket)).status).toBe(401);
  });

  it("refuses participants who were removed or withdrew", async () => {
    const w = await createWorkshop();
    const p = await joinWorkshop(w.joinCode);
    const t = await ticketFor(p.token);
    await env.DB.prepare("UPDATE participants SET removed_at = ? WHERE id = ?").bind(Date.now(), p.participantId).run();
    expect((await connect(w.id, t.ticket)).status).toBe(403);
  });
});
