/**
 * Co-delivery wire types (#15): what the commitments and follow-up API return. The phone's
 * follow-up page validates answers with these, so this module stays small and imports
 * nothing but valibot (the input schemas live in ./commitments.ts).
 */
import * as v from "valibot";

export const COMMITMENT_STATUSES = ["planned", "in_progress", "done", "not_doing"] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

const Str = v.string();
const Num = v.number();
const Strs = v.array(v.string());
const Status = v.picklist(COMMITMENT_STATUSES);

export const SourceView = v.object({
  kind: v.picklist(["option", "card"]),
  activityId: Str,
  optionId: v.optional(Str),
  cardId: v.optional(Str),
  /** the option's label or the card's text; null when it is no longer there (withdrawn, hidden) */
  label: v.nullable(Str),
  /** stakeholder groups whose cards the option or card came from (never who) */
  originGroups: Strs,
});
export type SourceView = v.InferOutput<typeof SourceView>;

export const UpdateView = v.object({
  at: Num,
  kind: v.picklist(["created", "update"]),
  status: Status,
  progress: Num,
  note: Str,
  /** who posted it, by role and organisation only: never a name or token */
  by: v.object({ role: v.picklist(["organiser", "facilitator", "partner"]), organisation: v.nullable(Str) }),
});
export type UpdateView = v.InferOutput<typeof UpdateView>;

export const CommitmentView = v.object({
  id: Str,
  title: Str,
  description: Str,
  owner: v.object({ organisation: Str }),
  due: v.nullable(Str),
  status: Status,
  progress: Num,
  overdue: v.boolean(),
  createdAt: Num,
  updatedAt: Num,
  from: v.array(SourceView),
  history: v.array(UpdateView),
});
export type CommitmentView = v.InferOutput<typeof CommitmentView>;

/** One prioritised option of a revealed vote, as the public sees it. */
export const PriorityView = v.object({
  activityId: Str,
  optionId: Str,
  label: Str,
  rank: Num,
  /** points (or mean impact − effort for a matrix) */
  score: Num,
  /** groups that raised it (cards' groups) */
  originGroups: Strs,
  /** groups shown in the revealed results (k-anonymised) that gave it points */
  supportedBy: Strs,
  /** cards behind the option (so a phone can tell the ones it raised or supported) */
  cardIds: Strs,
  /** ids of the commitments that answer it */
  commitments: Strs,
});
export type PriorityView = v.InferOutput<typeof PriorityView>;

export const FollowUp = v.object({
  workshop: v.object({
    title: Str,
    purpose: Str,
    status: Str,
    language: Str,
    scheduledFor: v.nullable(Str),
    closedAt: v.nullable(Num),
    groups: v.array(v.object({ id: Str, label: Str })),
  }),
  priorities: v.array(v.object({ activityId: Str, title: Str, method: Str, voters: Num, top: v.array(PriorityView) })),
  commitments: v.array(CommitmentView),
  generatedAt: Num,
});
export type FollowUp = v.InferOutput<typeof FollowUp>;

const Counts = v.object({ raised: Num, committed: Num, done: Num });
export type FollowThroughCounts = v.InferOutput<typeof Counts>;

/**
 * Follow-through by origin: for each stakeholder group whose cards raised top priorities,
 * how many it raised, how many got a commitment and how many were done.
 */
export const FollowThrough = v.object({
  /** top options counted per revealed vote */
  topN: Num,
  byGroup: v.record(v.string(), Counts),
  /** top options typed by a facilitator: no origin cards */
  unattributed: Counts,
  total: Counts,
});
export type FollowThrough = v.InferOutput<typeof FollowThrough>;
