/**
 * The session report (`GET /api/workshops/:id/report`) as the evaluator page reads
 * it: validated with valibot, loosely (fields the page does not show are ignored,
 * optional ones default), so a richer report never breaks the page.
 */
import * as v from "valibot";
import type { ReportCard } from "../../../../party/model/card";
import { DEFAULT_CURRENCY, StakeholderGroup } from "../../../../party/model/commands";
import { CommitmentView, FollowThrough } from "../../../../party/model/followup";
import type { BalanceOfVoice, GroupVoice } from "../../../../party/model/voice";
import { apiFetch } from "../../../lib/api";
import { SourcesSchema, TallySchema } from "../results";

const Num = v.nullish(v.number(), null);
const Counts = v.record(v.string(), v.number());

/**
 * The report's card as the page reads it: typed against the model's ReportCard
 * (party/model/card.ts), so the two cannot drift; fields the page does not show are left out.
 */
const ReportCardView: v.GenericSchema<
  unknown,
  Pick<ReportCard, "id" | "lane" | "kind" | "text" | "group" | "supports" | "createdAt"> & {
    comments: Pick<ReportCard["comments"][number], "text" | "group">[];
  }
> = v.object({
  id: v.string(),
  lane: v.string(),
  kind: v.string(),
  text: v.string(),
  group: v.string(),
  supports: v.optional(v.number(), 0),
  createdAt: v.optional(v.number(), 0),
  comments: v.optional(v.array(v.object({ text: v.string(), group: v.string() })), []),
});

const MapSection = v.object({
  prompt: v.optional(v.string(), ""),
  lanes: v.array(v.object({ id: v.string(), label: v.string() })),
  kinds: v.array(v.object({ id: v.string(), label: v.string(), color: v.optional(v.string()) })),
  cards: v.array(ReportCardView),
  hiddenCount: v.optional(v.number(), 0),
  cardsByGroup: v.optional(Counts, {}),
  links: v.optional(v.array(v.object({ from: v.string(), to: v.string(), label: v.optional(v.string(), "") })), []),
});
export type MapSection = v.InferOutput<typeof MapSection>;

const VoteSection = v.object({
  method: v.string(),
  currency: v.optional(v.picklist(["points", "money", "GBP"]), "points"),
  options: v.array(v.object({ id: v.string(), label: v.string() })),
  revealed: v.optional(v.boolean(), false),
  result: TallySchema,
});
export type VoteSection = v.InferOutput<typeof VoteSection>;

const Likert = v.object({ n: v.number(), mean: Num, distribution: v.optional(Counts, {}) });
const FeedbackSection = v.object({
  respondents: v.number(),
  sources: v.optional(SourcesSchema),
  turnout: v.optional(Counts, {}),
  mergedGroups: v.optional(v.array(v.string()), []),
  mergedFrom: v.optional(v.array(v.string()), []),
  items: v.array(
    v.object({
      id: v.string(),
      type: v.string(),
      label: v.string(),
      overall: v.optional(Likert),
      byGroup: v.optional(v.record(v.string(), Likert), {}),
      answers: v.optional(v.array(v.object({ group: v.nullable(v.string()), text: v.string() })), []),
    }),
  ),
});
export type FeedbackSection = v.InferOutput<typeof FeedbackSection>;

/** tables (#13): the report's section per table (worker/report/tables.ts) */
export const TableSection = v.object({
  id: v.string(),
  label: v.string(),
  people: v.number(),
  peopleByGroup: v.optional(v.record(v.string(), v.number()), {}),
  cards: v.array(
    v.object({
      id: v.string(),
      text: v.string(),
      group: v.string(),
      supports: v.optional(v.number(), 0),
      transcribed: v.optional(v.boolean(), false),
      harvestedInto: v.optional(v.array(v.string()), []),
    }),
  ),
  hiddenCount: v.optional(v.number(), 0),
  voice: v.optional(v.unknown()),
  dominatedBy: v.optional(v.array(v.string()), []),
});
export type TableSection = v.InferOutput<typeof TableSection>;

