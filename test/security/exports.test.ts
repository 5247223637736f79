/**
 * Attack: exports re-identify. Ballot and feedback rows carried participant ids that join
 * to the participants export (names), and the events export held every ballot and answer.
 * Respondent keys cannot be joined to participant rows; event args are an allowlist.
 */
import { describe, expect, it } from "vitest";
import { type CreatedWorkshop, env, eventually, joinAs, json, newWorkshop, openVote, redTeam } from "./support/harness";

const team = redTeam();

type Rows = { rows: Record<string, unknown>[] };

async function exported(w: CreatedWorkshop, table: string): Promise<Record<string, unknown>[]> {
  const { status, body } = await json<Rows>(`/api/workshops/${w.id}/export?format=json&table=${table}`, {
    token: w.evaluatorToken,
  });
  expect(status).toBe(200);
  return body.rows;
}

async function votingSession() {
  const w = await newWorkshop();
  const fac = await team.facilitator(w);
  const voteId = await openVote(fac);
  const people = [];
  const phones = [];
  for (let i = 0; i < 3; i++) {
    const p = await joinAs(w, "community", `Named Person ${i}`);
    const phone = await team.connect(w.id, p.token);
    await phone.ok("ballot.submit", { activityId: voteId, ballot: { allocations: { o1: 1, o2: i === 2 ? 2 : 1 } } });
    people.push(p);
    phones.push(phone);
  }
  const { activityId: formId } = await fac.ok("activity.add", {
    kind: "feedback",
    title: "How was it?",
    config: { items: [{ id: "said", type: "text", label: "Anything else?" }] },
  });
  await fac.ok("activity.open", { activityId: formId as string });
  for (const [i, phone] of phones.entries()) {
    await phone.ok("feedback.submit", { activityId: formId as string, answers: { said: `secret answer ${i}` } });
  }
  await eventually(async () => {
    const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM feedback WHERE workshop_id = ?")
      .bind(w.id)
      .first<{ n: number }>();
    return row && row.n === 3 ? true : undefined;
  }, "three feedback rows in D1");
  return { w, people };
}

describe("exports", () => {
  it("ballot and feedback rows carry respondent keys that join to no participant row", async () => {
    const { w, people } = await votingSession();
    const ids = new Set(people.map((p) => p.participantId));
    const participantCells = new Set(
      (await exported(w, "participants")).flatMap((r) => Object.values(r).map((v) => String(v))),
    );
    for (const table of ["ballots", "feedback"]) {
      const rows = await exported(w, table);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row).not.toHaveProperty("participant_id");
        // A timestamp per ballot would join to the events export's "at".
        expect(row).not.toHaveProperty("updated_at");
        expect(typeof row.respondent).toBe("string");
        for (const cell of Object.values(row)) expect(ids.has(String(cell))).toBe(false);
        expect(participantCells.has(String(row.respondent))).toBe(false);
      }
    }
  });

  it("the events export holds no ballot or feedback contents and no free text", async () => {
    const { w } = await votingSession();
    const rows = await exported(w, "events");
    const text = JSON.stringify(rows);
    expect(rows.some((r) => r.command === "ballot.submit")).toBe(true);
    expect(text).not.toContain("secret answer");
    expect(text).not.toContain("allocations");
    expect(text).not.toContain("Named Person");
  });
});
