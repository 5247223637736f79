/** Facilitator commands that run the room live: open and close, stages, lock, timer, reveals, closing. */
import type { Effect } from "../apply";
import type { Activity, ActivityOf, Timer } from "../doc";
import { optionsFromMap } from "../options-from-map";
import { refuse } from "../refusal";
import { setCards } from "./card-store";
import { configOf, requireActivity, requireKind, requireWorkshopNotClosed } from "./guards";
import { settleVote, tallyVote, turnoutOf } from "./recount";
import type { Handler, Scope } from "./scope";

/**
 * A vote drawing on a map takes that map's visible cards as options (filtered by
 * kind, most supported first, then oldest), keeping each card and the cards merged
 * into it as the option's origin. Once anyone has voted the options stay fixed.
 */
function resolveOptions(s: Scope, vote: ActivityOf<"vote">): ActivityOf<"vote"> {
  const config = vote.config;
  if (!config.fromActivity || s.priv.ballots(vote.id).length > 0) {
    if (config.options.length === 0) refuse("conflict", `"${vote.title}" has no options to vote on`);
    return vote;
  }
  const { options } = optionsFromMap(s.r.cards.values(), config.fromActivity);
  if (options.length === 0) refuse("conflict", `"${vote.title}" draws on a map that has no cards to vote on yet`);
  return { ...vote, config: { ...config, options } };
}

/** The running order: opening an activity with planned minutes starts the shared countdown from them. */
function plannedTimer(s: Scope, activity: Activity): Timer | null {
  if (activity.status === "open" || activity.plannedMinutes === undefined) return null;
  const seconds = activity.plannedMinutes * 60;
  return { startedAt: s.now, seconds, endsAt: s.now + seconds * 1000, activityId: activity.id };
}

const open: Handler<"activity.open"> = (s, args) => {
  requireWorkshopNotClosed(s);
  const activity = requireActivity(s, args.activityId);
  const resolved = activity.kind === "vote" ? resolveOptions(s, activity) : activity;
  const others = [...s.r.activities.values()].filter((a) => a.status === "open" && a.id !== activity.id);
  const settled = others.map((other) => settleVote(s, other));
  const timer = plannedTimer(s, activity);
  return {
    result: { activityId: activity.id, ...(timer ? { timer } : {}) },
    effects: settled.flatMap((x) => x.effects),
    write: () => {
      if (timer) s.r.workshop.set("timer", timer);
      for (const x of settled) x.write();
      for (const other of others) {
        const current = s.r.activities.get(other.id) ?? other;
        s.r.activities.set(other.id, { ...current, status: "closed", closedAt: s.now });
      }
      const openedAt = activity.status === "open" ? activity.openedAt : s.now;
      s.r.activities.set(activity.id, { ...resolved, status: "open", openedAt, closedAt: null });
      s.r.workshop.set("currentActivityId", activity.id);
      s.r.workshop.set("status", "live");
    },
  };
};

const close: Handler<"activity.close"> = (s, args) => {
  requireWorkshopNotClosed(s);
  const activity = requireActivity(s, args.activityId);
  if (activity.status === "draft") refuse("conflict", `"${activity.title}" has not been opened`);
  if (activity.status === "closed") return { result: { activityId: activity.id } };
  const settled = settleVote(s, activity);
  return {
    result: { activityId: activity.id },
    effects: settled.effects,
    write: () => {
      settled.write();
      const current = s.r.activities.get(activity.id) ?? activity;
      s.r.activities.set(activity.id, { ...current, status: "closed", closedAt: s.now });
    },
  };
};

const openToAll: Handler<"activity.openToAll"> = (s, args) => {
  requireWorkshopNotClosed(s);
  const activity = requireActivity(s, args.activityId);
  const staged =
    (activity.kind === "map" && configOf(activity, "map").mode === "community-first") ||
    (activity.kind === "vote" && configOf(activity, "vote").stagedGroups.length > 0);
  if (!staged) refuse("bad_request", `"${activity.title}" is not a community-first map or a staged vote`);
  return {
    result: { activityId: activity.id },
    write: () => s.r.activities.set(activity.id, { ...activity, stage: "all" }),
  };
};

