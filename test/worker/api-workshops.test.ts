import { describe, expect, it } from "vitest";
import { publicOrigin } from "../../worker/links";
import { labelled } from "../support/activities";
import { createWorkshop, env, joinWorkshop, json, ORGANISER, sha256Hex } from "./api-client";

describe("POST /api/workshops", () => {
  it("requires the organiser secret", async () => {
    const none = await json("/api/workshops", { body: { title: "No secret" } });
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ error: { code: "unauthorised" } });
    const wrong = await json("/api/workshops", { token: `${ORGANISER}x`, body: { title: "Wrong secret" } });
    expect(wrong.status).toBe(401);
  });

  it("refuses workshop tokens: only the organiser creates workshops", async () => {
    const w = await createWorkshop();
    const res = await json("/api/workshops", { token: w.facilitatorToken, body: { title: "Sneaky" } });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: "forbidden" } });
  });

  it("validates the body and says what is wrong", async () => {
    const missing = await json<{ error: { message: string } }>("/api/workshops", { token: ORGANISER, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain("title");

    const badGroups = await json("/api/workshops", {
      token: ORGANISER,
      body: { title: "Dup groups", stakeholderGroups: ["community", "community"] },
    });
    expect(badGroups.status).toBe(400);

    const badTemplate = await json<{ error: { message: string } }>("/api/workshops", {
      token: ORGANISER,
      body: { title: "T", template: "no-such-template" },
    });
    expect(badTemplate.status).toBe(400);
    expect(badTemplate.body.error.message).toContain("template");

    const badProgramme = await json("/api/workshops", { token: ORGANISER, body: { title: "P", programmeId: "nope" } });
    expect(badProgramme.status).toBe(400);

    const badRetention = await json("/api/workshops", { token: ORGANISER, body: { title: "R", retentionDays: 0 } });
    expect(badRetention.status).toBe(400);
  });

  it("creates a workshop with a join code, three tokens and links with secrets only in the fragment", async () => {
    const w = await createWorkshop({ purpose: "Find what gets in the way of going home" });
    expect(w.id).toMatch(/^[A-Za-z0-9_-]{21}$/);
    expect(w.joinCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    const secrets = [w.facilitatorToken, w.evaluatorToken, w.screenToken];
    for (const t of secrets) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(secrets).size).toBe(3);
    expect(w.links.facilitator).toBe(`https://coproduce.test/facilitate/${w.id}#token=${w.facilitatorToken}`);
    expect(w.links.screen).toBe(`https://coproduce.test/screen/${w.id}#token=${w.screenToken}`);
    expect(w.links.evaluator).toBe(`https://coproduce.test/evaluate/${w.id}#token=${w.evaluatorToken}`);
    expect(w.links.participant).toBe(`https://coproduce.test/j/${w.joinCode}`);

    const row = await env.DB.prepare("SELECT * FROM workshops WHERE id = ?").bind(w.id).first();
    expect(row).toMatchObject({ title: "Rethinking discharge from hospital", join_code: w.joinCode, status: "draft" });
  });

  it("stores tokens only as SHA-256 hashes", async () => {
    const w = await createWorkshop();
    const p = await joinWorkshop(w.joinCode);
    const { results } = await env.DB.prepare("SELECT * FROM tokens WHERE workshop_id = ?").bind(w.id).all();
    expect(results).toHaveLength(4);
    const dump = JSON.stringify(results);
    for (const secret of [w.facilitatorToken, w.evaluatorToken, w.screenToken, p.token]) {
      expect(dump).not.toContain(secret);
      expect(results.map((r) => r.hash)).toContain(await sha256Hex(secret));
    }
    expect(results.map((r) => r.role).sort()).toEqual(["evaluator", "facilitator", "participant", "screen"]);
  });

  it("builds links on PUBLIC_ORIGIN when it is set, else on the request's origin", () => {
    const base = { ...env, PUBLIC_ORIGIN: "" };
    expect(publicOrigin(base, "https://abc.workers.dev/api/workshops")).toBe("https://abc.workers.dev");
    expect(publicOrigin({ ...base, PUBLIC_ORIGIN: "https://coproduce.example.org/" }, "https://x.dev/api")).toBe(
      "https://coproduce.example.org",
    );
  });

  it("applies default groups, or the organiser's own", async () => {
    const w = await createWorkshop({ stakeholderGroups: ["community", { id: "carers", label: "Unpaid carers" }] });
    const info = await json<{ groups: { id: string; label: string }[] }>(`/api/workshops/${w.id}`, {
      token: w.screenToken,
    });
    expect(info.body.groups).toEqual(
      labelled({ community: "Community member / lived experience", carers: "Unpaid carers" }),
    );
  });
});

