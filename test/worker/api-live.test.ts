/**
 * The whole path a phone takes, through the Worker: join → ticket → WebSocket
 * handoff → command in the room → outbox → D1 → the evaluator's report.
 */
import { getServerByName } from "partyserver";
import { describe, expect, it } from "vitest";
import { BARRIER_KINDS, BARRIER_LANES, mapConfig, voteConfig } from "../support/activities";
import { createWorkshop, env, joinWorkshop, json } from "./api-client";
import { connectThroughWorker, eventually, workshopWithFacilitator } from "./support/through-worker";

describe("a live session through the Worker", () => {
  it("carries a participant's card from the phone to the evaluator's report", async () => {
    const w = await createWorkshop();
    const p = await joinWorkshop(w.joinCode, { group: "community", name: "Ruth" });
    const facilitator = await connectThroughWorker(w.id, w.facilitatorToken);
    const activityId = await facilitator.addActivity("map", "Getting home", mapConfig(BARRIER_LANES, BARRIER_KINDS));
    expect((await facilitator.command("activity.open", { activityId })).ok).toBe(true);

    const phone = await connectThroughWorker(w.id, p.token);
    const card = await phone.command("card.add", { activityId, lane: "day", kind: "barrier", text: "Nobody told me" });
    expect(card.ok).toBe(true);
    // A participant cannot run facilitator commands: the room trusts the actor the Worker set.
    const refused = await phone.command("activity.close", { activityId });
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden" } });

    const report = await eventually(async () => {
      const r = await json<{ activities: { map?: { cards: { text: string; author: string; group: string }[] } }[] }>(
        `/api/workshops/${w.id}/report`,
        { token: w.evaluatorToken },
      );
      return r.body.activities[0]?.map?.cards.length ? r.body : undefined;
    }, "the card to reach D1");
    expect(report.activities[0]?.map?.cards).toEqual([
      expect.objectContaining({ text: "Nobody told me", author: "Ruth", group: "community" }),
    ]);
    facilitator.ws.close(1000, "done");
    phone.ws.close(1000, "done");
  });

  it("carries ballots to the report's results by group, and a closed workshop turns joiners away", async () => {
    const { w, facilitator } = await workshopWithFacilitator();
    const activityId = await facilitator.addActivity(
      "vote",
      "What first?",
      voteConfig("dots", { ramp: "Transport ramp", meds: "Medicines ready" }, { dots: 3, maxPerOption: 3 }),
    );
    expect((await facilitator.command("activity.open", { activityId })).ok).toBe(true);

    const voters = [
      ["community", { ramp: 3 }],
      ["community", { ramp: 2, meds: 1 }],
      ["community", { ramp: 3 }],
      ["statutory", { meds: 3 }],
      ["statutory", { meds: 2, ramp: 1 }],
      ["statutory", { meds: 3 }],
    ] as const;
    const phones = [];
    for (const [group, allocations] of voters) {
      const p = await joinWorkshop(w.joinCode, { group });
      const phone = await connectThroughWorker(w.id, p.token);
      phones.push(phone);
      const ack = await phone.command("ballot.submit", { activityId, ballot: { allocations } });
      expect(ack).toMatchObject({ ok: true });
    }
    expect((await facilitator.command("results.reveal", { activityId })).ok).toBe(true);
    expect((await facilitator.command("workshop.close", {})).ok).toBe(true);

    type VoteReport = { vote?: { revealed: boolean; result: { voters: number; totals: Record<string, number> } } };
    const report = await eventually(async () => {
      const r = await json<{ workshop: { status: string }; activities: VoteReport[] }>(
        `/api/workshops/${w.id}/report`,
        {
          token: w.evaluatorToken,
        },
      );
      const vote = r.body.activities[0]?.vote;
      return vote?.revealed && vote.result.voters === 6 && r.body.workshop.status === "closed" ? r.body : undefined;
    }, "the ballots and the closing to reach D1");
    const result = report.activities[0]?.vote?.result as Record<string, unknown>;
    expect(result.totals).toEqual({ ramp: 9, meds: 9 });
    expect(result.byGroup).toEqual({
      community: { voters: 3, totals: { ramp: 8, meds: 1 } },
      statutory: { voters: 3, totals: { ramp: 1, meds: 8 } },
    });

    const late = await json(`/api/join/${w.joinCode}`, { body: { group: "community", consent: true } });
    expect(late.status).toBe(409);
    for (const phone of [facilitator, ...phones]) phone.ws.close(1000, "done");
  });

  it("sets up the room from a template, and erasing the workshop erases the room", async () => {
    const templates = await json<{ templates: { id: string; title: string }[] }>("/api/templates");
    expect(templates.status).toBe(200);
    expect(templates.body.templates.map((t) => t.id)).toContain("ebcd-journey");

    const w = await createWorkshop({ template: "ebcd-journey" });
    const row = await env.DB.prepare("SELECT template, purpose FROM workshops WHERE id = ?").bind(w.id).first();
    expect(row?.template).toBe("ebcd-journey");
    expect(String(row?.purpose)).toMatch(/\S/);
    const room = await getServerByName(env.WorkshopRoom, w.id);
    expect(await room.state()).toMatchObject({ initialised: true, workshopId: w.id });
    // The room's agenda reaches D1 through its outbox.
    const activities = await eventually(async () => {
      const r = await env.DB.prepare("SELECT COUNT(*) AS n FROM activities WHERE workshop_id = ?").bind(w.id).first();
      return Number(r?.n) > 0 ? Number(r?.n) : undefined;
    }, "the agenda to reach D1");
    expect(activities).toBeGreaterThan(1);

    expect((await json(`/api/workshops/${w.id}`, { method: "DELETE", token: w.facilitatorToken })).status).toBe(200);
    expect(await room.state()).toMatchObject({ initialised: false });
    const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM activities WHERE workshop_id = ?").bind(w.id).first();
    expect(left?.n).toBe(0);
  });
});
