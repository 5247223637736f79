/**
 * Keeping a vote's public figures true after ballots change: turnout (counts by
 * group, never contents) always, and the tally when results are live or revealed;
 * and a feedback form's turnout after answers come and go, moving in the same steps.
 */
import type { Effect } from "../apply";
import type { Activity } from "../doc";
import { ANONYMITY_K, type CastBallot, type Tally, tally } from "../tally";
import { configOf } from "./guards";
import type { Scope } from "./scope";

/** The vote's ballots with one participant's replaced (or removed when `ballot` is null). */
export function ballotsAfter(
  s: Scope,
  activityId: string,
  change: CastBallot | { participantId: string; ballot: null },
) {
  const others = s.priv.ballots(activityId).filter((b) => b.participantId !== change.participantId);
  return change.ballot === null ? others : [...others, change as CastBallot];
}

export function turnoutOf(ballots: readonly { group: string }[]): NonNullable<Activity["turnout"]> {
  const byGroup: Record<string, number> = {};
  for (const b of ballots) byGroup[b.group] = (byGroup[b.group] ?? 0) + 1;
  return { voters: ballots.length, byGroup };
}

/**
 * Live totals appear only once ANONYMITY_K people have voted: with one or two voters the
 * totals would be somebody's ballot, and ballots are secret until the reveal.
 */
export function liveResultsShown(activity: Activity, voters: number): boolean {
  return configOf(activity, "vote").liveResults && voters >= ANONYMITY_K;
}

export function tallyVote(
  s: Scope,
  activity: Activity,
  ballots: readonly CastBallot[],
  dropCards?: ReadonlySet<string>,
): Tally {
  const config = configOf(activity, "vote");
  // Only the cards options came from matter for tracing origin.
  const cardGroups: Record<string, string> = {};
  const cardTables: Record<string, string> = {};
  for (const cardId of config.options.flatMap((o) => o.cardIds ?? [])) {
    const card = s.r.cards.get(cardId);
    if (!card || dropCards?.has(cardId)) continue;
    cardGroups[cardId] = card.group;
    // tables (#13): a table's card, or a plenary card harvested from one.
    const table = card.table || card.origin?.table;
    if (table) cardTables[cardId] = table;
  }
  // tables (#13): each voter counts for the table they sit at when the tally is made.
  const seated = ballots.map((b) => {
    const table = s.r.participants.get(b.participantId)?.table;
    return table ? { ...b, table } : b;
  });
  return tally({
    method: config.method,
    options: config.options,
    ballots: seated,
    topK: config.topK,
    cardGroups,
    cardTables,
    weighting: config.weighting,
  });
}

/**
 * Ballot changes between two moves of a vote's public figures while it is open (safety #12):
 * the difference between two publications is then at least this many ballots, never one.
 */
export const LIVE_STEP = ANONYMITY_K;

/** Whether this change moves the public figures: every LIVE_STEP changes while open, always once closed. */
function movesFigures(activity: Activity, final: boolean): boolean {
  return final || activity.status !== "open" || (activity.pendingBallots ?? 0) + 1 >= LIVE_STEP;
}

/**
 * Writes for a vote whose ballots are now `ballots`; call `write` inside the command's
 * transaction. While the vote is open, totals and turnout by group move only every
 * LIVE_STEP ballot changes (the count of voters stays live; it says nothing about whom
 * or what); `final` (closing the vote) moves them regardless.
 */
export function recountVote(
  s: Scope,
  activity: Activity,
  ballots: readonly CastBallot[],
  dropCards?: ReadonlySet<string>,
  final = false,
): { effects: Effect[]; write: () => void } {
  const move = movesFigures(activity, final);
  const publish = move && (activity.resultsRevealed || liveResultsShown(activity, ballots.length));
  const result = publish ? tallyVote(s, activity, ballots, dropCards) : null;
  return {
    effects: result ? [{ kind: "result.saved", activityId: activity.id, result }] : [],
    write: () => {
      // Read the entry at write time so several recounts in one transaction compose.
      const current = s.r.activities.get(activity.id);
      if (current) {
        const turnout = move ? turnoutOf(ballots) : { voters: ballots.length, byGroup: current.turnout?.byGroup ?? {} };
        const pendingBallots = move ? 0 : (current.pendingBallots ?? 0) + 1;
        s.r.activities.set(activity.id, { ...current, turnout, pendingBallots });
      }
      if (!move) return;
      if (result) s.r.results.set(activity.id, result);
      // Live totals withdrawn below the threshold must not linger on screens.
      else if (s.r.results.has(activity.id)) s.r.results.delete(activity.id);
    },
  };
}

