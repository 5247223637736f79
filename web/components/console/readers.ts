/**
 * Small readers over the room's doc snapshots (web/lib/room.ts), shared by the
 * console views: the agenda in order, a map's cards, who is online.
 */
import * as v from "valibot";
import type { Activity, Card, Participant } from "../../../party/model/doc";
import type { PresenceEntry } from "../../lib/room";

/** The agenda in order: the workshop's `agenda` list, then any activity it does not mention. */
export function agendaOf(agenda: readonly string[] | undefined, activities: Record<string, Activity>): Activity[] {
  const listed = (agenda ?? []).map((id) => activities[id]).filter((a): a is Activity => Boolean(a));
  const seen = new Set(listed.map((a) => a.id));
  const rest = Object.values(activities)
    .filter((a) => !seen.has(a.id))
    .sort((a, b) => (a.openedAt ?? 0) - (b.openedAt ?? 0) || (a.id < b.id ? -1 : 1));
  return [...listed, ...rest];
}

export function cardsOf(cards: Record<string, Card>, activityId: string): Card[] {
  return Object.values(cards)
    .filter((c) => c.activityId === activityId)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** Presence is written by the room from verified identities; we read only what we need. */
const PresenceState = v.object({
  id: v.optional(v.string()),
  participantId: v.optional(v.string()),
  role: v.optional(v.string()),
  group: v.optional(v.string()),
});

/** Ids of participants with at least one open connection. */
export function onlineParticipantIds(presence: readonly PresenceEntry[]): Set<string> {
  const ids = new Set<string>();
  for (const entry of presence) {
    const parsed = v.safeParse(PresenceState, entry.state);
    if (!parsed.success) continue;
    const role = parsed.output.role ?? "participant";
    const id = parsed.output.participantId ?? parsed.output.id;
    if (role === "participant" && id) ids.add(id);
  }
  return ids;
}

export function activeParticipants(participants: Record<string, Participant>): Participant[] {
  return Object.values(participants)
    .filter((p) => !p.removed)
    .sort((a, b) => a.name.localeCompare(b.name));
}
