import { describe, expect, it } from "vitest";
import { prepareOp } from "../../party/d1-writes";
import { labelled } from "../support/activities";
import { env, json, ORGANISER } from "./api-client";
import { FORMULA_TEXT, scriptedSession, TRICKY_TEXT } from "./api-session";

// biome-ignore lint/suspicious/noExplicitAny: the report is read as loose JSON and checked field by field
type Loose = any;

describe("GET /api/workshops/:id/report", () => {
  it("summarises a scripted session from D1", async () => {
    const s = await scriptedSession();
    const { status, body, res } = await json<Loose>(`/api/workshops/${s.w.id}/report`, { token: s.w.evaluatorToken });
    expect(status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");

    expect(body.workshop).toMatchObject({ id: s.w.id, title: "Discharge home", status: "closed" });
    expect(body.agenda.map((a: Loose) => [a.id, a.kind, a.durationMs])).toEqual([
      [s.ids.map, "map", 1_200_000],
      [s.ids.vote, "vote", 600_000],
      [s.ids.feedback, "feedback", 300_000],
    ]);
    expect(body.attendance).toEqual({
      joined: 8,
      withdrawn: 0,
      removed: 0,
      byGroup: { community: 4, statutory: 3, voluntary: 1 },
      phones: 8,
      paper: 0,
      kiosk: 0,
      summary: "8 on phones, 0 on paper",
      headCounts: [],
      presentByGroup: { community: 4, statutory: 3, voluntary: 1 },
    });

    const [map, vote, feedback] = body.activities;
    expect(map.map.cards.map((c: Loose) => c.id)).toEqual([s.ids.ramp, s.ids.tricky, s.ids.formula, s.ids.minus]);
    expect(map.map.hiddenCount).toBe(1);
    expect(map.map.cardsByGroup).toEqual({ community: 2, statutory: 1, voluntary: 1 });
    expect(map.map.links).toEqual([
      { id: expect.stringMatching(/^l1-/), from: s.ids.ramp, to: s.ids.tricky, label: "causes" },
    ]);
    expect(map.map.cards[0].comments).toEqual([
      { text: "Same for me, twice", group: "community", author: s.community[3]!.name, createdAt: s.t0 + 6000 },
    ]);
    expect(map.map.cards[1].text).toBe(TRICKY_TEXT);
    expect(map.map.cards[3].author).toBe("Ana");

    expect(vote.vote.revealed).toBe(true);
    expect(vote.vote.result.voters).toBe(7);
    expect(vote.vote.result.totals).toEqual({ ramp: 11, meds: 14, call: 10 });
    expect(vote.vote.result.ranking).toEqual(["meds", "ramp", "call"]);
    // The lone voluntary-sector voter is merged into "other"; "other" is still under 3, so the smallest
    // group shown (community and statutory tie at 3; by name) joins it (party/model/tally.ts).
    expect(vote.vote.result.byGroup).toEqual({
      other: { voters: 4, totals: { ramp: 10, meds: 2, call: 8 }, mergedFrom: ["community", "voluntary"] },
      statutory: { voters: 3, totals: { ramp: 1, meds: 12, call: 2 } },
    });
    expect(vote.vote.result.mergedGroups).toEqual(["community", "voluntary"]);
    expect(vote.vote.result.suppressed).toBe(0);
    expect(vote.vote.result.turnout).toEqual({ community: 3, statutory: 3, voluntary: 1 });

    const heard = feedback.feedback.items[0];
    expect(feedback.feedback.respondents).toBe(7);
    expect(heard.overall).toEqual({ n: 7, mean: 3.43, distribution: { 1: 1, 2: 1, 3: 1, 4: 2, 5: 2 } });
    // Feedback breakdowns merge small groups by the same rule as votes.
    expect(feedback.feedback.mergedGroups).toEqual(["community", "voluntary"]);
    expect(feedback.feedback.mergedFrom).toEqual(["community", "voluntary"]);
    expect(heard.byGroup.other).toMatchObject({ n: 4, mean: 3.75 });
    expect(heard.byGroup.statutory).toMatchObject({ n: 3, mean: 3 });
    expect(Object.keys(heard.byGroup)).toEqual(["other", "statutory"]);
    expect(feedback.feedback.items[1].answers).toEqual([
      { group: "other", text: "More time, please" },
      { group: "other", text: "Only I know this" },
      { group: "statutory", text: "=cmd|' /C calc'!A0" },
    ]);

    // Hidden cards do not count; every card, comment and ballot of a participant does.
    expect(body.balanceOfVoice.totals).toEqual({
      present: 8,
      cards: 4,
      supports: 0,
      comments: 1,
      ballots: 7,
      contributions: 12,
    });
    // Balance of voice folds small groups by the same rule: the lone voluntary-sector person makes
    // "other" 1, so the smallest shown group (statutory, 3) joins it; the row names both.
    const voice = Object.fromEntries(body.balanceOfVoice.groups.map((g: Loose) => [g.group, g.contributions]));
    expect(voice).toEqual({ community: 6, other: 6 });
    expect(body.balanceOfVoice.groups[1].mergedFrom).toEqual(["statutory", "voluntary"]);
    expect(body.timeline.map((e: Loose) => e.command)).toEqual([
      "workshop.init",
      "activity.open",
      "card.add",
      "card.add",
      "card.hide",
    ]);
    expect(body.timeline[4]).toEqual({
      seq: 104,
      at: s.t0 + 4500,
      role: "facilitator",
      group: "",
      command: "card.hide",
      cardId: s.ids.hidden,
    });

    const text = JSON.stringify(body);
    expect(text).not.toContain("John Smith");
    expect(text).toContain(FORMULA_TEXT.slice(0, 10));
    for (const secret of [s.w.facilitatorToken, s.w.evaluatorToken, s.w.screenToken, ...s.people.map((p) => p.token)]) {
      expect(text).not.toContain(secret);
    }
  });

  it("carries each vote's unit and the workshop's currency, so a budget in money reads as money", async () => {
    const s = await scriptedSession({ currency: "EUR" });
    const budgetId = `budget-${s.ids.vote}`;
    const config = {
      method: "budget",
      budget: 1000,
      // as written before the workshop had a currency: read as money
      currency: "GBP",
      options: labelled({ ramp: "Transport ramp", call: "Follow-up call" }),
    };
    await prepareOp(env.DB, {
      op: "activity",
      values: {
        id: budgetId,
        workshopId: s.w.id,
        kind: "vote",
        title: "Spend",
        config: JSON.stringify(config),
        position: 3,
        status: "closed",
        openedAt: s.t0,
        closedAt: s.t0 + 1000,
        plannedMinutes: null,
      },
    }).run();
    for (const [by, ramp] of [
      [s.community[0]!, 700],
      [s.statutory[0]!, 400],
    ] as const) {
      const ballot = JSON.stringify({ allocations: { ramp, call: 1000 - ramp } });
      await prepareOp(env.DB, {
        op: "ballot",
        values: {
          workshopId: s.w.id,
          activityId: budgetId,
          participantId: by.participantId,
          group: by.group,
          ballot,
          updatedAt: s.t0 + 500,
        },
      }).run();
    }

    const { body } = await json<Loose>(`/api/workshops/${s.w.id}/report`, { token: s.w.evaluatorToken });
    const section = (id: string) => body.activities.find((a: Loose) => a.activityId === id);
    expect(body.workshop.currency).toBe("EUR");
    expect(section(s.ids.vote).vote.currency).toBe("points");
    expect(section(budgetId).vote).toMatchObject({
      method: "budget",
      currency: "money",
      result: { voters: 2, totals: { ramp: 1100, call: 900 } },
    });
  });

  it("is for evaluators, facilitators and the organiser; 403 for participants and screens", async () => {
    const s = await scriptedSession();
    const path = `/api/workshops/${s.w.id}/report`;
    for (const token of [s.w.evaluatorToken, s.w.facilitatorToken, ORGANISER]) {
      expect((await json(path, { token })).status).toBe(200);
    }
    for (const token of [s.w.screenToken, s.people[0]!.token]) {
      const res = await json(path, { token });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { code: "forbidden" } });
    }
    expect((await json(path)).status).toBe(401);
    expect((await json("/api/workshops/nope/report", { token: ORGANISER })).status).toBe(404);
  });
});

