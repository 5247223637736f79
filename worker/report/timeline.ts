/**
 * The timeline of a workshop from its audit trail: what happened when, by role
 * and group. Arguments are left out (they may hold moderated text); only the
 * activity or card concerned is kept.
 */
import * as v from "valibot";
import type { EventRow } from "../db/outputs";
import { parseColumn } from "./parse";

export interface TimelineEntry {
  seq: number;
  at: number;
  role: string;
  group: string;
  command: string;
  activityId?: string;
  cardId?: string;
}

const Targets = v.object({ activityId: v.optional(v.string()), cardId: v.optional(v.string()) });

export function timeline(events: readonly EventRow[]): TimelineEntry[] {
  return events.map((e) => {
    const targets = parseColumn(Targets, e.args, `event ${e.seq}`);
    const entry: TimelineEntry = { seq: e.seq, at: e.at, role: e.role, group: e.group_id, command: e.command };
    if (targets?.activityId) entry.activityId = targets.activityId;
    if (targets?.cardId) entry.cardId = targets.cardId;
    return entry;
  });
}
