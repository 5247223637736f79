/**
 * Everyone counts, through the Worker and the real room (issue 14): a paper ballot and
 * a kiosk turn's ballot reach the report's results by group beside phones' and say
 * their source; a head count reaches attendance ("n on phones, m on paper") and balance
 * of voice; an interpreter's translation reaches the report and the export.
 */
import { describe, expect, it } from "vitest";
import { BARRIER_KINDS, BARRIER_LANES, mapConfig, voteConfig } from "../support/activities";
import { call, createWorkshop, joinWorkshop, json } from "./api-client";
import { connectThroughWorker, eventually, workshopWithFacilitator } from "./support/through-worker";

// biome-ignore lint/suspicious/noExplicitAny: the report is read as loose JSON and checked field by field
type Loose = any;

async function mint(workshopId: string, token: string, body: Record<string, unknown>) {
  return json<Loose>(`/api/workshops/${workshopId}/tokens`, { method: "POST", token, body });
}

describe("paper, kiosk and interpreter input through the Worker", () => {
  it("counts paper and kiosk ballots by group beside phones, with their source, in the report", async () => {
    const { w, facilitator } = await workshopWithFacilitator();
    const activityId = await facilitator.addActivity(
      "vote",
      "What first?",
      voteConfig("approve", { ramp: "Transport ramp", meds: "Medicines" }),
    );
    expect((await facilitator.command("activity.open", { activityId })).ok).toBe(true);

    const phones = [];
    for (const group of ["community", "community", "community", "statutory", "statutory", "statutory"]) {
      const p = await joinWorkshop(w.joinCode, { group });
      const phone = await connectThroughWorker(w.id, p.token);
      phones.push(phone);
      expect(await phone.command("ballot.submit", { activityId, ballot: { approved: ["ramp"] } })).toMatchObject({
        ok: true,
      });
    }
    const paper = await facilitator.command("ballot.submit", {
      activityId,
      ballot: { approved: ["meds"] },
      onBehalfOf: { group: "community" },
      source: "paper",
    });
    expect(paper).toMatchObject({ ok: true, result: { source: "paper" } });

    const kioskLink = await mint(w.id, w.facilitatorToken, { role: "kiosk", label: "Table 2 tablet" });
    expect(kioskLink.status).toBe(201);
    expect(kioskLink.body.link).toMatch(new RegExp(`/kiosk/${w.id}#token=`));
    const kiosk = await connectThroughWorker(w.id, kioskLink.body.token);
    const turn = { group: "statutory", turn: `turn-${crypto.randomUUID().slice(0, 8)}` };
    const kioskBallot = await kiosk.command("ballot.submit", {
      activityId,
      ballot: { approved: ["meds"] },
      onBehalfOf: turn,
    });
    expect(kioskBallot).toMatchObject({ ok: true, result: { source: "kiosk" } });
    // A kiosk is only a kiosk: it cannot run the room.
    expect(await kiosk.command("results.reveal", { activityId })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });

    expect((await facilitator.command("attendance.set", { group: "community", count: 5 })).ok).toBe(true);
    expect((await facilitator.command("results.reveal", { activityId })).ok).toBe(true);

    const report = await eventually(async () => {
      const r = await json<Loose>(`/api/workshops/${w.id}/report`, { token: w.evaluatorToken });
      const vote = r.body.activities[0]?.vote;
      return vote?.result.voters === 8 && r.body.attendance.paper === 5 ? r.body : undefined;
    }, "the paper and kiosk ballots and the head count to reach D1");
    const result = report.activities[0].vote.result;
    expect(result.sources).toEqual({ phone: 6, paper: 1, kiosk: 1 });
    expect(result.byGroup).toEqual({
      community: { voters: 4, totals: { ramp: 3, meds: 1 } },
      statutory: { voters: 4, totals: { ramp: 3, meds: 1 } },
    });
    expect(report.attendance).toMatchObject({
      phones: 6,
      paper: 5,
      kiosk: 1,
      summary: "6 on phones, 5 on paper, 1 at kiosks",
    });
    const voice = (g: string) => report.balanceOfVoice.groups.find((x: Loose) => x.group === g);
    expect(voice("community").present).toBe(3 + 5);
    expect(voice("statutory").present).toBe(3 + 1);

    const csv = await call(`/api/workshops/${w.id}/export?format=csv&table=ballots`, { token: w.evaluatorToken });
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toContain("source");
    expect(lines.filter((l) => l.includes(",paper,"))).toHaveLength(1);
    expect(lines.filter((l) => l.includes(",kiosk,"))).toHaveLength(1);
    for (const c of [facilitator, kiosk, ...phones]) c.ws.close(1000, "done");
  });

  it("mints interpreter links for one language; their translations reach the report and the export", async () => {
    const w = await createWorkshop();
    expect((await mint(w.id, w.facilitatorToken, { role: "interpreter" })).status).toBe(400);
    expect((await mint(w.id, w.facilitatorToken, { role: "interpreter", language: "Urdu!" })).status).toBe(400);
    const link = await mint(w.id, w.facilitatorToken, { role: "interpreter", language: "ur" });
    expect(link.status).toBe(201);
    expect(link.body).toMatchObject({ role: "interpreter", language: "ur" });
    expect(link.body.link).toMatch(new RegExp(`/interpret/${w.id}#token=`));
    const listed = await json<Loose>(`/api/workshops/${w.id}/tokens`, { token: w.facilitatorToken });
    expect(listed.body.tokens).toContainEqual(expect.objectContaining({ role: "interpreter", language: "ur" }));

    const facilitator = await connectThroughWorker(w.id, w.facilitatorToken);
    const activityId = await facilitator.addActivity(
      "map",
      "Getting home",
      mapConfig(BARRIER_LANES, { b: BARRIER_KINDS.barrier }, { prompt: "What happens?" }),
    );
    const interpreter = await connectThroughWorker(w.id, link.body.token);
    const target = `activity.${activityId}.prompt`;
    expect(
      await interpreter.command("translation.set", { target, language: "ur", text: "کیا ہوتا ہے؟" }),
    ).toMatchObject({
      ok: true,
    });
    expect(await interpreter.command("translation.set", { target, language: "bn", text: "x" })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await interpreter.command("activity.open", { activityId })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    // The organiser's consent text in Urdu reaches the join page.
    await facilitator.command("translation.set", { target: "workshop.consent", language: "ur", text: "میں راضی ہوں" });

    const report = await eventually(async () => {
      const r = await json<Loose>(`/api/workshops/${w.id}/report`, { token: w.evaluatorToken });
      return r.body.translations?.ur?.["workshop.consent"] ? r.body : undefined;
    }, "the translations to reach D1");
    expect(report.translations.ur[target]).toBe("کیا ہوتا ہے؟");
    const joinInfo = await json<Loose>(`/api/join/${w.joinCode}`);
    expect(joinInfo.body.translations).toEqual({ ur: { consent: "میں راضی ہوں" } });
    const exported = await json<Loose>(`/api/workshops/${w.id}/export?format=json&table=translations`, {
      token: w.evaluatorToken,
    });
    expect(exported.body.rows).toEqual(
      expect.arrayContaining([expect.objectContaining({ language: "ur", target, text: "کیا ہوتا ہے؟" })]),
    );
    for (const c of [facilitator, interpreter]) c.ws.close(1000, "done");
  });
});