/**
 * A ballot change while no figures are published (no live results, no reveal): only
 * turnout moves, and cheaply — the count of voters at once, turnout by group (which needs
 * every ballot read) only every LIVE_STEP changes.
 */
export function countBallotChange(
  s: Scope,
  activity: Activity,
  ballots: () => readonly CastBallot[],
  firstBallot: boolean,
): { effects: Effect[]; write: () => void } {
  if (movesFigures(activity, false)) return recountVote(s, activity, ballots());
  return {
    effects: [],
    write: () => {
      const current = s.r.activities.get(activity.id);
      if (!current) return;
      const turnout = current.turnout ?? { voters: 0, byGroup: {} };
      const voters = turnout.voters + (firstBallot ? 1 : 0);
      const pendingBallots = (current.pendingBallots ?? 0) + 1;
      s.r.activities.set(activity.id, { ...current, turnout: { ...turnout, voters }, pendingBallots });
    },
  };
}

/**
 * An activity is closing: figures held back by the step move now, so what stays on screens
 * (and in D1) is the true final count — a vote's totals and turnout, a feedback form's
 * turnout. Nothing to do when no change is pending.
 */
export function settleVote(s: Scope, activity: Activity): { effects: Effect[]; write: () => void } {
  if (!activity.pendingBallots) return { effects: [], write: () => {} };
  if (activity.kind === "feedback") {
    return { effects: [], write: settleTurnout(s, activity.id, s.priv.feedbackRespondents(activity.id)) };
  }
  if (activity.kind !== "vote") return { effects: [], write: () => {} };
  return recountVote(s, activity, s.priv.ballots(activity.id), undefined, true);
}

// ---- feedback forms (safety #12) ------------------------------------------------------------

/** A change to who has answered a feedback form: a first answer, a removal, a moved group. */
export type RespondentChange = { participantId: string; group: string | null };

/** The form's respondents with one change applied (`group: null` removes them). */
export function respondentsAfter(s: Scope, activityId: string, change: RespondentChange) {
  const others = s.priv.feedbackRespondents(activityId).filter((r) => r.participantId !== change.participantId);
  return change.group === null ? others : [...others, { participantId: change.participantId, group: change.group }];
}

function settleTurnout(s: Scope, activityId: string, respondents: readonly { group: string }[]): () => void {
  return () => {
    const current = s.r.activities.get(activityId);
    if (current) s.r.activities.set(activityId, { ...current, turnout: turnoutOf(respondents), pendingBallots: 0 });
  };
}

/**
 * Keeps a feedback form's public turnout true after one change, the way a vote's moves: the
 * count of respondents at once (`respondentsDelta`), turnout by group only every LIVE_STEP
 * changes while the form is open, so two publications never differ by one person's group.
 * Call the returned write inside the command's transaction; `respondents` (read only when
 * the figures move) is the form's respondents after the change.
 */
export function countFeedbackChange(
  s: Scope,
  activityId: string,
  respondentsDelta: number,
  respondents: () => readonly { group: string }[],
): () => void {
  const activity = s.r.activities.get(activityId);
  if (!activity) return () => {};
  if (movesFigures(activity, false)) return settleTurnout(s, activityId, respondents());
  return () => {
    // Read the entry at write time so several changes in one transaction compose.
    const current = s.r.activities.get(activityId);
    if (!current) return;
    const turnout = current.turnout ?? { voters: 0, byGroup: {} };
    const voters = Math.max(0, turnout.voters + respondentsDelta);
    const pendingBallots = (current.pendingBallots ?? 0) + 1;
    s.r.activities.set(activityId, { ...current, turnout: { ...turnout, voters }, pendingBallots });
  };
}
