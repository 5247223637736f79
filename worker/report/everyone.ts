/**
 * Everyone counts in the report (issue 14, docs/everyone-counts.md): who took part
 * by phone, on paper (head counts) and at kiosks, and the translations given.
 */
import type { AttendanceRow, RespondentRow, TranslationRow } from "../db/outputs";
import type { ParticipantRow } from "../db/participants";

export interface EveryoneAttendance {
  /** people who joined on a phone */
  phones: number;
  /** people on paper: the facilitators' head counts */
  paper: number;
  /** people who took a turn at a kiosk */
  kiosk: number;
  /** "n on phones, m on paper" (and kiosks, when there were any) */
  summary: string;
  headCounts: { group: string; table: string | null; count: number }[];
  /** present by group, whatever the device: phones + head counts + kiosk turns */
  presentByGroup: Record<string, number>;
}

export function everyoneAttendance(
  participants: readonly ParticipantRow[],
  attendance: readonly AttendanceRow[],
  respondents: readonly RespondentRow[],
): EveryoneAttendance {
  const kiosk = respondents.filter((r) => r.source === "kiosk");
  const paper = attendance.reduce((t, a) => t + a.count, 0);
  const presentByGroup: Record<string, number> = {};
  const add = (group: string, n: number) => {
    presentByGroup[group] = (presentByGroup[group] ?? 0) + n;
  };
  for (const p of participants) if (p.removed_at === null && p.withdrawn_at === null) add(p.group_id, 1);
  for (const a of attendance) add(a.group_id, a.count);
  for (const r of kiosk) add(r.group_id, 1);
  const summary = `${participants.length} on phones, ${paper} on paper${kiosk.length ? `, ${kiosk.length} at kiosks` : ""}`;
  return {
    phones: participants.length,
    paper,
    kiosk: kiosk.length,
    summary,
    headCounts: attendance.map((a) => ({ group: a.group_id, table: a.table_id || null, count: a.count })),
    presentByGroup,
  };
}

/** Translations by language, then target: `{ur: {"card.abc": "…"}}`. */
export function translationsByLanguage(rows: readonly TranslationRow[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const t of rows) out[t.language] = { ...out[t.language], [t.target]: t.text };
  return out;
}
