/**
 * Everyone counts (issue 14, docs/everyone-counts.md): taking back a mistaken paper or
 * kiosk entry, head counts of people taking part without a phone, and translations
 * of what the organiser and participants wrote.
 */
import type { Effect } from "../apply";
import type { Attendance, Translation } from "../doc";
import { attendanceKey, translationKey } from "../doc";
import { refuse } from "../refusal";
import { configOf, requireActivity, requireKind, workshopOf } from "./guards";
import { ballotsAfter, countFeedbackChange, recountVote, respondentsAfter } from "./recount";
import type { Handler, Scope } from "./scope";
import { isHost, requireTable } from "./table-scope";

/**
 * Only paper and kiosk entries can be taken back by a facilitator (a phone's are its
 * owner's); a host only those of their own table.
 */
function requireRespondent(s: Scope, id: string, what: string) {
  const respondent = s.priv.respondent(id);
  if (!respondent) refuse("not_found", `No paper or kiosk ${what} ${id}`);
  if (isHost(s) && respondent.table !== s.actor.table) refuse("forbidden", `That ${what} is from another table`);
  return respondent;
}

const removeBallot: Handler<"ballot.remove"> = (s, args) => {
  const { activity } = requireKind(requireActivity(s, args.activityId), "vote");
  requireRespondent(s, args.ballotId, "ballot");
  if (!s.priv.ballot(activity.id, args.ballotId)) refuse("not_found", `No ballot ${args.ballotId} in this vote`);
  const recount = recountVote(
    s,
    activity,
    ballotsAfter(s, activity.id, { participantId: args.ballotId, ballot: null }),
  );
  const effects: Effect[] = [
    { kind: "ballot.delete", participantId: args.ballotId, activityId: activity.id },
    ...recount.effects,
  ];
  return { result: { activityId: activity.id, ballotId: args.ballotId }, effects, write: recount.write };
};

const removeFeedback: Handler<"feedback.remove"> = (s, args) => {
  const { activity } = requireKind(requireActivity(s, args.activityId), "feedback");
  requireRespondent(s, args.feedbackId, "feedback form");
  if (!s.priv.feedback(activity.id, args.feedbackId))
    refuse("not_found", `No feedback ${args.feedbackId} in this form`);
  return {
    result: { activityId: activity.id, feedbackId: args.feedbackId },
    effects: [{ kind: "feedback.delete", participantId: args.feedbackId, activityId: activity.id }],
    // safety (#12): turnout by group moves in steps, so this removal does not show its group alone.
    write: countFeedbackChange(s, activity.id, -1, () =>
      respondentsAfter(s, activity.id, { participantId: args.feedbackId, group: null }),
    ),
  };
};

/** A head count replaces the last one for that group (and table); 0 clears it. */
const setAttendance: Handler<"attendance.set"> = (s, args) => {
  if (!workshopOf(s).groups.some((g) => g.id === args.group))
    refuse("bad_request", `group: no stakeholder group "${args.group}" in this workshop`);
  // A host counts heads at their own table (tables #13).
  if (isHost(s) && args.table !== undefined && args.table !== s.actor.table)
    refuse("forbidden", "A host counts heads at their own table only");
  const table = isHost(s) ? s.actor.table : args.table;
  if (isHost(s) && !table) refuse("forbidden", "This host link names no table");
  if (table && !isHost(s)) requireTable(s, table);
  const key = attendanceKey(args.group, table);
  const entry: Attendance = { group: args.group, count: args.count };
  if (table) entry.table = table;
  return {
    result: { group: args.group, count: args.count },
    write: () => {
      if (args.count === 0) s.r.attendance.delete(key);
      else s.r.attendance.set(key, entry);
    },
  };
};

/** The thing a translation target names must exist, and a card must be one everyone can see. */
function requireTarget(s: Scope, target: string): void {
  const [kind, first = "", second = ""] = target.split(".");
  if (kind === "workshop") return;
  if (kind === "card") {
    const card = s.r.cards.get(first);
    if (!card || card.hidden) refuse("not_found", `No card ${first} to translate`);
    return;
  }
  const activity = requireActivity(s, first);
  if (kind === "activity") return;
  const has = (list: readonly { id: string }[]) => list.some((x) => x.id === second);
  if (kind === "lane" || kind === "kind") {
    const config = requireKind(activity, "map").config;
    if (!has(kind === "lane" ? config.lanes : config.kinds)) refuse("not_found", `No ${kind} ${second} on this map`);
    return;
  }
  if (kind === "option") {
    if (!has(requireKind(activity, "vote").config.options)) refuse("not_found", `No option ${second} in this vote`);
    return;
  }
  if (!has(configOf(requireKind(activity, "feedback").activity, "feedback").items))
    refuse("not_found", `No question ${second} in this form`);
}

/**
 * Interpreters translate into their own language only; facilitators into any. The
 * entry holds the target, language and text, never who wrote the original or the translation.
 */
const setTranslation: Handler<"translation.set"> = (s, args) => {
  if (s.actor.role === "interpreter" && s.actor.language !== args.language)
    refuse("forbidden", `This interpreter link translates into ${s.actor.language ?? "no language"} only`);
  requireTarget(s, args.target);
  const key = translationKey(args.language, args.target);
  const entry: Translation = { target: args.target, language: args.language, text: args.text, updatedAt: s.now };
  return {
    result: { target: args.target, language: args.language },
    write: () => {
      if (args.text === "") s.r.translations.delete(key);
      else s.r.translations.set(key, entry);
    },
  };
};

/**
 * Display only, like screen.showVoice: allowed after closing (the debrief). The workshop's
 * own language is what the projector shows already, so it cannot be the second one.
 */
const screenLanguage: Handler<"screen.language"> = (s, args) => {
  if (args.language !== null && args.language === workshopOf(s).language)
    refuse("bad_request", `The projector already shows ${args.language}, the workshop's own language`);
  return {
    result: { language: args.language },
    write: () => s.r.workshop.set("screenLanguage", args.language),
  };
};

export const everyoneHandlers = {
  "ballot.remove": removeBallot,
  "feedback.remove": removeFeedback,
  "attendance.set": setAttendance,
  "translation.set": setTranslation,
  "screen.language": screenLanguage,
};
