/**
 * The programme view: the workshops of a programme side by side, so an evaluator
 * can see participation by group, balance of voice, feedback and priorities over time.
 */

import { emptyFollowThrough, sumFollowThrough } from "../commitments/followThrough";
import { scoredRanking, TOP_PRIORITIES } from "../commitments/outcomes";
import { commitmentSummary } from "../commitments/views";
import { listWorkshops, type ProgrammeRow } from "../db/workshops";
import { type WorkshopReport, workshopReport } from "./workshop";

function priorities(report: WorkshopReport) {
  return report.activities.flatMap((a) => {
    if (!("vote" in a) || !a.vote) return [];
    const labels = new Map(a.vote.options.map((o) => [o.id, o.label]));
    return [
      {
        activityId: a.activityId,
        title: a.title,
        method: a.vote.method,
        voters: a.vote.result.voters,
        top: scoredRanking(a.vote)
          .slice(0, TOP_PRIORITIES)
          .map((id) => ({ id, label: labels.get(id) ?? id })),
      },
    ];
  });
}

/** Mean of every Likert item's overall mean in the workshop's feedback, overall and by group. */
function feedbackSummary(report: WorkshopReport) {
  const overall: number[] = [];
  const byGroup: Record<string, number[]> = {};
  let respondents = 0;
  for (const a of report.activities) {
    if (!("feedback" in a) || !a.feedback) continue;
    respondents = Math.max(respondents, a.feedback.respondents);
    for (const item of a.feedback.items) {
      if (item.overall?.mean != null) overall.push(item.overall.mean);
      for (const [g, s] of Object.entries(item.byGroup ?? {})) {
        if (s.mean === null) continue;
        const list = byGroup[g] ?? [];
        list.push(s.mean);
        byGroup[g] = list;
      }
    }
  }
  const mean = (xs: number[]) =>
    xs.length === 0 ? null : Math.round((xs.reduce((t, x) => t + x, 0) / xs.length) * 100) / 100;
  return {
    respondents,
    meanLikert: mean(overall),
    byGroup: Object.fromEntries(Object.entries(byGroup).map(([g, xs]) => [g, mean(xs)])),
  };
}

export async function programmeView(db: D1Database, programme: ProgrammeRow) {
  const workshops = await listWorkshops(db, programme.id);
  const reports = await Promise.all(workshops.map((w) => workshopReport(db, w)));
  // Co-delivery (#15): follow-through by origin group across the programme.
  const followThrough = reports.reduce((acc, r) => sumFollowThrough(acc, r.followThrough), emptyFollowThrough());
  return {
    id: programme.id,
    title: programme.title,
    createdAt: programme.created_at,
    followThrough,
    workshops: reports.map((r) => ({
      commitments: commitmentSummary(r.commitments),
      id: r.workshop.id,
      title: r.workshop.title,
      status: r.workshop.status,
      scheduledFor: r.workshop.scheduledFor,
      createdAt: r.workshop.createdAt,
      attendance: r.attendance,
      balanceOfVoice: r.balanceOfVoice,
      feedback: feedbackSummary(r),
      priorities: priorities(r),
    })),
  };
}