/** Silent round over: everyone's private cards join the shared map. */
const revealCards: Handler<"cards.reveal"> = (s, args) => {
  const { activity, config } = requireKind(requireActivity(s, args.activityId), "map");
  if (config.mode !== "silent") refuse("bad_request", `"${activity.title}" is not a silent map`);
  const cards = s.priv.silentCards(activity.id);
  const effects: Effect[] = cards.map((card) => ({ kind: "silentCard.delete", cardId: card.id }));
  // Nothing is waiting any more: the cards are in the doc now.
  effects.push({
    kind: "private",
    to: { role: "facilitator" },
    message: { type: "private", kind: "cards", activityId: activity.id, cards: [] },
  });
  return {
    result: { activityId: activity.id, revealed: cards.length },
    effects,
    write: () => {
      setCards(s, cards);
      s.r.activities.set(activity.id, { ...activity, cardsRevealed: true });
    },
  };
};

const lock: Handler<"room.lock"> = (s, args) => {
  const workshop = requireWorkshopNotClosed(s);
  // Already so: nothing to write, so nothing is logged.
  if (workshop.locked === args.locked) return { result: { locked: args.locked } };
  return { result: { locked: args.locked }, write: () => s.r.workshop.set("locked", args.locked) };
};

/** Stops (or restarts) new people joining; those already in keep their place. */
const joining: Handler<"room.joining"> = (s, args) => {
  const workshop = requireWorkshopNotClosed(s);
  if ((workshop.joining ?? true) === args.open) return { result: { open: args.open } };
  return { result: { open: args.open }, write: () => s.r.workshop.set("joining", args.open) };
};

/** Server time, so every screen and phone counts down to the same moment. */
const startTimer: Handler<"timer.start"> = (s, args) => {
  requireWorkshopNotClosed(s);
  const timer = { startedAt: s.now, seconds: args.seconds, endsAt: s.now + args.seconds * 1000 };
  return { result: { timer }, write: () => s.r.workshop.set("timer", timer) };
};

const stopTimer: Handler<"timer.stop"> = (s) => {
  requireWorkshopNotClosed(s);
  return { write: () => s.r.workshop.set("timer", null) };
};

/**
 * Reveals the tally (allowed after the workshop closes: results are often shown last).
 * The vote closes with it, so the figures the room has just seen cannot move under
 * it; `keepOpen` is the facilitator's explicit choice to let ballots keep changing.
 */
const revealResults: Handler<"results.reveal"> = (s, args) => {
  const { activity } = requireKind(requireActivity(s, args.activityId), "vote");
  if (activity.status === "draft") refuse("conflict", `"${activity.title}" has not been opened`);
  const ballots = s.priv.ballots(activity.id);
  const result = tallyVote(s, activity, ballots);
  const closing = activity.status === "open" && args.keepOpen !== true;
  // A reveal publishes everything as it is now: turnout by group too, and the step starts again.
  const revealed: Activity = { ...activity, resultsRevealed: true, turnout: turnoutOf(ballots), pendingBallots: 0 };
  const next: Activity = closing ? { ...revealed, status: "closed", closedAt: s.now } : revealed;
  return {
    result: { activityId: activity.id, status: next.status },
    effects: [{ kind: "result.saved", activityId: activity.id, result }],
    write: () => {
      s.r.results.set(activity.id, result);
      s.r.activities.set(activity.id, next);
    },
  };
};

/** Display only, so it stays allowed after closing: the debrief often shows who was heard. */
const showVoice: Handler<"screen.showVoice"> = (s, args) => ({
  result: { show: args.show },
  write: () => s.r.workshop.set("showVoiceOnScreen", args.show),
});

const closeWorkshop: Handler<"workshop.close"> = (s) => {
  requireWorkshopNotClosed(s);
  const open = [...s.r.activities.values()].filter((a) => a.status === "open");
  const settled = open.map((activity) => settleVote(s, activity));
  return {
    effects: settled.flatMap((x) => x.effects),
    write: () => {
      for (const x of settled) x.write();
      for (const activity of open) {
        const current = s.r.activities.get(activity.id) ?? activity;
        s.r.activities.set(activity.id, { ...current, status: "closed", closedAt: s.now });
      }
      s.r.workshop.set("status", "closed");
      s.r.workshop.set("timer", null);
    },
  };
};

export const runningHandlers = {
  "activity.open": open,
  "activity.close": close,
  "activity.openToAll": openToAll,
  "cards.reveal": revealCards,
  "room.lock": lock,
  "room.joining": joining,
  "timer.start": startTimer,
  "timer.stop": stopTimer,
  "results.reveal": revealResults,
  "screen.showVoice": showVoice,
  "workshop.close": closeWorkshop,
};
