/**
 * The demo programme `npm start` loads (seeds/demo.json), through the real API and room
 * protocol: the finished workshop's cards, ballots and feedback reach the evaluator's
 * exports, and loading again neither duplicates anything nor reuses old links.
 */
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { loadDemo, readDemo } from "../../scripts/lib/demo";
import { sleep } from "../../scripts/lib/proc";
import { tokenInLink } from "../support/links";
import { app, listWorkshops, request } from "./support";

const Rows = v.object({ rows: v.array(v.looseObject({})) });

type Row = Record<string, unknown>;

/** Ballots and feedback export one row per option or answer, keyed by respondent (not participant id). */
const people = (rows: Row[]) => new Set(rows.map((r) => r.respondent)).size;

/** Polls the export until `enough` holds: the room's outbox reaches D1 by alarm, a moment after the acks. */
async function exportedRows(workshopId: string, token: string, table: string, enough: (rows: Row[]) => boolean) {
  const url = `${app().baseUrl}/api/workshops/${workshopId}/export?format=json&table=${table}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { rows } = await request(`export ${table}`, url, Rows, { token });
    if (enough(rows) || Date.now() > deadline) return rows;
    await sleep(500);
  }
}

describe("demo programme", () => {
  it("loads a finished workshop an evaluator can read, and loads only once", async () => {
    const { baseUrl, organiserToken } = app();
    const demo = await readDemo();
    const first = await loadDemo(baseUrl, organiserToken, demo, () => {});
    expect(first.workshops.map((w) => w.created)).toEqual(demo.workshops.map(() => true));
    expect(first.programmeEvaluator).toMatch(/\/programme\/.+#token=/);

    const crisis = first.workshops[0]!;
    const script = demo.workshops[0]!.script;
    const count = (name: string) => script.filter((s) => s.command === name).length;
    const evaluator = tokenInLink(crisis.evaluator);
    const cards = await exportedRows(crisis.id, evaluator, "cards", (rows) => rows.length >= count("card.add"));
    expect(cards).toHaveLength(count("card.add"));
    /** The export's rows of `table` once D1 holds one person's for each `command` in the script. */
    const answersOf = async (table: "ballots" | "feedback", command: string) => {
      const rows = await exportedRows(crisis.id, evaluator, table, (rows) => people(rows) >= count(command));
      expect(people(rows)).toBe(count(command));
      return rows;
    };
    const ballots = await answersOf("ballots", "ballot.submit");
    const dots = script
      .filter((s) => s.command === "ballot.submit")
      .flatMap((s) => Object.values((s.args.ballot as { allocations: Record<string, number> }).allocations));
    expect(ballots.reduce((n, r) => n + Number(r.value), 0)).toBe(dots.reduce((a, b) => a + b, 0));
    await answersOf("feedback", "feedback.submit");

    const before = await listWorkshops(baseUrl, organiserToken);
    const second = await loadDemo(baseUrl, organiserToken, demo, () => {});
    const after = await listWorkshops(baseUrl, organiserToken);
    expect(after.length).toBe(before.length);
    expect(second.workshops.map((w) => w.created)).toEqual(demo.workshops.map(() => false));
    expect(second.workshops.map((w) => w.id)).toEqual(first.workshops.map((w) => w.id));
    expect(second.workshops[0]!.facilitator).not.toBe(crisis.facilitator);
    // The fresh links work: the new evaluator link reads the same saved cards.
    const again = await exportedRows(
      crisis.id,
      tokenInLink(second.workshops[0]!.evaluator),
      "cards",
      (rows) => rows.length >= 1,
    );
    expect(again).toHaveLength(count("card.add"));
  });
});
