/**
 * Commitments (#15): made from a revealed vote and from cards, they keep the link to
 * the options and the stakeholder groups those came from; their history is dated and
 * append-only; partner links update their own organisation's commitments only.
 */
import { describe, expect, it } from "vitest";
import type { CommitmentView } from "../../party/model/commitments";
import { env, json, ORGANISER } from "./api-client";
import { codeliverySession } from "./support/codelivery";

interface Listed {
  commitments: CommitmentView[];
}

async function commit(workshopId: string, token: string, body: Record<string, unknown>) {
  const res = await json<{ id: string }>(`/api/workshops/${workshopId}/commitments`, { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/** The workshop's facilitator commits `organisation` to `title` (with any further fields in `more`). */
function facilitatorCommits(
  s: { w: { id: string; facilitatorToken: string } },
  title: string,
  organisation: string,
  more: Record<string, unknown> = {},
) {
  return commit(s.w.id, s.w.facilitatorToken, { title, owner: { organisation }, ...more });
}

async function list(workshopId: string, token: string) {
  const res = await json<Listed>(`/api/workshops/${workshopId}/commitments`, { token });
  expect(res.status).toBe(200);
  return res.body.commitments;
}

async function partnerLink(workshopId: string, token: string, organisation: string) {
  const res = await json<{ token: string; link: string; role: string; organisation: string }>(
    `/api/workshops/${workshopId}/tokens`,
    { token, body: { role: "partner", organisation } },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe("commitments from a revealed vote", () => {
  it("keep the link to the options and their origin groups", async () => {
    const s = await codeliverySession();
    const id = await commit(s.w.id, s.w.facilitatorToken, {
      title: "Evening bus trial",
      description: "Route 12 runs until 9pm for six months",
      owner: { organisation: "County Transport" },
      due: "2027-03-31",
      from: [
        { activityId: s.ids.vote, optionId: s.ids.bus },
        { activityId: s.ids.vote, optionId: s.ids.meds },
        { activityId: s.ids.vote, optionId: "typed" },
        { cardId: s.ids.lonely },
      ],
    });
    const [c] = await list(s.w.id, s.w.evaluatorToken);
    expect(c).toMatchObject({
      id,
      title: "Evening bus trial",
      owner: { organisation: "County Transport" },
      due: "2027-03-31",
      status: "planned",
      progress: 0,
      overdue: false,
    });
    expect(c?.from).toEqual([
      {
        kind: "option",
        activityId: s.ids.vote,
        optionId: s.ids.bus,
        label: "No bus after six",
        originGroups: ["community"],
      },
      // The merged pharmacy card (community) stays part of the option's origin.
      {
        kind: "option",
        activityId: s.ids.vote,
        optionId: s.ids.meds,
        label: "Repeat prescriptions get lost",
        originGroups: ["community", "statutory"],
      },
      { kind: "option", activityId: s.ids.vote, optionId: "typed", label: "Longer opening hours", originGroups: [] },
      {
        kind: "card",
        activityId: s.ids.map,
        cardId: s.ids.lonely,
        label: "Nobody to go with",
        originGroups: ["voluntary"],
      },
    ]);
    expect(c?.history).toEqual([
      expect.objectContaining({
        kind: "created",
        status: "planned",
        progress: 0,
        by: { role: "facilitator", organisation: null },
      }),
    ]);
    // The origin groups are kept in D1 with the commitment.
    const row = await env.DB.prepare(
      "SELECT origin_groups FROM commitment_sources WHERE commitment_id = ? AND option_id = ?",
    )
      .bind(id, s.ids.meds)
      .first<{ origin_groups: string }>();
    expect(JSON.parse(row?.origin_groups ?? "null")).toEqual(["community", "statutory"]);
  });

  it("refuse options and cards that are not the workshop's, and hidden cards", async () => {
    const s = await codeliverySession();
    const other = await codeliverySession();
    const tries = [
      { activityId: s.ids.vote, optionId: "nope" },
      { activityId: other.ids.vote, optionId: other.ids.bus },
      { activityId: s.ids.map, optionId: s.ids.bus },
      { cardId: other.ids.bus },
      { cardId: s.ids.hidden },
    ];
    for (const source of tries) {
      const res = await json(`/api/workshops/${s.w.id}/commitments`, {
        token: s.w.facilitatorToken,
        body: { title: "x", owner: { organisation: "A" }, from: [source] },
      });
      expect(res.status, JSON.stringify(source)).toBe(400);
      expect(res.body).toMatchObject({ error: { code: "bad_request", message: expect.stringMatching(/^from\.0/) } });
    }
    expect(await list(s.w.id, s.w.facilitatorToken)).toEqual([]);
  });

  it("may be made by the organiser but not by evaluators, screens or participants", async () => {
    const s = await codeliverySession();
    const body = { title: "Pharmacy stock check", owner: { organisation: "NHS Trust" } };
    await commit(s.w.id, ORGANISER, body);
    for (const token of [s.w.evaluatorToken, s.w.screenToken, s.people[0]!.token]) {
      const res = await json(`/api/workshops/${s.w.id}/commitments`, { token, body });
      expect(res.status).toBe(403);
    }
    expect((await list(s.w.id, ORGANISER)).map((c) => c.history[0]?.by.role)).toEqual(["organiser"]);
  });
});

describe("updates", () => {
  it("append a dated history that is never rewritten", async () => {
    const s = await codeliverySession();
    const id = await facilitatorCommits(s, "Evening bus trial", "County Transport", {
      from: [{ activityId: s.ids.vote, optionId: s.ids.bus }],
    });
    const post = (body: Record<string, unknown>, token = s.w.facilitatorToken) =>
      json<{ id: string; status: string; progress: number; at: number }>(`/api/commitments/${id}/updates`, {
        token,
        body,
      });
    const first = await post({ status: "in_progress", progress: 40, note: "Timetable agreed" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: "in_progress", progress: 40 });
    const second = await post({ note: "Drivers recruited" });
    expect(second.body).toMatchObject({ status: "in_progress", progress: 40 });
    const done = await post({ status: "done", note: "Running since March" });
    expect(done.body).toMatchObject({ status: "done", progress: 100 });

    const [c] = await list(s.w.id, s.w.facilitatorToken);
    expect(c).toMatchObject({ status: "done", progress: 100 });
    expect(c?.history.map((h) => [h.kind, h.status, h.progress, h.note])).toEqual([
      ["created", "planned", 0, ""],
      ["update", "in_progress", 40, "Timetable agreed"],
      ["update", "in_progress", 40, "Drivers recruited"],
      ["update", "done", 100, "Running since March"],
    ]);
    const ats = c?.history.map((h) => h.at) ?? [];
    expect([...ats].sort((a, b) => a - b)).toEqual(ats);

    // The database itself refuses a rewrite of the history.
    await expect(
      env.DB.prepare("UPDATE commitment_updates SET note = 'nothing happened' WHERE commitment_id = ?").bind(id).run(),
    ).rejects.toThrow(/append-only/);
  });

  it("need a reason to mark a commitment as not being done", async () => {
    const s = await codeliverySession();
    const id = await facilitatorCommits(s, "Ramp", "Council");
    const refused = await json(`/api/commitments/${id}/updates`, {
      token: s.w.facilitatorToken,
      body: { status: "not_doing", note: " " },
    });
    expect(refused.status).toBe(400);
    const ok = await json(`/api/commitments/${id}/updates`, {
      token: s.w.facilitatorToken,
      body: { status: "not_doing", note: "The depot cannot take a bigger bus" },
    });
    expect(ok.status).toBe(201);
    const [c] = await list(s.w.id, s.w.facilitatorToken);
    expect(c).toMatchObject({ status: "not_doing", overdue: false });
    expect(c?.history.at(-1)?.note).toBe("The depot cannot take a bigger bus");
  });

  it("mark commitments past their due date as overdue until done", async () => {
    const s = await codeliverySession();
    await facilitatorCommits(s, "Late", "Council", { due: "2020-01-31" });
    await facilitatorCommits(s, "Later", "Council", { due: "2999-01-31" });
    const rows = await list(s.w.id, s.w.facilitatorToken);
    expect(rows.map((c) => [c.title, c.overdue])).toEqual([
      ["Late", true],
      ["Later", false],
    ]);
  });
});

describe("partner links", () => {
  it("update their own organisation's commitment and get 403 on another's", async () => {
    const s = await codeliverySession();
    const housing = await facilitatorCommits(s, "Repairs within a week", "Council Housing Team");
    const nhs = await facilitatorCommits(s, "Pharmacy stock", "NHS Trust");
    const partner = await partnerLink(s.w.id, s.w.facilitatorToken, "council  housing team");
    expect(partner.link).toMatch(/\/partner#token=/);
    expect(partner.role).toBe("partner");

    const own = await json(`/api/commitments/${housing}/updates`, {
      token: partner.token,
      body: { status: "in_progress", progress: 25, note: "Surveyor booked" },
    });
    expect(own.status).toBe(201);
    const other = await json(`/api/commitments/${nhs}/updates`, {
      token: partner.token,
      body: { status: "done", note: "Not ours to say" },
    });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ error: { code: "forbidden" } });

    const rows = await list(s.w.id, s.w.facilitatorToken);
    expect(rows.find((c) => c.id === housing)?.history.at(-1)).toMatchObject({
      note: "Surveyor booked",
      by: { role: "partner", organisation: "council  housing team" },
    });
    expect(rows.find((c) => c.id === nhs)).toMatchObject({ status: "planned" });
    expect(rows.find((c) => c.id === nhs)?.history).toHaveLength(1);

    // The partner's own page lists only its organisation's commitments.
    const mine = await json<{ organisation: string; workshops: { commitments: CommitmentView[]; followUp: string }[] }>(
      "/api/partner",
      { token: partner.token },
    );
    expect(mine.status).toBe(200);
    expect(mine.body.workshops).toHaveLength(1);
    expect(mine.body.workshops[0]?.commitments.map((c) => c.id)).toEqual([housing]);
    expect(mine.body.workshops[0]?.followUp).toMatch(new RegExp(`/f/${s.w.joinCode}$`));
  });

  it("programme-wide: cover every workshop of the programme and none outside it", async () => {
    const programme = await json<{ id: string }>("/api/programmes", { token: ORGANISER, body: { title: "GP access" } });
    const a = await codeliverySession({ programmeId: programme.body.id });
    const b = await codeliverySession({ programmeId: programme.body.id });
    const outside = await codeliverySession();
    const inA = await facilitatorCommits(a, "A", "NHS Trust");
    const inB = await facilitatorCommits(b, "B", "NHS Trust");
    const out = await facilitatorCommits(outside, "C", "NHS Trust");
    const minted = await json<{ token: string; link: string }>(`/api/programmes/${programme.body.id}/tokens`, {
      token: ORGANISER,
      body: { role: "partner", organisation: "NHS Trust" },
    });
    expect(minted.status).toBe(201);
    const post = (id: string) =>
      json(`/api/commitments/${id}/updates`, { token: minted.body.token, body: { progress: 10, note: "Started" } });
    expect((await post(inA)).status).toBe(201);
    expect((await post(inB)).status).toBe(201);
    expect((await post(out)).status).toBe(403);
    const page = await json<{ scope: string; workshops: { id: string; commitments: { id: string }[] }[] }>(
      "/api/partner",
      { token: minted.body.token },
    );
    expect(page.body.scope).toBe("programme");
    expect(page.body.workshops.flatMap((w) => w.commitments.map((c) => c.id)).sort()).toEqual([inA, inB].sort());
  });
});
