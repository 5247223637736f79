/**
 * Feedback results: Likert means and distributions overall and by group (small
 * groups merged, an "other" still too small withheld), free-text answers with
 * the group shown for them.
 */
import { FeedbackAnswers, type FeedbackConfig, type Source } from "../../party/model/commands";
import { ANONYMITY_K, foldPeople } from "../../party/model/small-groups";
import type { FeedbackRow } from "../db/outputs";
import { parseColumn } from "./parse";

export interface LikertSummary {
  n: number;
  mean: number | null;
  /** "1".."5" → how many chose it */
  distribution: Record<string, number>;
}

export interface FeedbackItemReport {
  id: string;
  type: "likert" | "text";
  label: string;
  overall?: LikertSummary;
  byGroup?: Record<string, LikertSummary>;
  /** text items: answers with the group shown for them (null where even "other" is too small) */
  answers?: { group: string | null; text: string }[];
}

export interface FeedbackReport {
  respondents: number;
  /** respondents by where their form came from (everyone counts): counts only */
  sources: Record<Source, number>;
  /** respondents per declared group: counts only */
  turnout: Record<string, number>;
  mergedGroups: string[];
  /** the declared groups shown together as "other" when small groups were folded (empty otherwise) */
  mergedFrom: string[];
  items: FeedbackItemReport[];
}

function likert(values: number[]): LikertSummary {
  const distribution: Record<string, number> = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 };
  for (const x of values) distribution[String(x)] = (distribution[String(x)] ?? 0) + 1;
  const mean = values.length === 0 ? null : Math.round((values.reduce((t, x) => t + x, 0) / values.length) * 100) / 100;
  return { n: values.length, mean, distribution };
}

export function summariseFeedback(
  config: FeedbackConfig,
  rows: readonly FeedbackRow[],
  k = ANONYMITY_K,
): FeedbackReport {
  const responses = rows.flatMap((row) => {
    const answers = parseColumn(FeedbackAnswers, row.answers, `feedback ${row.activity_id}/${row.participant_id}`);
    return answers ? [{ group: row.group_id, answers }] : [];
  });
  const turnout: Record<string, number> = {};
  for (const r of responses) turnout[r.group] = (turnout[r.group] ?? 0) + 1;
  const folding = foldPeople(
    responses.map((r) => r.group),
    k,
  );
  const shown = folding.shownAs;

  const items = config.items.map((item): FeedbackItemReport => {
    if (item.type === "likert") {
      const all: number[] = [];
      const byGroup = new Map<string, number[]>();
      for (const r of responses) {
        const x = r.answers[item.id];
        if (typeof x !== "number") continue;
        all.push(x);
        const g = shown(r.group);
        if (g !== null) byGroup.set(g, [...(byGroup.get(g) ?? []), x]);
      }
      const groups = [...byGroup].sort(([a], [b]) => a.localeCompare(b));
      return {
        id: item.id,
        type: "likert",
        label: item.label,
        overall: likert(all),
        byGroup: Object.fromEntries(groups.map(([g, xs]) => [g, likert(xs)])),
      };
    }
    // Sorted by group then text, so the order says nothing about who answered when.
    const answers = responses
      .flatMap((r) => {
        const text = r.answers[item.id];
        return typeof text === "string" && text.trim() !== "" ? [{ group: shown(r.group), text }] : [];
      })
      .sort(
        (a, b) =>
          Number(a.group === null) - Number(b.group === null) ||
          (a.group ?? "").localeCompare(b.group ?? "") ||
          a.text.localeCompare(b.text),
      );
    return { id: item.id, type: "text", label: item.label, answers };
  });
  const sources: Record<Source, number> = { phone: 0, paper: 0, kiosk: 0 };
  for (const row of rows) sources[row.source] += 1;
  return {
    respondents: responses.length,
    sources,
    turnout,
    mergedGroups: folding.merged,
    mergedFrom: folding.mergedFrom,
    items,
  };
}
