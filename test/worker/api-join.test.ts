import { describe, expect, it } from "vitest";
import { JOINS_PER_WINDOW, WRONG_CODES_PER_WINDOW } from "../../worker/rateLimit";
import { call, createWorkshop, env, freshIp, joinWorkshop, json } from "./api-client";
import { eventually, workshopWithFacilitator } from "./support/through-worker";

describe("GET /api/join/:joinCode", () => {
  it("shows what the join page needs, without secrets", async () => {
    const w = await createWorkshop({ purpose: "Plan the new carers' hub", consentText: "Cards are kept a year." });
    const { status, body } = await json(`/api/join/${w.joinCode}`, { ip: freshIp() });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      workshopId: w.id,
      title: "Rethinking discharge from hospital",
      purpose: "Plan the new carers' hub",
      consentText: "Cards are kept a year.",
      language: "en",
      groups: [
        { id: "community", label: expect.any(String) },
        { id: "voluntary", label: expect.any(String) },
        { id: "statutory", label: expect.any(String) },
        { id: "other", label: expect.any(String) },
      ],
    });
    for (const secret of [w.facilitatorToken, w.screenToken, w.evaluatorToken]) {
      expect(JSON.stringify(body)).not.toContain(secret);
    }
  });

  it("accepts the code as people type it: lower case, spaces, a dash", async () => {
    const w = await createWorkshop();
    const typed = `${w.joinCode.slice(0, 3).toLowerCase()}-${w.joinCode.slice(3)}`;
    expect((await json(`/api/join/${encodeURIComponent(typed)}`, { ip: freshIp() })).status).toBe(200);
  });

  it("answers a wrong code with 404", async () => {
    const { status, body } = await json("/api/join/ZZZZZZ", { ip: freshIp() });
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: "not_found" } });
  });
});

describe("POST /api/join/:joinCode", () => {
  it("makes a participant with a generated pseudonym and records consent", async () => {
    const w = await createWorkshop();
    const before = Date.now();
    const p = await joinWorkshop(w.joinCode, { group: "statutory" });
    expect(p.workshopId).toBe(w.id);
    expect(p.group).toBe("statutory");
    expect(p.name).toMatch(/\S/);
    expect(p.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await env.DB.prepare("SELECT * FROM participants WHERE id = ?").bind(p.participantId).first();
    expect(row).toMatchObject({
      workshop_id: w.id,
      name: p.name,
      name_chosen: 0,
      group_id: "statutory",
      consent_version: 1,
    });
    expect(row?.consented_at).toBeGreaterThanOrEqual(before);
  });

  it("keeps a chosen name, in any script", async () => {
    const w = await createWorkshop();
    const p = await joinWorkshop(w.joinCode, { name: "  Zoë 李  " });
    expect(p.name).toBe("Zoë 李");
    const row = await env.DB.prepare("SELECT name, name_chosen FROM participants WHERE id = ?")
      .bind(p.participantId)
      .first();
    expect(row).toEqual({ name: "Zoë 李", name_chosen: 1 });
  });

  it("gives two people without names their own pseudonyms (mostly different)", async () => {
    const w = await createWorkshop();
    const names = new Set<string>();
    for (let i = 0; i < 8; i++) names.add((await joinWorkshop(w.joinCode)).name);
    expect(names.size).toBeGreaterThan(1);
  });

  it("requires a group of this workshop", async () => {
    const w = await createWorkshop({ stakeholderGroups: ["community", "statutory"] });
    const wrong = await json(`/api/join/${w.joinCode}`, { ip: freshIp(), body: { group: "voluntary", consent: true } });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { code: "bad_request" } });
    const missing = await json(`/api/join/${w.joinCode}`, { ip: freshIp(), body: { consent: true } });
    expect(missing.status).toBe(400);
  });

  it("requires consent to be literally true", async () => {
    const w = await createWorkshop();
    for (const consent of [false, "true", 1, undefined]) {
      const res = await json(`/api/join/${w.joinCode}`, { ip: freshIp(), body: { group: "community", consent } });
      expect(res.status).toBe(400);
    }
    const count = await env.DB.prepare("SELECT COUNT(*) AS n FROM participants WHERE workshop_id = ?")
      .bind(w.id)
      .first();
    expect(count?.n).toBe(0);
  });

  it("refuses names over the limit or with control characters", async () => {
    const w = await createWorkshop();
    for (const name of ["x".repeat(61), "Ann\nSmith", "Bo\u0007b"]) {
      const res = await json(`/api/join/${w.joinCode}`, {
        ip: freshIp(),
        body: { name, group: "community", consent: true },
      });
      expect(res.status).toBe(400);
    }
  });

  it("refuses joining a closed workshop with 409", async () => {
    // Closed the way a facilitator closes it, and read once D1 has heard: setting the row by
    // hand raced the room's own outbox writing the workshop (it failed under load).
    const { w, facilitator } = await workshopWithFacilitator();
    expect((await facilitator.command("workshop.close", {})).ok).toBe(true);
    await eventually(async () => {
      const row = await env.DB.prepare("SELECT status FROM workshops WHERE id = ?")
        .bind(w.id)
        .first<{ status: string }>();
      return row?.status === "closed" ? true : undefined;
    }, "the close in D1");
    const res = await json(`/api/join/${w.joinCode}`, { ip: freshIp(), body: { group: "community", consent: true } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: "conflict" } });
  });

  it("answers with the room's first ticket (perf #17): it opens the room once; the token still gets fresh ones", async () => {
    const w = await createWorkshop();
    const res = await json<{ token: string; ticket: string; ticketExpiresAt: number }>(`/api/join/${w.joinCode}`, {
      ip: freshIp(),
      body: { group: "community", consent: true },
    });
    expect(res.status).toBe(201);
    expect(res.body.ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const open = (ticket: string) =>
      call(`/parties/workshop-room/${w.id}?ticket=${encodeURIComponent(ticket)}`, {
        headers: { Upgrade: "websocket" },
      });
    const first = await open(res.body.ticket);
    expect(first.status).toBe(101);
    first.webSocket!.accept();
    first.webSocket!.close(1000, "done");
    expect((await open(res.body.ticket)).status).toBe(401);
    // A reconnect trades the long-lived token for a fresh ticket, as before.
    const fresh = await json<{ ticket: string }>("/api/tickets", { method: "POST", token: res.body.token });
    expect(fresh.status).toBe(200);
    expect(fresh.body.ticket).not.toBe(res.body.ticket);
    const again = await open(fresh.body.ticket);
    expect(again.status).toBe(101);
    again.webSocket!.accept();
    again.webSocket!.close(1000, "done");
  });

  it("answers a wrong code with 404", async () => {
    const res = await json("/api/join/ZZZZZZ", { ip: freshIp(), body: { group: "community", consent: true } });
    expect(res.status).toBe(404);
  });
});

