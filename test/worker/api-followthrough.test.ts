/**
 * Follow-through by origin (#15) for a hand-built programme, and commitments in the
 * workshop report and the `table=commitments` export.
 */
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { call, json, ORGANISER } from "./api-client";
import { codeliverySession } from "./support/codelivery";

async function commit(workshopId: string, token: string, from: Record<string, string>[], title = "A commitment") {
  const res = await json<{ id: string }>(`/api/workshops/${workshopId}/commitments`, {
    token,
    body: { title, owner: { organisation: "NHS Trust" }, from },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function update(id: string, token: string, status: string) {
  const res = await json(`/api/commitments/${id}/updates`, { token, body: { status, note: `Now ${status}` } });
  expect(res.status).toBe(201);
}

describe("followThrough by origin group", () => {
  it("counts the top priorities each group raised, got a commitment for, and saw done", async () => {
    const programme = await json<{ id: string }>("/api/programmes", { token: ORGANISER, body: { title: "GP access" } });
    // Each workshop's top 3: bus (community), meds (statutory + merged community card), typed (no origin).
    const a = await codeliverySession({ programmeId: programme.body.id });
    const b = await codeliverySession({ programmeId: programme.body.id });
    const fa = a.w.facilitatorToken;
    const fb = b.w.facilitatorToken;

    const busA = await commit(a.w.id, fa, [{ activityId: a.ids.vote, optionId: a.ids.bus }]);
    await update(busA, fa, "done");
    const medsA = await commit(a.w.id, fa, [{ activityId: a.ids.vote, optionId: a.ids.meds }]);
    await update(medsA, fa, "in_progress");
    // A commitment answering the card behind an option answers the option too.
    const medsB = await commit(b.w.id, fb, [{ cardId: b.ids.meds }]);
    await update(medsB, fb, "done");
    const typedB = await commit(b.w.id, fb, [{ activityId: b.ids.vote, optionId: "typed" }]);
    await update(typedB, fb, "not_doing");
    // A card that was not a top priority changes nothing.
    await commit(b.w.id, fb, [{ cardId: b.ids.lonely }]);

    const view = await json<{
      followThrough: Record<string, unknown>;
      workshops: { id: string; commitments: Record<string, number> }[];
    }>(`/api/programmes/${programme.body.id}`, { token: ORGANISER });
    expect(view.status).toBe(200);
    expect(view.body.followThrough).toEqual({
      topN: 3,
      byGroup: {
        community: { raised: 4, committed: 3, done: 2 },
        statutory: { raised: 2, committed: 2, done: 1 },
      },
      unattributed: { raised: 2, committed: 1, done: 0 },
      total: { raised: 6, committed: 4, done: 2 },
    });
    const byId = new Map(view.body.workshops.map((w) => [w.id, w.commitments]));
    expect(byId.get(a.w.id)).toEqual({ total: 2, planned: 0, inProgress: 1, done: 1, notDoing: 0, overdue: 0 });
    expect(byId.get(b.w.id)).toEqual({ total: 3, planned: 1, inProgress: 0, done: 1, notDoing: 1, overdue: 0 });

    // The workshop report carries its own share.
    const report = await json<{ followThrough: Record<string, unknown>; commitments: unknown[] }>(
      `/api/workshops/${a.w.id}/report`,
      { token: a.w.evaluatorToken },
    );
    expect(report.body.commitments).toHaveLength(2);
    expect(report.body.followThrough).toMatchObject({
      byGroup: { community: { raised: 2, committed: 2, done: 1 }, statutory: { raised: 1, committed: 1, done: 0 } },
    });
  });
});

describe("export table=commitments", () => {
  it("has one row per commitment with answers, origin groups and the dated history", async () => {
    const s = await codeliverySession();
    const id = await commit(
      s.w.id,
      s.w.facilitatorToken,
      [{ activityId: s.ids.vote, optionId: s.ids.meds }],
      '=HYPERLINK("http://evil.example")',
    );
    await update(id, s.w.facilitatorToken, "in_progress");
    const res = await call(`/api/workshops/${s.w.id}/export?format=csv&table=commitments`, {
      token: s.w.evaluatorToken,
    });
    expect(res.status).toBe(200);
    const parsed = Papa.parse<Record<string, string>>((await res.text()).replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data).toHaveLength(1);
    const row = parsed.data[0]!;
    expect(row).toMatchObject({
      commitment_id: id,
      organisation: "NHS Trust",
      status: "in_progress",
      answers: "Repeat prescriptions get lost",
      origin_groups: "community; statutory",
      updates: "1",
    });
    // Formula injection is neutralised like every other export.
    expect(row.title?.startsWith("=")).toBe(false);
    expect(row.history).toMatch(/planned 0% \(facilitator\)\n.*in_progress 0% \(facilitator\): Now in_progress/);
    const participant = s.people[0]!;
    const denied = await call(`/api/workshops/${s.w.id}/export?format=csv&table=commitments`, {
      token: participant.token,
    });
    expect(denied.status).toBe(403);
  });
});
