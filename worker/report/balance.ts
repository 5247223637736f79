/**
 * Balance of voice for the report, with the same rules as the facilitator's live
 * view (party/model/voice.ts), fed from the saved outputs. Afterwards "present"
 * means everyone who took part and was not removed and did not withdraw.
 */
import type { StakeholderGroup } from "../../party/model/commands";
import { type BalanceOfVoice, balanceOfVoice, headCountsOf } from "../../party/model/voice";
import type { AttendanceRow, BallotRow, CardRow, CommentRow, RespondentRow } from "../db/outputs";
import type { ParticipantRow } from "../db/participants";
import { IdList, parseColumn } from "./parse";

export function balanceOfVoiceReport(
  groups: readonly StakeholderGroup[],
  participants: readonly ParticipantRow[],
  cards: readonly CardRow[],
  comments: readonly CommentRow[],
  ballots: readonly BallotRow[],
  everyone: { headCounts: readonly AttendanceRow[]; respondents: readonly RespondentRow[] } = {
    headCounts: [],
    respondents: [],
  },
): BalanceOfVoice {
  // People at kiosks count as present and as contributing, like phones (everyone counts).
  const kiosk = everyone.respondents.filter((r) => r.source === "kiosk");
  const atKiosk = kiosk.map((r) => ({ id: r.id, group: r.group_id }));
  const people = new Set([...participants.map((p) => p.id), ...kiosk.map((r) => r.id)]);
  const gone = (p: ParticipantRow) => p.removed_at !== null || p.withdrawn_at !== null;
  // Cards hidden by moderation do not count (as in the live view); cards merged into others do.
  const counted = cards.filter((c) => c.hidden === 0 || c.merged_into !== null);
  const countedIds = new Set(counted.map((c) => c.id));
  const ballotsByGroup: Record<string, number> = {};
  for (const b of ballots) ballotsByGroup[b.group_id] = (ballotsByGroup[b.group_id] ?? 0) + 1;
  return balanceOfVoice({
    groups,
    participants: [...participants.map((p) => ({ id: p.id, group: p.group_id, removed: gone(p) })), ...atKiosk],
    present: [...participants.filter((p) => !gone(p)).map((p) => p.id), ...atKiosk.map((p) => p.id)],
    headcounts: headCountsOf(everyone.headCounts.map((a) => ({ group: a.group_id, count: a.count }))),
    cards: counted.map((c) => ({
      authorId: c.author_id,
      group: c.group_id,
      supports: parseColumn(IdList, c.supporters, `card ${c.id} supporters`) ?? [],
      // Not a participant's card but credited to a group: a facilitator transcribed it from paper.
      transcribed: !people.has(c.author_id) && c.group_id !== "",
    })),
    comments: comments
      .filter((m) => countedIds.has(m.card_id))
      .map((m) => ({ authorId: m.author_id, group: m.group_id })),
    ballotsByGroup,
  });
}