describe("join rate limits", () => {
  it(`stops an address guessing codes after ${WRONG_CODES_PER_WINDOW} wrong ones, even for a right code`, async () => {
    const w = await createWorkshop();
    const ip = freshIp();
    for (let i = 0; i < WRONG_CODES_PER_WINDOW; i++) {
      // Well-formed codes that are not in use, and the odd malformed one: both count.
      const code = i % 10 === 9 ? "not-a-code" : `ZZZ${String(i).padStart(3, "2").replace(/[01]/g, "9")}`;
      expect((await json(`/api/join/${code}`, { ip })).status).toBe(404);
    }
    const blocked = await json("/api/join/QQQQQQ", { ip });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: { code: "rate_limited" } });
    expect(blocked.res.headers.get("Retry-After")).toBe("600");
    expect((await json(`/api/join/${w.joinCode}`, { ip })).status).toBe(429);
    // Another address is not affected.
    expect((await json(`/api/join/${w.joinCode}`, { ip: freshIp() })).status).toBe(200);
  });

  it(`caps joins from one address to one workshop at ${JOINS_PER_WINDOW} per 10 minutes`, async () => {
    const w = await createWorkshop();
    const ip = freshIp();
    await joinWorkshop(w.joinCode, {}, ip);
    // Stand in for the rest of the allowance used up from the same address in this window.
    await env.DB.prepare("UPDATE rate_limits SET count = ? WHERE key LIKE ?")
      .bind(JOINS_PER_WINDOW, `join:%:${w.id}`)
      .run();
    const res = await json(`/api/join/${w.joinCode}`, { ip, body: { group: "community", consent: true } });
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ error: { code: "rate_limited" } });
    // Another address still gets in.
    await joinWorkshop(w.joinCode);
  });

  it("lets a whole room of 300 phones on one venue address join at once", async () => {
    const w = await createWorkshop();
    const ip = freshIp();
    const groups = ["community", "voluntary", "statutory", "other"];
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        json<{ participantId: string }>(`/api/join/${w.joinCode}`, {
          ip,
          body: { group: groups[i % 4], consent: true },
        }),
      ),
    );
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    expect(new Set(results.map((r) => r.body.participantId)).size).toBe(300);
    const count = await env.DB.prepare("SELECT COUNT(*) AS n FROM participants WHERE workshop_id = ?")
      .bind(w.id)
      .first();
    expect(count?.n).toBe(300);
  });
});
