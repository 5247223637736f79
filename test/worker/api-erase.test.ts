import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { type OutboxOp, prepareOp } from "../../party/d1-writes";
import worker from "../../worker/index";
import { env, json, ORGANISER, sha256Hex } from "./api-client";
import { scriptedSession } from "./api-session";

/**
 * Every table with a workshop_id column, read from the schema itself: a table added by a later
 * migration is checked here without anyone remembering to list it.
 */
async function workshopTables(): Promise<string[]> {
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations'",
  ).all<{ name: string }>();
  const withColumn: string[] = [];
  for (const { name } of tables.results) {
    const columns = await env.DB.prepare(`SELECT name FROM pragma_table_info('${name}')`).all<{ name: string }>();
    if (columns.results.some((c) => c.name === "workshop_id")) withColumn.push(name);
  }
  return withColumn;
}

async function rowsFor(workshopId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const tables = await workshopTables();
  expect(tables).toEqual(expect.arrayContaining(["tokens", "cards", "ballots", "feedback", "events"]));
  for (const table of tables) {
    const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE workshop_id = ?`)
      .bind(workshopId)
      .first();
    counts[table] = Number(row?.n);
  }
  const w = await env.DB.prepare("SELECT COUNT(*) AS n FROM workshops WHERE id = ?").bind(workshopId).first();
  counts.workshops = Number(w?.n);
  return counts;
}

/** Every table of the schema that holds workshop rows, counted to zero (named, so a failure says which). */
function expectNothingLeft(counts: Record<string, number>) {
  expect(Object.keys(counts)).toContain("workshops");
  expect(Object.entries(counts).filter(([, n]) => n !== 0)).toEqual([]);
}

describe("DELETE /api/workshops/:id", () => {
  it("erases every row of the workshop and leaves other workshops alone", async () => {
    const s = await scriptedSession();
    const other = await scriptedSession();
    await json("/api/tickets", { method: "POST", token: s.people[0]!.token });
    // Everyone counts: a paper respondent, a head count and a translation, as the room's outbox writes them.
    const w = s.w.id;
    for (const op of [
      {
        op: "respondent",
        values: { id: `paper-${w}`, workshopId: w, source: "paper", group: "community", table: null, createdAt: 1 },
      },
      { op: "attendance", values: { workshopId: w, group: "community", table: "", count: 4, at: 1 } },
      {
        op: "translation",
        values: { workshopId: w, language: "ur", target: "workshop.consent", text: "میں راضی ہوں", at: 1 },
      },
    ] as const satisfies readonly OutboxOp[])
      await prepareOp(env.DB, op).run();
    // Co-delivery (#15): a commitment answering a vote option, with an update.
    const made = await json<{ id: string }>(`/api/workshops/${s.w.id}/commitments`, {
      token: s.w.facilitatorToken,
      body: { title: "Ramp", owner: { organisation: "Council" }, from: [{ activityId: s.ids.vote, optionId: "ramp" }] },
    });
    await json(`/api/commitments/${made.body.id}/updates`, { token: s.w.facilitatorToken, body: { note: "Begun" } });
    const before = await rowsFor(s.w.id);
    for (const [table, n] of Object.entries(before)) expect(n, table).toBeGreaterThan(0);

    const res = await json(`/api/workshops/${s.w.id}`, { method: "DELETE", token: s.w.facilitatorToken });
    expect(res.status).toBe(200);
    expectNothingLeft(await rowsFor(s.w.id));
    expect((await rowsFor(other.w.id)).cards).toBe(5);
    // Its tokens are gone: the facilitator link no longer works.
    expect((await json(`/api/workshops/${s.w.id}`, { token: s.w.facilitatorToken })).status).toBe(401);
  });

  it("is for the organiser and the workshop's facilitators only", async () => {
    const s = await scriptedSession();
    for (const token of [s.w.evaluatorToken, s.w.screenToken, s.people[0]!.token]) {
      expect((await json(`/api/workshops/${s.w.id}`, { method: "DELETE", token })).status).toBe(403);
    }
    expect((await json(`/api/workshops/${s.w.id}`, { method: "DELETE" })).status).toBe(401);
    expect((await json(`/api/workshops/${s.w.id}`, { method: "DELETE", token: ORGANISER })).status).toBe(200);
    expectNothingLeft(await rowsFor(s.w.id));
    expect((await json(`/api/workshops/${s.w.id}`, { method: "DELETE", token: ORGANISER })).status).toBe(404);
  });
});

describe("the scheduled retention run", () => {
  it("erases workshops past their retention period only, and purges spent tickets and old counters", async () => {
    const expired = await scriptedSession({ retentionDays: 30 });
    const kept = await scriptedSession({ retentionDays: 30 });
    const day = 86_400_000;
    await env.DB.prepare("UPDATE workshops SET created_at = ? WHERE id = ?")
      .bind(Date.now() - 31 * day, expired.w.id)
      .run();
    await env.DB.prepare("UPDATE workshops SET created_at = ? WHERE id = ?")
      .bind(Date.now() - 29 * day, kept.w.id)
      .run();
    const ticket = await json<{ ticket: string }>("/api/tickets", { method: "POST", token: kept.w.screenToken });
    const ticketHash = await sha256Hex(ticket.body.ticket);
    await env.DB.prepare("UPDATE tickets SET expires_at = ? WHERE hash = ?")
      .bind(Date.now() - 1000, ticketHash)
      .run();
    await env.DB.prepare("INSERT INTO rate_limits (key, window_start, count) VALUES ('stale', ?, 3)")
      .bind(Date.now() - day)
      .run();

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "17 3 * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);

    expectNothingLeft(await rowsFor(expired.w.id));
    expect((await rowsFor(kept.w.id)).cards).toBe(5);
    expect(await env.DB.prepare("SELECT 1 FROM tickets WHERE hash = ?").bind(ticketHash).first()).toBeNull();
    expect(await env.DB.prepare("SELECT 1 FROM rate_limits WHERE key = 'stale'").first()).toBeNull();
  });
});
