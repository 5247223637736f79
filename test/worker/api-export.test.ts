import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { call, json, ORGANISER } from "./api-client";
import { FORMULA_TEXT, scriptedSession, TRICKY_TEXT } from "./api-session";

async function csv(path: string, token: string) {
  const res = await call(path, { token });
  expect(res.status).toBe(200);
  const parsed = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { res, rows: parsed.data, fields: parsed.meta.fields };
}

describe("GET /api/workshops/:id/export", () => {
  it("exports cards as CSV that round-trips commas, quotes, newlines and any script, with formulas neutralised", async () => {
    const s = await scriptedSession();
    const { res, rows, fields } = await csv(
      `/api/workshops/${s.w.id}/export?format=csv&table=cards`,
      s.w.evaluatorToken,
    );
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="coproduce-${s.w.id}-cards.csv"`);
    expect(fields).toEqual([
      "card_id",
      "activity_id",
      "activity_title",
      "lane",
      "lane_label",
      "kind",
      "kind_label",
      "text",
      "group",
      "author",
      "created_at",
      "supports",
      "hidden",
      "hide_reason",
      "merged_into",
      "table",
      "origin_activity_id",
      "origin_card_id",
      "origin_table",
      "origin_group",
      "origin_supports",
    ]);
    const byId = new Map(rows.map((r) => [r.card_id, r]));
    expect(byId.get(s.ids.tricky)?.text).toBe(TRICKY_TEXT);
    expect(byId.get(s.ids.formula)?.text).toBe(`'${FORMULA_TEXT}`);
    expect(byId.get(s.ids.minus)?.text).toBe("'-5 degrees in the waiting area");
    expect(byId.get(s.ids.minus)?.author).toBe("Ana");
    expect(byId.get(s.ids.ramp)).toMatchObject({ activity_title: "Journey home", group: "community", hidden: "false" });
    // Hidden cards keep their place in the data but not their text; the reason says why (issue #19).
    expect(byId.get(s.ids.hidden)).toMatchObject({ hidden: "true", text: "" });
    expect(byId.get(s.ids.hidden)?.hide_reason).not.toBe("");
    expect(byId.get(s.ids.ramp)?.lane_label).not.toBe("");
    expect(byId.get(s.ids.ramp)?.kind_label).not.toBe("");
    const raw = await (await call(`/api/workshops/${s.w.id}/export?table=cards`, { token: s.w.evaluatorToken })).text();
    expect(raw).not.toContain("John Smith");
    // Text people wrote is neutralised; ids the room made never gain a quote.
    const [header = [], ...lines] = Papa.parse<string[]>(raw.replace(/^\uFEFF/, "")).data;
    for (const line of lines) {
      for (const [i, cell] of line.entries()) {
        const column = header[i] ?? "";
        if (column.endsWith("_id") || column === "lane" || column === "kind" || column === "group") {
          expect(cell, column).not.toMatch(/^'/);
        } else expect(cell, column).not.toMatch(/^[=+\-@]/);
      }
    }
  });

  it("exports participants with pseudonyms and groups, never tokens", async () => {
    const s = await scriptedSession();
    const { rows } = await csv(`/api/workshops/${s.w.id}/export?format=csv&table=participants`, s.w.facilitatorToken);
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r.group).sort()).toEqual([
      "community",
      "community",
      "community",
      "community",
      "statutory",
      "statutory",
      "statutory",
      "voluntary",
    ]);
    expect(rows.find((r) => r.name === "Ana")).toMatchObject({ name_chosen: "true", consent_version: "1" });
    const raw = await (await call(`/api/workshops/${s.w.id}/export?table=participants`, { token: ORGANISER })).text();
    for (const p of s.people) expect(raw).not.toContain(p.token);
  });

  it("exports ballots one row per option, as CSV and JSON", async () => {
    const s = await scriptedSession();
    const { rows } = await csv(`/api/workshops/${s.w.id}/export?format=csv&table=ballots`, s.w.evaluatorToken);
    const total = (option: string) =>
      rows.filter((r) => r.option_id === option).reduce((t, r) => t + Number(r.value), 0);
    expect([total("ramp"), total("meds"), total("call")]).toEqual([11, 14, 10]);
    // The option's words beside its id (issue #19).
    expect(rows.find((r) => r.option_id === "meds")?.option_label).toBe("Medicines ready");
    // Groups as the report shows them (party/model/small-groups.ts): the lone voluntary voter is merged,
    // with the smallest shown group, into "other", which names them.
    expect([...new Set(rows.map((r) => `${r.group}|${r.group_merged_from}`))].sort()).toEqual([
      "other|community voluntary",
      "statutory|",
    ]);
    const asJson = await json<{ table: string; rows: { option_id: string; value: number }[] }>(
      `/api/workshops/${s.w.id}/export?format=json&table=ballots`,
      { token: s.w.evaluatorToken },
    );
    expect(asJson.status).toBe(200);
    expect(asJson.res.headers.get("Content-Disposition")).toContain("attachment");
    expect(asJson.body.table).toBe("ballots");
    expect(asJson.body.rows).toHaveLength(rows.length);
    expect(asJson.body.rows.filter((r) => r.option_id === "meds").reduce((t, r) => t + r.value, 0)).toBe(14);
  });

  it("exports feedback and events, with moderated text left out of events", async () => {
    const s = await scriptedSession();
    const feedback = await csv(`/api/workshops/${s.w.id}/export?format=csv&table=feedback`, s.w.evaluatorToken);
    expect(feedback.rows.filter((r) => r.item_id === "heard")).toHaveLength(7);
    expect(feedback.rows.find((r) => r.item_id === "better" && r.group === "statutory")?.value).toBe(
      "'=cmd|' /C calc'!A0",
    );
    const events = await csv(`/api/workshops/${s.w.id}/export?format=csv&table=events`, s.w.evaluatorToken);
    // The room's own first event (workshop.init) comes before the scripted ones.
    expect(events.rows.map((r) => r.command)).toEqual([
      "workshop.init",
      "activity.open",
      "card.add",
      "card.add",
      "card.hide",
    ]);
    // Event args are an allowlist of ids and switches: no free text, not even a moderation reason.
    expect(JSON.parse(events.rows[4]!.args!)).toEqual({ cardId: s.ids.hidden });
    expect(JSON.stringify(events.rows)).not.toContain("John Smith");
  });

  it("is refused to participants and screens, and validates its query", async () => {
    const s = await scriptedSession();
    for (const token of [s.w.screenToken, s.people[0]!.token]) {
      const res = await json(`/api/workshops/${s.w.id}/export?format=csv&table=cards`, { token });
      expect(res.status).toBe(403);
    }
    const badTable = await json(`/api/workshops/${s.w.id}/export?format=csv&table=tokens`, { token: ORGANISER });
    expect(badTable.status).toBe(400);
    const badFormat = await json(`/api/workshops/${s.w.id}/export?format=xlsx&table=cards`, { token: ORGANISER });
    expect(badFormat.status).toBe(400);
  });
});
