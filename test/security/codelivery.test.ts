/**
 * Red team for co-delivery (#15): every new route and the partner role, tried with the
 * wrong role, another workshop or organisation, unknown fields, oversized input and
 * replays. Every refusal leaves the commitments exactly as they were.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CommitmentView } from "../../party/model/commitments";
import { call, freshIp, json, ORGANISER } from "../worker/api-client";
import { type CodeliverySession, codeliverySession } from "../worker/support/codelivery";

let s: CodeliverySession;
let other: CodeliverySession;
let housing: string;
let nhs: string;
let partner: string;
let otherPartner: string;

async function history(workshopId = s.w.id): Promise<CommitmentView[]> {
  const res = await json<{ commitments: CommitmentView[] }>(`/api/workshops/${workshopId}/commitments`, {
    token: ORGANISER,
  });
  return res.body.commitments;
}

async function mintPartner(workshop: CodeliverySession, organisation: string) {
  const res = await json<{ token: string }>(`/api/workshops/${workshop.w.id}/tokens`, {
    token: workshop.w.facilitatorToken,
    body: { role: "partner", organisation },
  });
  expect(res.status).toBe(201);
  return res.body.token;
}

beforeAll(async () => {
  s = await codeliverySession();
  other = await codeliverySession();
  const made = async (w: CodeliverySession, organisation: string) =>
    (
      await json<{ id: string }>(`/api/workshops/${w.w.id}/commitments`, {
        token: w.w.facilitatorToken,
        body: { title: "Commitment", owner: { organisation } },
      })
    ).body.id;
  housing = await made(s, "Housing");
  nhs = await made(s, "NHS Trust");
  await made(other, "Housing");
  partner = await mintPartner(s, "Housing");
  otherPartner = await mintPartner(other, "Housing");
});

const valid = () => ({ title: "Ramp on route 12", owner: { organisation: "Housing" } });

describe("POST /api/workshops/:id/commitments", () => {
  it("refuses the wrong role and another workshop's facilitator", async () => {
    const before = await history();
    const tokens = [s.w.evaluatorToken, s.w.screenToken, s.people[0]!.token, partner, other.w.facilitatorToken];
    for (const token of tokens) {
      const res = await json(`/api/workshops/${s.w.id}/commitments`, { token, body: valid() });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { code: "forbidden" } });
    }
    expect((await call(`/api/workshops/${s.w.id}/commitments`, { body: valid() })).status).toBe(401);
    expect(await history()).toEqual(before);
  });

  it("refuses unknown fields at every level", async () => {
    const before = await history();
    const bodies = [
      { ...valid(), extra: 1 },
      { ...valid(), owner: { organisation: "Housing", name: "Jo Bloggs" } },
      { ...valid(), from: [{ cardId: s.ids.bus, participantId: s.people[0]!.participantId }] },
      { ...valid(), from: [{ activityId: s.ids.vote, optionId: s.ids.bus, cardId: s.ids.bus }] },
      { ...valid(), status: "done" },
    ];
    for (const body of bodies) {
      const res = await json(`/api/workshops/${s.w.id}/commitments`, { token: s.w.facilitatorToken, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ error: { code: "bad_request" } });
    }
    expect(await history()).toEqual(before);
  });

  it("refuses oversized and malformed input", async () => {
    const before = await history();
    const bodies = [
      { ...valid(), title: "x".repeat(201) },
      { ...valid(), description: "x".repeat(1001) },
      { ...valid(), owner: { organisation: "x".repeat(101) } },
      { ...valid(), owner: { organisation: "Bad\u0007Org" } },
      { ...valid(), from: Array.from({ length: 21 }, () => ({ cardId: s.ids.bus })) },
      { ...valid(), due: "2027-02-30" },
      { ...valid(), due: "next week" },
      { ...valid(), title: "" },
    ];
    for (const body of bodies) {
      const res = await json(`/api/workshops/${s.w.id}/commitments`, { token: s.w.facilitatorToken, body });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    const huge = await json(`/api/workshops/${s.w.id}/commitments`, {
      token: s.w.facilitatorToken,
      raw: JSON.stringify({ ...valid(), description: "x".repeat(70_000) }),
    });
    expect(huge.status).toBe(413);
    const broken = await json(`/api/workshops/${s.w.id}/commitments`, { token: s.w.facilitatorToken, raw: "{title" });
    expect(broken.status).toBe(400);
    expect(await history()).toEqual(before);
  });
});

describe("GET /api/workshops/:id/commitments", () => {
  it("is for the workshop's facilitators, evaluators and partners only", async () => {
    for (const token of [s.w.facilitatorToken, s.w.evaluatorToken, partner, ORGANISER]) {
      expect((await call(`/api/workshops/${s.w.id}/commitments`, { token })).status).toBe(200);
    }
    for (const token of [s.w.screenToken, s.people[0]!.token, otherPartner, other.w.evaluatorToken]) {
      expect((await call(`/api/workshops/${s.w.id}/commitments`, { token })).status).toBe(403);
    }
  });
});

describe("POST /api/commitments/:id/updates", () => {
  const note = { note: "Checked" };

  it("refuses the wrong role, another workshop and another organisation", async () => {
    const before = await history();
    const tries: [string, string][] = [
      [s.w.evaluatorToken, housing],
      [s.w.screenToken, housing],
      [s.people[0]!.token, housing],
      [other.w.facilitatorToken, housing],
      [otherPartner, housing], // same organisation name, another workshop
      [partner, nhs], // right workshop, another organisation
    ];
    for (const [token, id] of tries) {
      const res = await json(`/api/commitments/${id}/updates`, { token, body: note });
      expect(res.status).toBe(403);
    }
    expect((await call("/api/commitments/nope/updates", { token: ORGANISER, body: note })).status).toBe(404);
    expect(await history()).toEqual(before);
  });

  it("refuses unknown fields, bad values and oversized notes", async () => {
    const before = await history();
    const bodies = [
      { ...note, by: "Jo Bloggs" },
      { ...note, at: 0 },
      { ...note, organisation: "NHS Trust" },
      { ...note, progress: 101 },
      { ...note, progress: 12.5 },
      { ...note, status: "cancelled" },
      { note: "x".repeat(2001) },
      { status: "done" },
      { ...note, clientId: "../../etc" },
    ];
    for (const body of bodies) {
      const res = await json(`/api/commitments/${housing}/updates`, { token: partner, body });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect(await history()).toEqual(before);
  });

  it("applies a replayed update (same client id) once", async () => {
    const body = { status: "in_progress", progress: 30, note: "Surveyor booked", clientId: "upd-1" };
    const first = await json<{ id: string; replayed: boolean }>(`/api/commitments/${housing}/updates`, {
      token: partner,
      body,
    });
    expect(first.status).toBe(201);
    const again = await json<{ id: string; replayed: boolean }>(`/api/commitments/${housing}/updates`, {
      token: partner,
      body,
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, replayed: true });
    const c = (await history()).find((x) => x.id === housing);
    expect(c?.history.filter((h) => h.note === "Surveyor booked")).toHaveLength(1);
  });
});

describe("GET /api/commitments/overdue", () => {
  it("is for the organiser only: every workshop token is refused and nothing is listed", async () => {
    const tokens = [s.w.facilitatorToken, s.w.evaluatorToken, s.w.screenToken, s.people[0]!.token, partner];
    for (const token of tokens) {
      const res = await json("/api/commitments/overdue", { token });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { code: "forbidden" } });
      expect(res.body).not.toHaveProperty("overdue");
    }
    expect((await call("/api/commitments/overdue")).status).toBe(401);
    expect((await call("/api/commitments/overdue?workshop=x", { token: partner })).status).toBe(403);
  });
});

describe("partner tokens", () => {
  it("are minted only by the workshop's facilitator or the organiser, with strict bodies", async () => {
    for (const token of [s.w.evaluatorToken, s.people[0]!.token, partner, other.w.facilitatorToken]) {
      const res = await json(`/api/workshops/${s.w.id}/tokens`, {
        token,
        body: { role: "partner", organisation: "X" },
      });
      expect(res.status).toBe(403);
    }
    const bad = [
      { role: "partner" },
      { role: "partner", organisation: "" },
      { role: "partner", organisation: "x".repeat(101) },
      { role: "partner", organisation: "X", workshopId: other.w.id },
      { role: "partner", organisation: "X", programmeId: "p" },
    ];
    for (const body of bad) {
      const res = await json(`/api/workshops/${s.w.id}/tokens`, { token: s.w.facilitatorToken, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const ok = await json(`/api/workshops/${s.w.id}/tokens`, {
      token: ORGANISER,
      body: { role: "partner", organisation: "X" },
    });
    expect(ok.status).toBe(201);
  });

  it("programme-wide ones are for the organiser only", async () => {
    const programme = await json<{ id: string }>("/api/programmes", { token: ORGANISER, body: { title: "P" } });
    const res = await json(`/api/programmes/${programme.body.id}/tokens`, {
      token: s.w.facilitatorToken,
      body: { role: "partner", organisation: "X" },
    });
    expect(res.status).toBe(403);
    const unknown = await json(`/api/programmes/${programme.body.id}/tokens`, {
      token: ORGANISER,
      body: { role: "partner", organisation: "X", extra: true },
    });
    expect(unknown.status).toBe(400);
  });

  it("open nothing else: no room ticket, report, export, workshop info, archive, token list or token minting", async () => {
    const refused = [
      call("/api/tickets", { token: partner, body: {} }),
      call(`/api/workshops/${s.w.id}/activities/some-activity/archive`, { token: partner }),
      call(`/api/workshops/${s.w.id}/report`, { token: partner }),
      call(`/api/workshops/${s.w.id}/export?format=csv&table=commitments`, { token: partner }),
      call(`/api/workshops/${s.w.id}`, { token: partner }),
      call(`/api/workshops/${s.w.id}/tokens`, { token: partner }),
      call(`/api/workshops/${s.w.id}/tokens`, { token: partner, body: { role: "facilitator" } }),
      call(`/api/workshops/${s.w.id}`, { token: partner, method: "DELETE" }),
    ];
    for (const res of await Promise.all(refused)) expect(res.status).toBe(403);
  });

  it("stop working once revoked", async () => {
    const minted = await json<{ id: string; token: string }>(`/api/workshops/${s.w.id}/tokens`, {
      token: s.w.facilitatorToken,
      body: { role: "partner", organisation: "Housing" },
    });
    const revoke = await call(`/api/tokens/${minted.body.id}`, { token: s.w.facilitatorToken, method: "DELETE" });
    expect(revoke.status).toBe(200);
    const res = await call(`/api/commitments/${housing}/updates`, { token: minted.body.token, body: { note: "x" } });
    expect(res.status).toBe(401);
  });
});

describe("GET /api/partner", () => {
  it("is for partner links only", async () => {
    for (const token of [s.w.facilitatorToken, s.w.evaluatorToken, s.people[0]!.token, ORGANISER]) {
      expect((await call("/api/partner", { token })).status).toBe(403);
    }
    expect((await call("/api/partner")).status).toBe(401);
  });
});

describe("the public follow-up", () => {
  it("counts wrong codes against the caller's address like the join page", async () => {
    const ip = freshIp();
    for (let i = 0; i < 40; i++) {
      expect((await call(`/api/followup/ZZZZ${"23456789ABCDEFGH"[i % 16]}${"23456789"[i % 8]}`, { ip })).status).toBe(
        404,
      );
    }
    expect((await call(`/api/followup/${s.w.joinCode}`, { ip })).status).toBe(429);
    expect((await call(`/f/${s.w.joinCode}/feed.xml`, { ip })).status).toBe(429);
  });

  it("answers odd and oversized codes with 404 and no method but GET", async () => {
    expect((await call(`/api/followup/${"A".repeat(300)}`)).status).toBe(404);
    expect((await call(`/f/${encodeURIComponent("<x>")}/feed.xml`)).status).toBe(404);
    expect((await call(`/api/followup/${s.w.joinCode}`, { body: { extra: 1 } })).status).toBe(404);
  });
});
