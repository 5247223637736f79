/**
 * Commitments as the API and the public follow-up show them: by role and
 * organisation, never by name, token or participant id.
 */
import {
  type CommitmentView,
  type FollowUp,
  isOverdue,
  type PriorityView,
  type SourceView,
} from "../../party/model/commitments";
import type { WorkshopCommitments } from "../db/commitments";
import { type WorkshopRow, workshopGroups } from "../db/workshops";
import { IdList, parseColumn } from "../report/parse";
import { type Outcomes, scoredRanking, scoreOf, sourceLabel, supportedBy } from "./outcomes";

/** How many options of each revealed vote the public follow-up lists. */
export const PUBLIC_PRIORITIES = 5;

export function commitmentViews(data: WorkshopCommitments, outcomes: Outcomes, now: number): CommitmentView[] {
  return data.commitments.map((c) => {
    const from: SourceView[] = data.sources
      .filter((s) => s.commitment_id === c.id)
      .map((s) => ({
        kind: s.card_id ? ("card" as const) : ("option" as const),
        activityId: s.activity_id,
        ...(s.option_id ? { optionId: s.option_id } : {}),
        ...(s.card_id ? { cardId: s.card_id } : {}),
        label: sourceLabel(outcomes, s.activity_id, s.option_id, s.card_id),
        originGroups: parseColumn(IdList, s.origin_groups, `commitment source ${c.id}/${s.position}`) ?? [],
      }));
    const history = data.updates
      .filter((u) => u.commitment_id === c.id)
      .map((u) => ({
        at: u.at,
        kind: u.kind,
        status: u.status,
        progress: u.progress,
        note: u.note,
        by: { role: u.by_role, organisation: u.by_role === "partner" ? u.by_organisation : null },
      }));
    return {
      id: c.id,
      title: c.title,
      description: c.description,
      owner: { organisation: c.organisation },
      due: c.due,
      status: c.status,
      progress: c.progress,
      overdue: isOverdue(c, now),
      createdAt: c.created_at,
      updatedAt: c.updated_at,
      from,
      history,
    };
  });
}

/** What the public follow-up shows: revealed priorities and the commitments that answer them. */
export function followUp(w: WorkshopRow, data: WorkshopCommitments, outcomes: Outcomes, now: number): FollowUp {
  const commitments = commitmentViews(data, outcomes, now);
  const answering = (activityId: string, optionId: string, cardIds: string[]) =>
    commitments
      .filter((c) =>
        c.from.some(
          (s) =>
            (s.activityId === activityId && s.optionId === optionId) ||
            (s.cardId !== undefined && cardIds.includes(s.cardId)),
        ),
      )
      .map((c) => c.id);
  const priorities = [...outcomes.votes.values()]
    .filter((vote) => vote.revealed)
    .map((vote) => {
      const top: PriorityView[] = scoredRanking(vote)
        .slice(0, PUBLIC_PRIORITIES)
        .map((optionId, i) => {
          const option = vote.options.find((o) => o.id === optionId);
          return {
            activityId: vote.activityId,
            optionId,
            label: option?.label ?? optionId,
            rank: i + 1,
            score: scoreOf(vote, optionId),
            originGroups: option?.originGroups ?? [],
            cardIds: option?.cardIds ?? [],
            supportedBy: supportedBy(vote, optionId),
            commitments: answering(vote.activityId, optionId, option?.cardIds ?? []),
          };
        });
      return { activityId: vote.activityId, title: vote.title, method: vote.method, voters: vote.result.voters, top };
    });
  return {
    workshop: {
      title: w.title,
      purpose: w.purpose,
      status: w.status,
      language: w.language,
      scheduledFor: w.scheduled_for,
      closedAt: w.closed_at,
      groups: workshopGroups(w),
    },
    priorities,
    commitments,
    generatedAt: now,
  };
}

/** Counts of a workshop's commitments by status, and how many are overdue (programme view). */
export function commitmentSummary(views: readonly CommitmentView[]) {
  const count = (status: CommitmentView["status"]) => views.filter((c) => c.status === status).length;
  return {
    total: views.length,
    planned: count("planned"),
    inProgress: count("in_progress"),
    done: count("done"),
    notDoing: count("not_doing"),
    overdue: views.filter((c) => c.overdue).length,
  };
}
