/** Casting ballots and giving feedback: stored privately, echoed to the sender, counted in public. */

import type { Effect } from "../apply";
import { ballotProblem, feedbackProblem, normaliseBallot } from "../ballots";
import { refuse } from "../refusal";
import { respondentFor } from "./acting";
import { requireActivity, requireInputOpen, requireKind } from "./guards";
import { ballotsAfter, countBallotChange, countFeedbackChange, recountVote, respondentsAfter } from "./recount";
import type { Handler } from "./scope";

/**
 * Only a phone is told its own ballot or answers back: a kiosk's next person, or whoever holds
 * the facilitator's laptop after a paper entry, must not see them.
 */
function echoToPhone(to: string, source: string, message: Extract<Effect, { kind: "private" }>["message"]): Effect[] {
  return source === "phone" ? [{ kind: "private", to, message }] : [];
}

/**
 * Submitting again replaces the earlier ballot: people may change their mind while the vote is open.
 * A paper ballot (facilitator) or a kiosk turn's ballot is one more person of the named group
 * (handlers/acting.ts); it is counted exactly like a phone's and says its source.
 */
const submitBallot: Handler<"ballot.submit"> = (s, args) => {
  const { activity, config } = requireKind(requireActivity(s, args.activityId), "vote");
  requireInputOpen(s, activity);
  const who = respondentFor(s, args);
  const group = who.group;
  if (activity.stage === "first" && config.stagedGroups.length > 0 && !config.stagedGroups.includes(group))
    refuse("forbidden", `"${activity.title}" is open to ${config.stagedGroups.join(", ")} first; your turn comes next`);
  const problem = ballotProblem(config, args.ballot);
  if (problem) refuse("invalid_ballot", problem);
  const ballot = normaliseBallot(args.ballot);
  const cast = { participantId: who.id, group, ballot, source: who.source };
  // Without published results only turnout changes, and a first ballot just adds one:
  // no need to read every ballot on each submission from a full room. Either way the
  // public figures move only in steps (safety #12, recount.ts).
  const publish = activity.resultsRevealed || config.liveResults;
  const recount = publish
    ? recountVote(s, activity, ballotsAfter(s, activity.id, cast))
    : countBallotChange(
        s,
        activity,
        () => ballotsAfter(s, activity.id, cast),
        s.priv.ballot(activity.id, who.id) === null,
      );
  const echo = echoToPhone(s.actor.id, who.source, {
    type: "private",
    kind: "ballot",
    activityId: activity.id,
    ballot,
  });
  return {
    result:
      who.source === "phone"
        ? { activityId: activity.id }
        : { activityId: activity.id, ballotId: who.id, source: who.source },
    effects: [...who.effects, { kind: "ballot.put", activityId: activity.id, ...cast }, ...echo, ...recount.effects],
    write: () => {
      who.write();
      recount.write();
    },
  };
};

const submitFeedback: Handler<"feedback.submit"> = (s, args) => {
  const { activity, config } = requireKind(requireActivity(s, args.activityId), "feedback");
  requireInputOpen(s, activity);
  const who = respondentFor(s, args);
  const group = who.group;
  const problem = feedbackProblem(config, args.answers);
  if (problem) refuse("bad_request", problem);
  const first = s.priv.feedback(activity.id, who.id) === null;
  const answers = args.answers;
  const echo = echoToPhone(s.actor.id, who.source, {
    type: "private",
    kind: "feedback",
    activityId: activity.id,
    answers,
  });
  // A first answer is one more respondent; answering again changes nothing anyone sees.
  const turnout = first
    ? countFeedbackChange(s, activity.id, 1, () => respondentsAfter(s, activity.id, { participantId: who.id, group }))
    : () => {};
  return {
    result:
      who.source === "phone"
        ? { activityId: activity.id }
        : { activityId: activity.id, feedbackId: who.id, source: who.source },
    effects: [
      ...who.effects,
      { kind: "feedback.put", activityId: activity.id, participantId: who.id, group, answers, source: who.source },
      ...echo,
    ],
    write: () => {
      who.write();
      turnout();
    },
  };
};

export const votingHandlers = { "ballot.submit": submitBallot, "feedback.submit": submitFeedback };
