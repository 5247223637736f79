/**
 * session (#19): the organise page keeps each workshop's links (shown again, derived from
 * the organiser secret, only hashes stored), "Make new links" replaces links instead of
 * multiplying them, and programmes are filled workshop by workshop.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { tokenInLink } from "../support/links";
import { call, createWorkshop, json, ORGANISER, sha256Hex } from "./api-client";

type Shown = { id: string; role: string; label: string; table?: string; link: string | null };
type LinksView = { workshopId: string; joinCode: string; participant: string; links: Shown[]; replaced?: string[] };

const links = (id: string) => json<LinksView>(`/api/workshops/${id}/links`, { token: ORGANISER });
const renew = (id: string, replace: string[]) =>
  json<LinksView>(`/api/workshops/${id}/links/renew`, { token: ORGANISER, body: { replace } });
const tickets = (token: string) => call("/api/tickets", { method: "POST", token, body: {} });

async function tokenCounts(workshopId: string) {
  const row = await env.DB.prepare(
    `SELECT COUNT(*) AS total, SUM(revoked_at IS NULL) AS live FROM tokens
     WHERE workshop_id = ? AND role IN ('facilitator', 'screen', 'evaluator')`,
  )
    .bind(workshopId)
    .first<{ total: number; live: number }>();
  return { total: row?.total ?? 0, live: row?.live ?? 0 };
}

describe("a workshop's links, kept for the organiser", () => {
  it("shows the links made at creation again, and a host link minted later", async () => {
    const w = await createWorkshop({ tables: 2 });
    const { status, body } = await links(w.id);
    expect(status).toBe(200);
    expect(body.participant).toMatch(new RegExp(`/j/${w.joinCode}$`));
    const byRole = Object.fromEntries(body.links.map((l) => [l.role, l.link]));
    expect(byRole).toEqual({
      facilitator: w.links.facilitator,
      screen: w.links.screen,
      evaluator: w.links.evaluator,
    });
    // Only the hash is stored: the secret is nowhere in D1.
    const stored = await env.DB.prepare("SELECT * FROM tokens WHERE workshop_id = ?").bind(w.id).all();
    expect(JSON.stringify(stored.results)).not.toContain(w.facilitatorToken);
    expect(stored.results.map((r) => r.hash)).toContain(await sha256Hex(w.facilitatorToken));

    const host = await json<{ id: string; link: string }>(`/api/workshops/${w.id}/tokens`, {
      token: w.facilitatorToken,
      body: { role: "host", table: "t1" },
    });
    expect(host.status).toBe(201);
    const again = await links(w.id);
    expect(again.body.links.find((l) => l.id === host.body.id)).toMatchObject({
      role: "host",
      table: "t1",
      link: host.body.link,
    });
  });

  it("says a link made before links were derived cannot be shown, but lists it", async () => {
    const w = await createWorkshop();
    await env.DB.prepare(
      "INSERT INTO tokens (hash, id, workshop_id, role, label, created_at) VALUES (?, ?, ?, 'screen', 'Old screen', ?)",
    )
      .bind(await sha256Hex(`random-${w.id}`), `old-${w.id}`, w.id, Date.now())
      .run();
    const { body } = await links(w.id);
    expect(body.links.find((l) => l.id === `old-${w.id}`)).toMatchObject({ role: "screen", link: null });
  });
});

describe("making new links", () => {
  it("replaces the named links: the old ones stop working, and tokens never multiply", async () => {
    const w = await createWorkshop();
    const before = (await links(w.id)).body.links;
    expect(await tokenCounts(w.id)).toEqual({ total: 3, live: 3 });

    const { status, body } = await renew(
      w.id,
      before.map((l) => l.id),
    );
    expect(status).toBe(200);
    expect(body.replaced).toEqual(before.map((l) => l.id));
    expect(body.links.map((l) => l.role).sort()).toEqual(["evaluator", "facilitator", "screen"]);
    for (const l of body.links) expect(before.map((b) => b.link)).not.toContain(l.link);
    expect(await tokenCounts(w.id)).toEqual({ total: 6, live: 3 });
    // Old links are refused; the new ones work.
    expect((await tickets(w.facilitatorToken)).status).toBe(401);
    const facilitator = body.links.find((l) => l.role === "facilitator")?.link ?? "";
    expect((await tickets(tokenInLink(facilitator))).status).toBe(200);

    // The same request again (a double click, a replay) mints nothing.
    const replay = await renew(
      w.id,
      before.map((l) => l.id),
    );
    expect(replay.status).toBe(409);
    expect(await tokenCounts(w.id)).toEqual({ total: 6, live: 3 });
  });

  it("lets only one of two simultaneous requests replace a link", async () => {
    const w = await createWorkshop();
    const screen = (await links(w.id)).body.links.find((l) => l.role === "screen")?.id ?? "";
    const outcomes = await Promise.all([renew(w.id, [screen]), renew(w.id, [screen])]);
    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 409]);
    expect(await tokenCounts(w.id)).toEqual({ total: 4, live: 3 });
  });
});

describe("filling a programme", () => {
  it("adds and removes workshops, and the programme evaluator's reach follows", async () => {
    const created = await json<{ id: string; links: { evaluator: string } }>("/api/programmes", {
      token: ORGANISER,
      body: { title: "Healthy towns 2027" },
    });
    const programmeId = created.body.id;
    const evaluator = tokenInLink(created.body.links.evaluator);
    const a = await createWorkshop({ title: "Town A" });
    const b = await createWorkshop({ title: "Town B" });
    const put = (wid: string) =>
      call(`/api/programmes/${programmeId}/workshops/${wid}`, { method: "PUT", token: ORGANISER });

    expect((await put(a.id)).status).toBe(200);
    expect((await put(b.id)).status).toBe(200);
    // Putting it again changes nothing.
    const again = await put(a.id);
    expect(await again.json()).toMatchObject({ moved: false });
    const listed = await json<{ workshops: { id: string }[] }>(`/api/workshops?programmeId=${programmeId}`, {
      token: ORGANISER,
    });
    expect(listed.body.workshops.map((w) => w.id).sort()).toEqual([a.id, b.id].sort());
    expect((await call(`/api/workshops/${a.id}/report`, { token: evaluator })).status).toBe(200);

    const removed = await call(`/api/programmes/${programmeId}/workshops/${a.id}`, {
      method: "DELETE",
      token: ORGANISER,
    });
    expect(removed.status).toBe(200);
    expect((await call(`/api/workshops/${a.id}/report`, { token: evaluator })).status).toBe(403);
    expect((await call(`/api/workshops/${b.id}/report`, { token: evaluator })).status).toBe(200);
    // Removing it twice: it is not in the programme any more.
    const twice = await call(`/api/programmes/${programmeId}/workshops/${a.id}`, {
      method: "DELETE",
      token: ORGANISER,
    });
    expect(twice.status).toBe(404);

    // The programme's evaluator link is kept too.
    const shown = await json<{ links: Shown[] }>(`/api/programmes/${programmeId}/links`, { token: ORGANISER });
    expect(shown.body.links.map((l) => l.link)).toEqual([created.body.links.evaluator]);
  });
});
