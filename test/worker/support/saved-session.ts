/**
 * Writing a finished workshop's rows straight into D1 with the room's own outbox
 * statements (party/d1-writes.ts), i.e. exactly the rows a live room saves. The
 * scripted sessions (test/worker/api-session.ts, ./codelivery.ts) are written with it.
 */
import { type OutboxOp, prepareOp } from "../../../party/d1-writes";
import { env, type Joined } from "../api-client";

export function writeRow(op: OutboxOp) {
  return prepareOp(env.DB, op).run();
}

let sessions = 0;

/**
 * Activity and card ids unique to one scripted session (ids are global keys in D1):
 * `{ map: "map", vote: "vote" }` → `{ map: "map-3abc123", vote: "vote-3abc123" }`.
 */
export function sessionIds<K extends string>(workshopId: string, prefixes: Record<K, string>): Record<K, string> {
  sessions += 1;
  const n = `${sessions}${workshopId.slice(0, 6)}`;
  const ids = {} as Record<K, string>;
  for (const key of Object.keys(prefixes) as K[]) ids[key] = `${prefixes[key]}-${n}`;
  return ids;
}

export interface SavedCard {
  id: string;
  activityId: string;
  by: Joined;
  lane: string;
  kind: string;
  text: string;
  createdAt: number;
  /** hidden by the facilitator for "personal details" */
  hidden?: boolean;
}

/** The rows one closed workshop saves, written the way its room would write them. */
export function savedSession(workshopId: string) {
  return {
    closedWorkshop: (title: string, at: number) =>
      writeRow({
        op: "workshop",
        values: { id: workshopId, title, purpose: "", status: "closed", showNames: 0, language: "en", at },
      }),
    closedActivity: (
      id: string,
      kind: string,
      title: string,
      config: object,
      position: number,
      [openedAt, closedAt]: [number, number],
    ) =>
      writeRow({
        op: "activity",
        values: {
          id,
          workshopId,
          kind,
          title,
          config: JSON.stringify(config),
          position,
          status: "closed",
          openedAt,
          closedAt,
          plannedMinutes: null,
        },
      }),
    card: (card: SavedCard) =>
      writeRow({
        op: "card",
        values: {
          id: card.id,
          workshopId,
          activityId: card.activityId,
          lane: card.lane,
          kind: card.kind,
          text: card.text,
          authorId: card.by.participantId,
          group: card.by.group,
          createdAt: card.createdAt,
          hidden: card.hidden ? 1 : 0,
          hiddenReason: card.hidden ? "personal details" : null,
          supports: 0,
          supporters: "[]",
          x: null,
          y: null,
        },
      }),
    dots: (activityId: string, by: Joined, allocations: Record<string, number>, updatedAt: number) =>
      writeRow({
        op: "ballot",
        values: {
          workshopId,
          activityId,
          participantId: by.participantId,
          group: by.group,
          ballot: JSON.stringify({ allocations }),
          updatedAt,
        },
      }),
    dotsResult: (activityId: string, revealedAt: number | null) =>
      writeRow({
        op: "result",
        values: { workshopId, activityId, result: JSON.stringify({ method: "dots" }), revealedAt },
      }),
  };
}
