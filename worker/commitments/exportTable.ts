/**
 * `table=commitments` (#15): one row per commitment, with what it answers (labels and
 * origin groups) and its dated history in one cell, for spreadsheets.
 */
import type { CommitmentView } from "../../party/model/commitments";
import type { Cell } from "../csv";
import { commitmentsWithOutcomes } from "./outcomes";
import { commitmentViews } from "./views";

const iso = (ms: number) => new Date(ms).toISOString();

export const COMMITMENT_COLUMNS = [
  "commitment_id",
  "title",
  "description",
  "organisation",
  "due",
  "status",
  "progress",
  "overdue",
  "answers",
  "origin_groups",
  "created_at",
  "updated_at",
  "updates",
  "history",
];

function row(c: CommitmentView): Record<string, Cell> {
  return {
    commitment_id: c.id,
    title: c.title,
    description: c.description,
    organisation: c.owner.organisation,
    due: c.due,
    status: c.status,
    progress: c.progress,
    overdue: c.overdue,
    answers: c.from.map((s) => s.label ?? `(${s.optionId ?? s.cardId})`).join("; "),
    origin_groups: [...new Set(c.from.flatMap((s) => s.originGroups))].sort().join("; "),
    created_at: iso(c.createdAt),
    updated_at: iso(c.updatedAt),
    updates: c.history.filter((h) => h.kind === "update").length,
    history: c.history
      .map((h) => {
        const by = h.by.organisation ?? h.by.role;
        return `${iso(h.at)} ${h.status} ${h.progress}% (${by})${h.note ? `: ${h.note}` : ""}`;
      })
      .join("\n"),
  };
}

export async function commitmentsTable(db: D1Database, workshopId: string) {
  const { data, outcomes } = await commitmentsWithOutcomes(db, workshopId);
  return { columns: COMMITMENT_COLUMNS, rows: commitmentViews(data, outcomes, Date.now()).map(row) };
}
