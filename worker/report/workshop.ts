/**
 * The evaluator's report of one workshop, built from D1 (saved outputs):
 * agenda with actual timings, attendance, maps, vote results, balance of voice,
 * feedback and the timeline. Pseudonyms and groups only; never tokens.
 */
import { addFollowThrough, emptyFollowThrough } from "../commitments/followThrough";
import { outcomesFrom } from "../commitments/outcomes";
import { commitmentViews } from "../commitments/views";
import { listCommitments, listSources, listUpdates } from "../db/commitments";
import {
  listActivities,
  listAttendance,
  listBallots,
  listCards,
  listComments,
  listEvents,
  listFeedback,
  listLinks,
  listRespondents,
  listResults,
  listTranslations,
} from "../db/outputs";
import { listParticipants } from "../db/participants";
import { readWorkshop } from "../db/rows";
import { type WorkshopRow, workshopGroups, workshopTables } from "../db/workshops";
import { balanceOfVoiceReport } from "./balance";
import { everyoneAttendance, translationsByLanguage } from "./everyone";
import { type FeedbackReport, summariseFeedback } from "./feedback";
import { type MapReport, mapReport } from "./maps";
import { savedConfig } from "./parse";
import { tableSections } from "./tables";
import { timeline } from "./timeline";
import { type VoteReport, voteReport } from "./votes";

export async function workshopReport(db: D1Database, w: WorkshopRow) {
  // One round trip to D1 for every table the report reads (a batch: one moment's rows).
  const [
    activities,
    participants,
    cards,
    comments,
    links,
    ballots,
    results,
    feedback,
    events,
    respondents,
    headCounts,
    translations,
    commitments,
    sources,
    updates,
  ] = await readWorkshop(db, w.id, [
    listActivities,
    listParticipants,
    listCards,
    listComments,
    listLinks,
    listBallots,
    listResults,
    listFeedback,
    listEvents,
    listRespondents,
    listAttendance,
    listTranslations,
    listCommitments,
    listSources,
    listUpdates,
  ]);
  // Co-delivery (#15): the workshop's commitments and follow-through by origin group.
  const commitmentRows = { commitments, sources, updates };
  const outcomes = outcomesFrom(activities, cards, ballots, results);
  const people = new Map(participants.map((p) => [p.id, p]));
  const cardsById = new Map(cards.map((c) => [c.id, c]));
  // tables (#13): where each person sat, for results by table.
  // Where each voter sat: phones by their seat, paper and kiosk respondents by the table they were entered at.
  const seats = new Map([
    ...participants.flatMap((p) => (p.table_id ? [[p.id, p.table_id] as const] : [])),
    ...respondents.flatMap((r) => (r.table_id ? [[r.id, r.table_id] as const] : [])),
  ]);

  const agenda = activities.map((a) => ({
    id: a.id,
    kind: a.kind,
    title: a.title,
    position: a.position,
    status: a.status,
    openedAt: a.opened_at,
    closedAt: a.closed_at,
    durationMs: a.opened_at !== null && a.closed_at !== null ? a.closed_at - a.opened_at : null,
    plannedMinutes: a.planned_minutes ?? null,
  }));

  const byGroup: Record<string, number> = {};
  for (const p of participants) byGroup[p.group_id] = (byGroup[p.group_id] ?? 0) + 1;
  const attendance = {
    joined: participants.length,
    withdrawn: participants.filter((p) => p.withdrawn_at !== null).length,
    removed: participants.filter((p) => p.removed_at !== null).length,
    byGroup,
    // everyone counts: phones, paper (head counts) and kiosks
    ...everyoneAttendance(participants, headCounts, respondents),
  };

  const sections = activities.map((a) => {
    const base = { activityId: a.id, kind: a.kind, title: a.title };
    const saved = savedConfig(a);
    switch (saved?.kind) {
      case "map": {
        const own = cards.filter((c) => c.activity_id === a.id);
        const ownIds = new Set(own.map((c) => c.id));
        const map: MapReport = mapReport(
          saved.config,
          own,
          comments.filter((m) => ownIds.has(m.card_id)),
          links.filter((l) => ownIds.has(l.from_card)),
          people,
        );
        return { ...base, map };
      }
      case "vote": {
        const own = ballots.filter((b) => b.activity_id === a.id);
        const result = results.find((r) => r.activity_id === a.id);
        const vote: VoteReport = voteReport(a.id, saved.config, own, result, cardsById, seats);
        return { ...base, vote };
      }
      case "feedback": {
        const summary: FeedbackReport = summariseFeedback(
          saved.config,
          feedback.filter((f) => f.activity_id === a.id),
        );
        return { ...base, feedback: summary };
      }
      default:
        return base;
    }
  });

  return {
    generatedAt: Date.now(),
    workshop: {
      id: w.id,
      title: w.title,
      purpose: w.purpose,
      status: w.status,
      language: w.language,
      currency: w.currency,
      template: w.template,
      programmeId: w.programme_id,
      scheduledFor: w.scheduled_for,
      createdAt: w.created_at,
      startedAt: w.started_at,
      closedAt: w.closed_at,
      groups: workshopGroups(w),
      tables: workshopTables(w),
    },
    agenda,
    attendance,
    activities: sections,
    balanceOfVoice: balanceOfVoiceReport(workshopGroups(w), participants, cards, comments, ballots, {
      headCounts,
      respondents,
    }),
    translations: translationsByLanguage(translations),
    // tables (#13): a section per table (empty when the workshop had none)
    tables: tableSections(
      workshopTables(w),
      workshopGroups(w),
      participants,
      cards,
      comments,
      new Map(activities.map((a) => [a.id, a.title])),
    ),
    timeline: timeline(events),
    commitments: commitmentViews(commitmentRows, outcomes, Date.now()),
    followThrough: addFollowThrough(emptyFollowThrough(), outcomes, commitmentRows),
  };
}

export type WorkshopReport = Awaited<ReturnType<typeof workshopReport>>;
