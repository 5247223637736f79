/**
 * Balance of voice for the report, with the same rules as the facilitator's live
 * view (party/model/voice.ts), fed from the saved outputs (contributions.ts).
 */
import type { StakeholderGroup } from "../../party/model/commands";
import { type BalanceOfVoice, balanceOfVoice, headCountsOf } from "../../party/model/voice";
import type { AttendanceRow, BallotRow, CardRow, CommentRow, RespondentRow } from "../db/outputs";
import type { ParticipantRow } from "../db/participants";
import { savedContributions } from "./contributions";

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
  const atKiosk = everyone.respondents
    .filter((r) => r.source === "kiosk")
    .map((r) => ({ id: r.id, group: r.group_id }));
  const saved = savedContributions(
    participants,
    cards,
    comments,
    atKiosk.map((p) => p.id),
  );
  const ballotsByGroup: Record<string, number> = {};
  for (const b of ballots) ballotsByGroup[b.group_id] = (ballotsByGroup[b.group_id] ?? 0) + 1;
  return balanceOfVoice({
    groups,
    participants: [...saved.participants, ...atKiosk],
    present: [...saved.present.map((p) => p.id), ...atKiosk.map((p) => p.id)],
    headcounts: headCountsOf(everyone.headCounts.map((a) => ({ group: a.group_id, count: a.count }))),
    cards: saved.cards,
    comments: saved.comments,
    ballotsByGroup,
  });
}