describe("GET /api/workshops/:id and the organiser's list", () => {
  it("shows public info to any token of that workshop, and no one else", async () => {
    const w = await createWorkshop({ consentText: "We keep cards for a year.", language: "cy", showNames: true });
    const p = await joinWorkshop(w.joinCode);
    for (const token of [w.facilitatorToken, w.screenToken, w.evaluatorToken, p.token]) {
      const { status, body } = await json(`/api/workshops/${w.id}`, { token });
      expect(status).toBe(200);
      expect(body).toMatchObject({
        id: w.id,
        title: "Rethinking discharge from hospital",
        consentText: "We keep cards for a year.",
        language: "cy",
        showNames: true,
        status: "draft",
      });
      expect(JSON.stringify(body)).not.toContain(token);
    }
    const other = await createWorkshop();
    expect((await json(`/api/workshops/${w.id}`, { token: other.facilitatorToken })).status).toBe(403);
    expect((await json(`/api/workshops/${w.id}`)).status).toBe(401);
    expect((await json("/api/workshops/nope", { token: ORGANISER })).status).toBe(404);
  });

  it("lists workshops for the organiser only", async () => {
    const w = await createWorkshop({ title: "Listed one" });
    const list = await json<{ workshops: { id: string; title: string }[] }>("/api/workshops", { token: ORGANISER });
    expect(list.status).toBe(200);
    expect(list.body.workshops.find((x) => x.id === w.id)?.title).toBe("Listed one");
    expect((await json("/api/workshops", { token: w.facilitatorToken })).status).toBe(403);
  });
});

describe("more links and revoking them", () => {
  it("lets a facilitator mint a co-facilitator link, and revoke it", async () => {
    const w = await createWorkshop();
    const minted = await json<{ id: string; token: string; link: string; role: string }>(
      `/api/workshops/${w.id}/tokens`,
      {
        token: w.facilitatorToken,
        body: { role: "facilitator", label: "Co-facilitator" },
      },
    );
    expect(minted.status).toBe(201);
    expect(minted.body.link).toBe(`https://coproduce.test/facilitate/${w.id}#token=${minted.body.token}`);
    expect((await json(`/api/workshops/${w.id}`, { token: minted.body.token })).status).toBe(200);

    const list = await json<{ tokens: { id: string; label: string; revoked: boolean }[] }>(
      `/api/workshops/${w.id}/tokens`,
      { token: w.facilitatorToken },
    );
    expect(list.body.tokens.find((t) => t.id === minted.body.id)).toMatchObject({
      label: "Co-facilitator",
      revoked: false,
    });
    expect(JSON.stringify(list.body)).not.toContain(minted.body.token);

    const revoked = await json(`/api/tokens/${minted.body.id}`, { method: "DELETE", token: w.facilitatorToken });
    expect(revoked.status).toBe(200);
    expect((await json(`/api/workshops/${w.id}`, { token: minted.body.token })).status).toBe(401);
  });

  it("refuses minting by screens, participants and other workshops' facilitators, and minting participant tokens", async () => {
    const w = await createWorkshop();
    const other = await createWorkshop();
    const p = await joinWorkshop(w.joinCode);
    for (const token of [w.screenToken, w.evaluatorToken, p.token, other.facilitatorToken]) {
      const res = await json(`/api/workshops/${w.id}/tokens`, { token, body: { role: "facilitator" } });
      expect(res.status).toBe(403);
    }
    const participant = await json(`/api/workshops/${w.id}/tokens`, {
      token: w.facilitatorToken,
      body: { role: "participant" },
    });
    expect(participant.status).toBe(400);
  });

  it("refuses revoking another workshop's tokens", async () => {
    const w = await createWorkshop();
    const other = await createWorkshop();
    const minted = await json<{ id: string }>(`/api/workshops/${w.id}/tokens`, {
      token: ORGANISER,
      body: { role: "screen" },
    });
    expect(minted.status).toBe(201);
    expect(
      (await json(`/api/tokens/${minted.body.id}`, { method: "DELETE", token: other.facilitatorToken })).status,
    ).toBe(403);
    expect((await json("/api/tokens/nope", { method: "DELETE", token: ORGANISER })).status).toBe(404);
  });
});
