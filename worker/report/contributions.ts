/**
 * What balance of voice counts, read from the saved outputs: the same rules as the
 * live view (party/model/voice.ts), shared by the whole-room section (balance.ts) and
 * the per-table sections (tables.ts). Afterwards "present" means everyone who took part
 * and was neither removed nor withdrew.
 */
import type { CardRow, CommentRow } from "../db/outputs";
import type { ParticipantRow } from "../db/participants";
import { IdList, parseColumn } from "./parse";

export const hasLeft = (p: ParticipantRow) => p.removed_at !== null || p.withdrawn_at !== null;

/**
 * `alsoPeople`: ids that are people without a participant row (kiosk turns), so their
 * cards are not taken for transcribed ones.
 */
export function savedContributions(
  participants: readonly ParticipantRow[],
  cards: readonly CardRow[],
  comments: readonly CommentRow[],
  alsoPeople: readonly string[] = [],
) {
  const people = new Set([...participants.map((p) => p.id), ...alsoPeople]);
  // Cards hidden by moderation do not count (as in the live view); cards merged into others do.
  const counted = cards.filter((c) => c.hidden === 0 || c.merged_into !== null);
  const countedIds = new Set(counted.map((c) => c.id));
  return {
    participants: participants.map((p) => ({ id: p.id, group: p.group_id, removed: hasLeft(p) })),
    present: participants.filter((p) => !hasLeft(p)),
    cards: counted.map((c) => ({
      id: c.id,
      table: c.table_id ?? undefined,
      authorId: c.author_id,
      group: c.group_id,
      supports: parseColumn(IdList, c.supporters, `card ${c.id} supporters`) ?? [],
      // Not a participant's card but credited to a group: a facilitator transcribed it from paper.
      transcribed: !people.has(c.author_id) && c.group_id !== "",
    })),
    comments: comments
      .filter((m) => countedIds.has(m.card_id))
      .map((m) => ({ cardId: m.card_id, authorId: m.author_id, group: m.group_id })),
  };
}
