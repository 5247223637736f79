/**
 * session (#19): an activity's planned minutes travel from the room through the outbox
 * to D1 (activities.planned_minutes, migration 0015), and from there into the report's
 * agenda and the `agenda` export, as they change (set, changed after opening, cleared).
 */
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { WorkshopRoom } from "../../party/room";
import { call, json } from "./api-client";
import { roomStub } from "./support/room-client";
import { eventually, workshopWithFacilitator } from "./support/through-worker";

type Agenda = { id: string; title: string; plannedMinutes: number | null; durationMs: number | null }[];

const MAP = {
  lanes: [{ id: "day", label: "On the day" }],
  kinds: [{ id: "barrier", label: "Barrier", color: "#cc3300" }],
};

async function plannedInD1(activityId: string): Promise<number | null | undefined> {
  const row = await env.DB.prepare("SELECT planned_minutes FROM activities WHERE id = ?")
    .bind(activityId)
    .first<{ planned_minutes: number | null }>();
  return row ? row.planned_minutes : undefined;
}

describe("planned minutes in D1, the report and the exports", () => {
  it("mirrors plannedMinutes as it is set, changed and cleared", async () => {
    const { w, facilitator } = await workshopWithFacilitator();
    const map = await facilitator.command("activity.add", {
      kind: "map",
      title: "Getting home",
      config: MAP,
      plannedMinutes: 20,
    });
    const vote = await facilitator.command("activity.add", {
      kind: "vote",
      title: "What first?",
      config: { method: "approve", options: [{ id: "a", label: "Ramps" }] },
    });
    expect(map.ok && vote.ok).toBe(true);
    const mapId = map.result?.activityId as string;
    const voteId = vote.result?.activityId as string;

    await eventually(async () => ((await plannedInD1(mapId)) === 20 ? true : undefined), "planned minutes in D1");
    expect(await plannedInD1(voteId)).toBeNull();

    // Running orders slip: changed after opening, it follows; null clears it.
    expect((await facilitator.command("activity.open", { activityId: mapId })).ok).toBe(true);
    expect((await facilitator.command("activity.update", { activityId: mapId, plannedMinutes: 25 })).ok).toBe(true);
    expect((await facilitator.command("activity.update", { activityId: voteId, plannedMinutes: 10 })).ok).toBe(true);
    await eventually(async () => ((await plannedInD1(mapId)) === 25 ? true : undefined), "the change in D1");
    await eventually(async () => ((await plannedInD1(voteId)) === 10 ? true : undefined), "the vote's minutes");
    expect((await facilitator.command("activity.close", { activityId: mapId })).ok).toBe(true);
    expect((await facilitator.command("activity.update", { activityId: voteId, plannedMinutes: null })).ok).toBe(true);
    await eventually(async () => ((await plannedInD1(voteId)) === null ? true : undefined), "cleared in D1");

    const { body } = await json<{ agenda: Agenda }>(`/api/workshops/${w.id}/report`, { token: w.evaluatorToken });
    expect(body.agenda.map((a) => [a.id, a.plannedMinutes])).toEqual([
      [mapId, 25],
      [voteId, null],
    ]);
    expect(body.agenda[0]?.durationMs).not.toBeNull();

    const exported = await json<{ rows: Record<string, unknown>[] }>(
      `/api/workshops/${w.id}/export?format=json&table=agenda`,
      { token: w.evaluatorToken },
    );
    expect(exported.status).toBe(200);
    expect(exported.body.rows).toEqual([
      expect.objectContaining({ position: 1, activity_id: mapId, title: "Getting home", planned_minutes: 25 }),
      expect.objectContaining({ position: 2, activity_id: voteId, status: "draft", planned_minutes: null }),
    ]);
    const csv = await (
      await call(`/api/workshops/${w.id}/export?format=csv&table=agenda`, { token: w.evaluatorToken })
    ).text();
    expect(csv.split("\r\n")[0]).toContain("planned_minutes");
    expect(csv).toContain(",25,");
    facilitator.ws.close(1000, "done");
  });

  it("writes an activity row queued before the column existed (nine params), binding null for it", async () => {
    const { w, facilitator } = await workshopWithFacilitator();
    facilitator.ws.close(1000, "the room exists now");
    const stub = await roomStub(w.id);
    const old = ["old-activity", w.id, "map", "Queued before 0015", "{}", 0, "draft", null, null];
    await runInDurableObject(stub, async (_room: WorkshopRoom, ctx) => {
      ctx.storage.sql.exec("INSERT INTO outbox (op, params) VALUES ('activity', ?)", JSON.stringify(old));
    });
    await eventually(async () => {
      await runDurableObjectAlarm(stub);
      const { outboxPending } = await stub.state();
      return outboxPending === 0 ? true : undefined;
    }, "the outbox to drain");
    expect((await stub.state()).outboxDead).toBe(0);
    const row = await env.DB.prepare("SELECT title, planned_minutes FROM activities WHERE id = 'old-activity'").first();
    expect(row).toEqual({ title: "Queued before 0015", planned_minutes: null });
  });
});
