/**
 * privacy (#12): what is one person's own in the room's doc, for the private `mine` message
 * (party/model/protocol.ts). The replica everyone else receives holds no participant id
 * (./replica.ts), so this is how a phone knows its own cards (to edit or withdraw them), its
 * comments and its supports (to show "you support this" and toggle it).
 */
import type * as Y from "yjs";
import { ROOTS, type Roots, roots } from "./doc";
import type { MineMessage } from "./protocol";

/** The roots a `mine` is read from: when a command changed none of them, nobody's `mine` changed. */
export const MINE_ROOTS = [ROOTS.cards, ROOTS.comments, ROOTS.participants] as const;

/** `r`: the room's roots, with closed activities' archived entries behind them (party/archive.ts). */
export function mineOf(doc: Y.Doc, participantId: string, r: Roots = roots(doc)): MineMessage {
  const cards: string[] = [];
  const supports: string[] = [];
  const comments: string[] = [];
  for (const card of r.cards.values()) {
    if (card.authorId === participantId) cards.push(card.id);
    if (card.supports.includes(participantId)) supports.push(card.id);
  }
  for (const comment of r.comments.values()) if (comment.authorId === participantId) comments.push(comment.id);
  const participant = r.participants.get(participantId) ?? null;
  return { type: "private", kind: "mine", participantId, participant, cards, comments, supports };
}