describe("programmes", () => {
  it("gives a programme evaluator every workshop of the programme, and nothing else", async () => {
    const created = await json<{ id: string; evaluatorToken: string; links: { evaluator: string } }>(
      "/api/programmes",
      {
        token: ORGANISER,
        body: { title: "Better discharge 2026" },
      },
    );
    expect(created.status).toBe(201);
    const programme = created.body;
    expect(programme.links.evaluator).toBe(
      `https://coproduce.test/programme/${programme.id}#token=${programme.evaluatorToken}`,
    );
    const s = await scriptedSession({ programmeId: programme.id });
    const outsider = await scriptedSession();
    const listed = await json<{ programmes: { id: string }[] }>("/api/programmes", { token: ORGANISER });
    expect(listed.body.programmes.map((p) => p.id)).toContain(programme.id);
    const inProgramme = await json<{ workshops: { id: string }[] }>(`/api/workshops?programmeId=${programme.id}`, {
      token: ORGANISER,
    });
    expect(inProgramme.body.workshops.map((x) => x.id)).toEqual([s.w.id]);

    const view = await json<Loose>(`/api/programmes/${programme.id}`, { token: programme.evaluatorToken });
    expect(view.status).toBe(200);
    expect(view.body.title).toBe("Better discharge 2026");
    expect(view.body.workshops).toHaveLength(1);
    const [only] = view.body.workshops;
    expect(only).toMatchObject({ id: s.w.id, attendance: { joined: 8 } });
    expect(only.priorities).toEqual([
      {
        activityId: s.ids.vote,
        title: "Priorities",
        method: "dots",
        voters: 7,
        top: labelled({ meds: "Medicines ready", ramp: "Transport ramp", call: "Follow-up call" }),
      },
    ]);
    expect(only.feedback.respondents).toBe(7);

    expect((await json(`/api/workshops/${s.w.id}/report`, { token: programme.evaluatorToken })).status).toBe(200);
    expect((await json(`/api/workshops/${outsider.w.id}/report`, { token: programme.evaluatorToken })).status).toBe(
      403,
    );
    expect((await json(`/api/programmes/${programme.id}`, { token: s.w.evaluatorToken })).status).toBe(403);
  });
});
