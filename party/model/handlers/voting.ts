/** Casting ballots and giving feedback: stored privately, echoed to the sender, counted in public. */
import { ballotProblem, feedbackProblem, normaliseBallot } from "../ballots";
import type { Activity } from "../doc";
import { refuse } from "../refusal";
import { groupOf, requireActivity, requireInputOpen, requireKind, requireMember } from "./guards";
import { ballotsAfter, recountVote } from "./recount";
import type { Handler, Scope } from "./scope";

function countFirstBallot(s: Scope, activity: Activity, group: string, first: boolean): () => void {
  return () => {
    if (!first) return;
    const turnout = activity.turnout ?? { voters: 0, byGroup: {} };
    const byGroup = { ...turnout.byGroup, [group]: (turnout.byGroup[group] ?? 0) + 1 };
    s.r.activities.set(activity.id, { ...activity, turnout: { voters: turnout.voters + 1, byGroup } });
  };
}

/** Submitting again replaces the earlier ballot: people may change their mind while the vote is open. */
const submitBallot: Handler<"ballot.submit"> = (s, args) => {
  const { activity, config } = requireKind(requireActivity(s, args.activityId), "vote");
  requireInputOpen(s, activity);
  const group = groupOf(s, requireMember(s));
  if (activity.stage === "first" && config.stagedGroups.length > 0 && !config.stagedGroups.includes(group))
    refuse("forbidden", `"${activity.title}" is open to ${config.stagedGroups.join(", ")} first; your turn comes next`);
  const problem = ballotProblem(config, args.ballot);
  if (problem) refuse("invalid_ballot", problem);
  const ballot = normaliseBallot(args.ballot);
  const cast = { participantId: s.actor.id, group, ballot };
  // Without published results only turnout changes, and a first ballot just adds one:
  // no need to read every ballot on each submission from a full room.
  const publish = activity.resultsRevealed || config.liveResults;
  const recount = publish
    ? recountVote(s, activity, ballotsAfter(s, activity.id, cast))
    : { effects: [], write: countFirstBallot(s, activity, group, s.priv.ballot(activity.id, s.actor.id) === null) };
  return {
    result: { activityId: activity.id },
    effects: [
      { kind: "ballot.put", activityId: activity.id, ...cast },
      {
        kind: "private",
        to: s.actor.id,
        message: { type: "private", kind: "ballot", activityId: activity.id, ballot },
      },
      ...recount.effects,
    ],
    write: recount.write,
  };
};

const submitFeedback: Handler<"feedback.submit"> = (s, args) => {
  const { activity, config } = requireKind(requireActivity(s, args.activityId), "feedback");
  requireInputOpen(s, activity);
  const group = groupOf(s, requireMember(s));
  const problem = feedbackProblem(config, args.answers);
  if (problem) refuse("bad_request", problem);
  const first = s.priv.feedback(activity.id, s.actor.id) === null;
  const answers = args.answers;
  return {
    result: { activityId: activity.id },
    effects: [
      { kind: "feedback.put", activityId: activity.id, participantId: s.actor.id, group, answers },
      {
        kind: "private",
        to: s.actor.id,
        message: { type: "private", kind: "feedback", activityId: activity.id, answers },
      },
    ],
    write: countFirstBallot(s, activity, group, first),
  };
};

export const votingHandlers = { "ballot.submit": submitBallot, "feedback.submit": submitFeedback };