export const Report = v.object({
  generatedAt: v.optional(v.number(), 0),
  workshop: v.object({
    id: v.string(),
    title: v.string(),
    purpose: v.optional(v.string(), ""),
    status: v.optional(v.string(), "draft"),
    currency: v.optional(v.string(), DEFAULT_CURRENCY),
    programmeId: v.nullish(v.string(), null),
    scheduledFor: v.nullish(v.string(), null),
    startedAt: Num,
    closedAt: Num,
    groups: v.array(StakeholderGroup),
  }),
  agenda: v.array(
    v.object({
      id: v.string(),
      kind: v.string(),
      title: v.string(),
      status: v.optional(v.string(), "draft"),
      openedAt: Num,
      closedAt: Num,
      durationMs: Num,
      plannedMinutes: Num,
    }),
  ),
  attendance: v.object({
    joined: v.number(),
    withdrawn: v.optional(v.number(), 0),
    removed: v.optional(v.number(), 0),
    byGroup: v.optional(Counts, {}),
  }),
  activities: v.array(
    v.object({
      activityId: v.string(),
      kind: v.string(),
      title: v.string(),
      map: v.optional(MapSection),
      vote: v.optional(VoteSection),
      feedback: v.optional(FeedbackSection),
    }),
  ),
  balanceOfVoice: v.optional(v.unknown()),
  /** tables (#13) */
  tables: v.optional(v.array(TableSection), []),
  // Co-delivery (#15)
  commitments: v.optional(v.array(CommitmentView), []),
  followThrough: v.optional(FollowThrough),
  timeline: v.optional(
    v.array(
      v.object({
        seq: v.number(),
        at: v.number(),
        role: v.string(),
        group: v.optional(v.string(), ""),
        command: v.string(),
        activityId: v.optional(v.string()),
        cardId: v.optional(v.string()),
      }),
    ),
    [],
  ),
});
export type Report = v.InferOutput<typeof Report>;

export function getReport(token: string, workshopId: string): Promise<Report> {
  return apiFetch(`/api/workshops/${encodeURIComponent(workshopId)}/report`, Report, { token });
}

// ---- balance of voice: the model's shape, or the Worker's earlier per-group counts ----

const ModelVoice = v.object({
  groups: v.array(
    v.object({
      group: v.string(),
      present: v.number(),
      presentShare: v.number(),
      cards: v.number(),
      cardShare: v.number(),
      supports: v.number(),
      supportShare: v.number(),
      comments: v.number(),
      commentShare: v.number(),
      ballots: v.number(),
      ballotShare: v.number(),
      contributions: v.number(),
      contributionShare: v.number(),
      ratio: v.nullable(v.number()),
      underHeard: v.boolean(),
      mergedFrom: v.optional(v.array(v.string())),
    }),
  ),
  totals: v.object({
    present: v.number(),
    cards: v.number(),
    supports: v.number(),
    comments: v.number(),
    ballots: v.number(),
    contributions: v.number(),
  }),
  mergedGroups: v.optional(v.array(v.string()), []),
  suppressed: v.optional(v.number(), 0),
});

const CountsVoice = v.object({
  contributions: v.number(),
  byGroup: v.record(
    v.string(),
    v.object({
      participants: v.number(),
      cards: v.number(),
      comments: v.number(),
      voters: v.number(),
      share: v.number(),
      presence: v.number(),
    }),
  ),
});

const share = (n: number, total: number) => (total === 0 ? 0 : n / total);

/** The report's balance of voice in the model's shape, whichever shape the Worker sent. */
export function reportVoice(raw: unknown): BalanceOfVoice | null {
  const model = v.safeParse(ModelVoice, raw);
  if (model.success) return model.output;
  const counts = v.safeParse(CountsVoice, raw);
  if (!counts.success) return null;
  const rows = Object.entries(counts.output.byGroup);
  const total = (pick: (r: (typeof rows)[number][1]) => number) => rows.reduce((t, [, r]) => t + pick(r), 0);
  const totals = {
    present: total((r) => r.participants),
    cards: total((r) => r.cards),
    supports: 0,
    comments: total((r) => r.comments),
    ballots: total((r) => r.voters),
    contributions: counts.output.contributions,
  };
  const groups = rows.map(
    ([group, r]): GroupVoice => ({
      group,
      present: r.participants,
      presentShare: r.presence,
      cards: r.cards,
      cardShare: share(r.cards, totals.cards),
      supports: 0,
      supportShare: 0,
      comments: r.comments,
      commentShare: share(r.comments, totals.comments),
      ballots: r.voters,
      ballotShare: share(r.voters, totals.ballots),
      contributions: r.cards + r.comments,
      contributionShare: r.share,
      ratio: r.presence === 0 ? null : r.share / r.presence,
      underHeard: false,
    }),
  );
  return { groups, totals, mergedGroups: [], suppressed: 0 };
}
