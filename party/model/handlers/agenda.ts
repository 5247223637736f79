/** Facilitator commands that shape the agenda: add, update, remove and move activities. */
import { type ConfigByKind, parseActivityConfig } from "../activity-config";
import type { ActivityKind } from "../commands";
import type { Activity, KindConfig } from "../doc";
import { refuse } from "../refusal";
import { requireActivity, requireWorkshopNotClosed, workshopOf } from "./guards";
import type { Handler, Plan, Scope } from "./scope";

/** Community-first maps and staged votes start with their first groups; everything else is open to all. */
function initialStage(typed: KindConfig): Activity["stage"] {
  if (typed.kind === "map" && typed.config.mode === "community-first") return "first";
  if (typed.kind === "vote" && typed.config.stagedGroups.length > 0) return "first";
  return "all";
}

function checked<K extends ActivityKind>(kind: K, raw: unknown): ConfigByKind[K] {
  const parsed = parseActivityConfig(kind, raw);
  if (!parsed.ok) refuse("bad_request", parsed.message);
  return parsed.config;
}

/** The config parsed, once, for its kind (defaults filled); a vote's template key becomes the map's id. */
function validConfig(kind: ActivityKind, raw: unknown, idsByKey?: ReadonlyMap<string, string>): KindConfig {
  switch (kind) {
    case "map":
      return { kind, config: checked(kind, raw) };
    case "feedback":
      return { kind, config: checked(kind, raw) };
    case "info":
      return { kind, config: checked(kind, raw) };
    case "vote": {
      const config = checked(kind, raw);
      const from = config.fromActivity;
      const id = from && idsByKey?.get(from.activityId);
      return { kind, config: from && id ? { ...config, fromActivity: { ...from, activityId: id } } : config };
    }
  }
}

/** A fresh draft activity; `idsByKey` turns template keys in `fromActivity` into real ids. */
export function createActivity(
  id: string,
  kind: ActivityKind,
  title: string,
  rawConfig: unknown,
  idsByKey?: ReadonlyMap<string, string>,
  plannedMinutes?: number,
): Activity {
  const typed = validConfig(kind, rawConfig, idsByKey);
  const activity: Activity = {
    id,
    ...typed,
    title,
    status: "draft",
    stage: initialStage(typed),
    cardsRevealed: false,
    resultsRevealed: false,
    openedAt: null,
    closedAt: null,
  };
  if (kind === "vote" || kind === "feedback") activity.turnout = { voters: 0, byGroup: {} };
  if (plannedMinutes !== undefined) activity.plannedMinutes = plannedMinutes;
  return activity;
}

/** A vote that draws options from a map must name a map in this workshop. */
function requireSourceMap(s: Scope, typed: KindConfig): void {
  const from = typed.kind === "vote" ? typed.config.fromActivity : undefined;
  if (!from) return;
  const source = s.r.activities.get(from.activityId);
  if (!source) refuse("not_found", `fromActivity: no activity ${from.activityId}`);
  if (source.kind !== "map") refuse("bad_request", `fromActivity: "${source.title}" is not a map`);
}

function clampIndex(index: number | undefined, length: number): number {
  return index === undefined ? length : Math.max(0, Math.min(index, length));
}

function hasInput(s: Scope, activity: Activity): boolean {
  for (const card of s.r.cards.values()) if (card.activityId === activity.id) return true;
  if (activity.kind === "map" && s.priv.silentCards(activity.id).length > 0) return true;
  return (activity.turnout?.voters ?? 0) > 0;
}

const add: Handler<"activity.add"> = (s, args) => {
  const workshop = requireWorkshopNotClosed(s);
  const activity = createActivity(s.newId(), args.kind, args.title, args.config, undefined, args.plannedMinutes);
  requireSourceMap(s, activity);
  const agenda = [...workshop.agenda];
  agenda.splice(clampIndex(args.index, agenda.length), 0, activity.id);
  return {
    result: { activityId: activity.id },
    write: () => {
      s.r.activities.set(activity.id, activity);
      s.r.workshop.set("agenda", agenda);
    },
  };
};

/**
 * Title and planned minutes may change any time (the running order slips); config
 * only before the activity first opens (input would no longer fit it).
 */
const update: Handler<"activity.update"> = (s, args) => {
  requireWorkshopNotClosed(s);
  const activity = requireActivity(s, args.activityId);
  let next: Activity = { ...activity };
  if (args.title !== undefined) next.title = args.title;
  if (args.plannedMinutes === null) delete next.plannedMinutes;
  else if (args.plannedMinutes !== undefined) next.plannedMinutes = args.plannedMinutes;
  if (args.config !== undefined) {
    if (activity.status !== "draft" || hasInput(s, activity))
      refuse("locked", `"${activity.title}" has been opened; its settings can no longer change`);
    const typed = validConfig(activity.kind, args.config);
    requireSourceMap(s, typed);
    next = { ...next, ...typed, stage: initialStage(typed) };
  }
  const written = next;
  return { result: { activityId: activity.id }, write: () => s.r.activities.set(activity.id, written) };
};

/** Removing would lose what people contributed, so only activities without input may go. */
const remove: Handler<"activity.remove"> = (s, args) => {
  const workshop = requireWorkshopNotClosed(s);
  const activity = requireActivity(s, args.activityId);
  if (activity.status === "open") refuse("conflict", `Close "${activity.title}" before removing it`);
  if (hasInput(s, activity)) refuse("conflict", `"${activity.title}" already has contributions; close it instead`);
  for (const other of s.r.activities.values()) {
    const from = other.kind === "vote" ? other.config.fromActivity : undefined;
    if (from?.activityId === activity.id) refuse("conflict", `The vote "${other.title}" draws its options from it`);
  }
  return {
    write: () => {
      s.r.activities.delete(activity.id);
      s.r.workshop.set(
        "agenda",
        workshop.agenda.filter((id) => id !== activity.id),
      );
      if (workshop.currentActivityId === activity.id) s.r.workshop.set("currentActivityId", null);
    },
  };
};

const move: Handler<"activity.move"> = (s, args) => {
  requireWorkshopNotClosed(s);
  requireActivity(s, args.activityId);
  const agenda = workshopOf(s).agenda.filter((id) => id !== args.activityId);
  agenda.splice(clampIndex(args.index, agenda.length), 0, args.activityId);
  return { write: () => s.r.workshop.set("agenda", agenda) } satisfies Plan;
};

export const agendaHandlers = {
  "activity.add": add,
  "activity.update": update,
  "activity.remove": remove,
  "activity.move": move,
};
