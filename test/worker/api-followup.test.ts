/**
 * The public follow-up (#15): `GET /api/followup/:code` and the Atom feed at
 * `/f/:code/feed.xml` show what was prioritised and by which groups, what was
 * committed, by whom (organisation), statuses and dated updates, with no names,
 * no participant ids and no tokens. The feed is parsed by an XML parser.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { FollowUp } from "../../party/model/commitments";
import { call, json } from "./api-client";
import { type CodeliverySession, codeliverySession } from "./support/codelivery";

async function withCommitments(): Promise<{ s: CodeliverySession; bus: string; meds: string }> {
  const s = await codeliverySession();
  const made = async (body: Record<string, unknown>) => {
    const res = await json<{ id: string }>(`/api/workshops/${s.w.id}/commitments`, {
      token: s.w.facilitatorToken,
      body,
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const bus = await made({
    title: "Evening bus trial",
    description: "Route 12 until 9pm",
    owner: { organisation: "County Transport" },
    due: "2027-03-31",
    from: [{ activityId: s.ids.vote, optionId: s.ids.bus }],
  });
  const meds = await made({
    title: "Repeat prescriptions by text",
    owner: { organisation: "NHS Trust" },
    from: [{ activityId: s.ids.vote, optionId: s.ids.meds }],
  });
  const partner = await json<{ token: string }>(`/api/workshops/${s.w.id}/tokens`, {
    token: s.w.facilitatorToken,
    body: { role: "partner", organisation: "County Transport", label: "Transport lead" },
  });
  const update = await json(`/api/commitments/${bus}/updates`, {
    token: partner.body.token,
    body: { status: "in_progress", progress: 50, note: "Timetable agreed <with> drivers & unions" },
  });
  expect(update.status).toBe(201);
  return { s, bus, meds };
}

/** Everything that identifies a person or opens a door: none of it may be public. */
async function secretsOf(s: CodeliverySession): Promise<string[]> {
  const { env } = await import("./api-client");
  const people = await env.DB.prepare("SELECT id, name FROM participants WHERE workshop_id = ?")
    .bind(s.w.id)
    .all<{ id: string; name: string }>();
  const tokens = await env.DB.prepare("SELECT id, hash FROM tokens WHERE workshop_id = ?")
    .bind(s.w.id)
    .all<{ id: string; hash: string }>();
  return [
    ...people.results.flatMap((p) => [p.id, p.name]),
    ...tokens.results.flatMap((t) => [t.id, t.hash]),
    s.w.id,
    s.w.facilitatorToken,
    s.w.evaluatorToken,
    "Zofia Secretname",
    "Dr Secretname",
    "Transport lead",
  ];
}

describe("GET /api/followup/:code", () => {
  it("shows priorities by group, commitments, statuses and dated updates, without names or ids", async () => {
    const { s, bus, meds } = await withCommitments();
    const res = await json<FollowUp>(`/api/followup/${s.w.joinCode.toLowerCase()}`);
    expect(res.status).toBe(200);
    const view = res.body;
    expect(view.workshop).toMatchObject({ title: "Getting to the GP", status: "closed" });
    const [vote] = view.priorities;
    expect(vote?.title).toBe("Top priorities");
    expect(vote?.top.map((p) => [p.label, p.rank, p.score, p.originGroups, p.supportedBy, p.commitments])).toEqual([
      ["No bus after six", 1, 9, ["community"], ["community"], [bus]],
      ["Repeat prescriptions get lost", 2, 8, ["community", "statutory"], ["community", "statutory"], [meds]],
      ["Longer opening hours", 3, 1, [], ["community"], []],
    ]);
    const busView = view.commitments.find((c) => c.id === bus);
    expect(busView).toMatchObject({
      owner: { organisation: "County Transport" },
      status: "in_progress",
      progress: 50,
      due: "2027-03-31",
    });
    expect(busView?.history.map((h) => [h.status, h.note, h.by])).toEqual([
      ["planned", "", { role: "facilitator", organisation: null }],
      [
        "in_progress",
        "Timetable agreed <with> drivers & unions",
        { role: "partner", organisation: "County Transport" },
      ],
    ]);
    for (const h of busView?.history ?? []) expect(h.at).toBeGreaterThan(Date.UTC(2026, 0, 1));

    const text = JSON.stringify(view);
    for (const secret of await secretsOf(s)) expect(text).not.toContain(secret);
  });

  it("keeps working after the close, and a wrong code is 404", async () => {
    const s = await codeliverySession();
    expect((await call(`/api/join/${s.w.joinCode}`, { body: { group: "community", consent: true } })).status).toBe(409);
    expect((await call(`/api/followup/${s.w.joinCode}`)).status).toBe(200);
    const wrong = await json("/api/followup/ZZZZZ2");
    expect(wrong.status).toBe(404);
    expect(wrong.body).toMatchObject({ error: { code: "not_found" } });
  });

  it("shows no priorities from a vote whose results were never revealed", async () => {
    const s = await codeliverySession({}, { reveal: false });
    const res = await json<FollowUp>(`/api/followup/${s.w.joinCode}`);
    expect(res.body.priorities).toEqual([]);
  });
});

describe("GET /f/:code/feed.xml", () => {
  it("is valid Atom with one dated entry per commitment event, without names or ids", async () => {
    const { s } = await withCommitments();
    const res = await call(`/f/${s.w.joinCode}/feed.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/atom\+xml/);
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === "entry" || name === "link",
    }).parse(xml);
    const feed = parsed.feed;
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.title).toBe("Updates: Getting to the GP");
    expect(typeof feed.id).toBe("string");
    expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
    expect(feed.link.map((l: Record<string, string>) => l["@_rel"]).sort()).toEqual(["alternate", "self"]);
    const entries = feed.entry as Record<string, unknown>[];
    // Two commitments made, one update: three entries, newest first, each with a unique id and a date.
    expect(entries).toHaveLength(3);
    expect(entries[0]?.title).toBe("County Transport: Evening bus trial (In progress, 50%)");
    const content = (entries[0]?.content ?? {}) as Record<string, string>;
    expect(content["@_type"]).toBe("text");
    expect(String(content["#text"])).toContain("Timetable agreed <with> drivers & unions");
    expect(entries.map((e) => e.title)).toEqual(
      expect.arrayContaining([
        "County Transport committed: Evening bus trial",
        "NHS Trust committed: Repeat prescriptions by text",
      ]),
    );
    const dates = entries.map((e) => Date.parse(String(e.updated)));
    expect(dates.every((d) => !Number.isNaN(d))).toBe(true);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(new Set(entries.map((e) => e.id)).size).toBe(3);
    for (const secret of await secretsOf(s)) expect(xml).not.toContain(secret);
  });

  it("speaks the language asked for", async () => {
    const { s } = await withCommitments();
    const xml = await (await call(`/f/${s.w.joinCode}/feed.xml?lang=pl`)).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed["@_xml:lang"]).toBe("pl");
    expect(feed.title).toBe("Aktualizacje: Getting to the GP");
    expect(xml).toContain("W toku, 50%");
  });
});
