/**
 * The export tables: flat rows with pseudonyms and groups (never tokens), the
 * same rows for CSV and JSON. Hidden cards keep their place but not their text.
 */
import * as v from "valibot";
import { Ballot, FeedbackAnswers } from "../party/model/commands";
import { foldPeople, type GroupFolding } from "../party/model/small-groups";
import { commitmentsTable } from "./commitments/exportTable";
import type { Cell } from "./csv";
import {
  type CardRow,
  listActivities,
  listBallots,
  listCards,
  listEvents,
  listFeedback,
  listTranslations,
} from "./db/outputs";
import { listParticipants } from "./db/participants";
import { parseColumn } from "./report/parse";
import { originOf } from "./report/tables";

export const EXPORT_TABLES = [
  "participants",
  "cards",
  "ballots",
  "events",
  "feedback",
  // everyone counts (issue 14)
  "translations",
  // Co-delivery (#15)
  "commitments",
  // session (#19): the running order, planned minutes beside when each part was open
  "agenda",
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export interface TableData {
  columns: string[];
  rows: Record<string, Cell>[];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

async function participantsTable(db: D1Database, workshopId: string): Promise<TableData> {
  const rows = (await listParticipants(db, workshopId)).map((p) => ({
    participant_id: p.id,
    name: p.name,
    name_chosen: p.name_chosen === 1,
    group: p.group_id,
    // tables (#13)
    table: p.table_id ?? "",
    joined_at: iso(p.joined_at),
    consent_version: p.consent_version,
    consented_at: iso(p.consented_at),
    withdrawn_at: iso(p.withdrawn_at),
    removed_at: iso(p.removed_at),
  }));
  const columns = [
    "participant_id",
    "name",
    "name_chosen",
    "group",
    "table",
    "joined_at",
    "consent_version",
    "consented_at",
    "withdrawn_at",
    "removed_at",
  ];
  return { columns, rows };
}

async function cardsTable(db: D1Database, workshopId: string): Promise<TableData> {
  const [cards, activities, people] = await Promise.all([
    listCards(db, workshopId),
    listActivities(db, workshopId),
    listParticipants(db, workshopId),
  ]);
  const titles = new Map(activities.map((a) => [a.id, a.title]));
  const names = new Map(people.map((p) => [p.id, p.name]));
  const labels = new Map(activities.map((a) => [a.id, mapLabels(a.config)]));
  const columns = [
    "card_id",
    "activity_id",
    "activity_title",
    "lane",
    // session (#19): the words beside the ids
    "lane_label",
    "kind",
    "kind_label",
    "text",
    "group",
    "author",
    "created_at",
    "supports",
    "hidden",
    "hide_reason",
    "merged_into",
    // tables (#13): where the card was raised, and for a harvested card where it came from
    "table",
    "origin_activity_id",
    "origin_card_id",
    "origin_table",
    "origin_group",
    "origin_supports",
  ];
  const rows = cards.map((c) => ({
    card_id: c.id,
    activity_id: c.activity_id,
    activity_title: titles.get(c.activity_id) ?? "",
    lane: c.lane,
    lane_label: labels.get(c.activity_id)?.lanes.get(c.lane) ?? "",
    kind: c.kind,
    kind_label: labels.get(c.activity_id)?.kinds.get(c.kind) ?? "",
    text: c.hidden ? "" : c.text,
    group: c.group_id,
    author: names.get(c.author_id) ?? "",
    created_at: iso(c.created_at),
    supports: c.supports,
    hidden: c.hidden === 1,
    hide_reason: c.hidden === 1 ? (c.hidden_reason ?? "") : "",
    merged_into: c.merged_into,
    ...originColumns(c),
  }));
  return { columns, rows };
}

const Labelled = v.array(v.object({ id: v.string(), label: v.string(), removed: v.optional(v.string()) }));
const MapLabels = v.object({ lanes: v.optional(Labelled, []), kinds: v.optional(Labelled, []) });
const VoteLabels = v.object({ options: v.optional(Labelled, []) });

/** session (#19): lane and kind id → label from a map's stored config (empty for other kinds). */
function mapLabels(config: string): { lanes: Map<string, string>; kinds: Map<string, string> } {
  const parsed = v.safeParse(MapLabels, safeJson(config));
  const out = parsed.success ? parsed.output : { lanes: [], kinds: [] };
  return {
    lanes: new Map(out.lanes.map((l) => [l.id, l.label])),
    kinds: new Map(out.kinds.map((k) => [k.id, k.label])),
  };
}

/** session (#19): option id → label from a vote's stored config. */
function optionLabels(config: string): Map<string, string> {
  const parsed = v.safeParse(VoteLabels, safeJson(config));
  return new Map(parsed.success ? parsed.output.options.map((o) => [o.id, o.label]) : []);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A config D1 cannot read gives no labels; the ids are still exported.
    return null;
  }
}

/** tables (#13): the card's table and harvest origin columns (blank when it has none). */
function originColumns(c: CardRow): Record<string, Cell> {
  const origin = originOf(c);
  return {
    table: c.table_id ?? "",
    origin_activity_id: origin?.activityId ?? "",
    origin_card_id: origin?.cardId ?? "",
    origin_table: origin?.table ?? "",
    origin_group: origin?.group ?? "",
    origin_supports: origin ? origin.supports : "",
  };
}

/**
 * Ballots and feedback show each person's group as the report does (party/model/small-groups.ts):
 * per activity, a group of one or two is merged into "other", and `group_merged_from` names the
 * groups merged; with fewer than three people in the activity the group is left blank. Without
 * it, a group of one in an unlinkable export would still name that person's ballot.
 */
function shownGroups(rows: readonly { activity_id: string; group_id: string }[]) {
  const byActivity = new Map<string, string[]>();
  for (const r of rows) byActivity.set(r.activity_id, [...(byActivity.get(r.activity_id) ?? []), r.group_id]);
  const foldings = new Map<string, GroupFolding>([...byActivity].map(([id, groups]) => [id, foldPeople(groups)]));
  return (row: { activity_id: string; group_id: string }) => {
    const folding = foldings.get(row.activity_id);
    const group = folding?.shownAs(row.group_id) ?? "";
    const merged = group === "other" ? (folding?.mergedFrom ?? []) : [];
    return { group, group_merged_from: merged.join(" ") };
  };
}

/**
 * Respondent keys for ballot and feedback rows (safety #12): the same person gets the same
 * key within one download (so a ballot's rows stay together), but the key is an HMAC under
 * a secret drawn for this download alone and then forgotten, so it joins to no participant
 * row, to no other download and to nothing in the events export.
 */
async function respondentKeys(): Promise<(participantId: string) => Promise<string>> {
  const secret = crypto.getRandomValues(new Uint8Array(32));
  const key = await crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const cache = new Map<string, string>();
  return async (participantId) => {
    let out = cache.get(participantId);
    if (!out) {
      const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(participantId));
      out = `r-${[...new Uint8Array(mac).slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
      cache.set(participantId, out);
    }
    return out;
  };
}

/** Rows in respondent-key order, not in the order people voted (which the events export would date). */
function byRespondent(rows: Record<string, Cell>[]): Record<string, Cell>[] {
  return rows.sort(
    (a, b) =>
      String(a.activity_id).localeCompare(String(b.activity_id)) ||
      String(a.respondent).localeCompare(String(b.respondent)),
  );
}

/**
 * One row per option a ballot gave something to: the shape spreadsheets and pivot tables want.
 * No participant id and no time (either would name the voter through another export).
 */
async function ballotsTable(db: D1Database, workshopId: string): Promise<TableData> {
  const columns = [
    "activity_id",
    "respondent",
    "group",
    "group_merged_from",
    "source",
    "option_id",
    // session (#19): what the option said, beside its id
    "option_label",
    "value",
    "impact",
    "effort",
  ];
  const rows: Record<string, Cell>[] = [];
  const respondent = await respondentKeys();
  const options = new Map((await listActivities(db, workshopId)).map((a) => [a.id, optionLabels(a.config)]));
  const ballots = await listBallots(db, workshopId);
  const groupOf = shownGroups(ballots);
  for (const b of ballots) {
    const ballot = parseColumn(Ballot, b.ballot, `ballot ${b.activity_id}`);
    if (!ballot) continue;
    const base = {
      activity_id: b.activity_id,
      respondent: await respondent(b.participant_id),
      ...groupOf(b),
      source: b.source,
    };
    const push = (option: string, value: number | null, impact: number | null = null, effort: number | null = null) => {
      const option_label = options.get(b.activity_id)?.get(option) ?? "";
      rows.push({ ...base, option_id: option, option_label, value, impact, effort });
    };
    if ("allocations" in ballot) for (const [id, n] of Object.entries(ballot.allocations)) push(id, n);
    else if ("order" in ballot) for (const [i, id] of ballot.order.entries()) push(id, i + 1);
    else if ("approved" in ballot) for (const id of ballot.approved) push(id, 1);
    else for (const [id, r] of Object.entries(ballot.ratings)) push(id, null, r.impact, r.effort);
  }
  return { columns, rows: byRespondent(rows) };
}

async function feedbackTable(db: D1Database, workshopId: string): Promise<TableData> {
  const columns = ["activity_id", "respondent", "group", "group_merged_from", "source", "item_id", "value"];
  const rows: Record<string, Cell>[] = [];
  const respondent = await respondentKeys();
  const feedback = await listFeedback(db, workshopId);
  const groupOf = shownGroups(feedback);
  for (const f of feedback) {
    const answers = parseColumn(FeedbackAnswers, f.answers, `feedback ${f.activity_id}`);
    if (!answers) continue;
    const key = await respondent(f.participant_id);
    for (const [item, value] of Object.entries(answers)) {
      rows.push({
        activity_id: f.activity_id,
        respondent: key,
        ...groupOf(f),
        source: f.source,
        item_id: item,
        value,
      });
    }
  }
  return { columns, rows: byRespondent(rows) };
}

/** Translations of organiser text and cards (everyone counts): what, into which language, the text. Never an author. */
async function translationsTable(db: D1Database, workshopId: string): Promise<TableData> {
  const columns = ["language", "target", "text", "updated_at"];
  const rows = (await listTranslations(db, workshopId)).map((t) => ({
    language: t.language,
    target: t.target,
    text: t.text,
    updated_at: iso(t.updated_at),
  }));
  return { columns, rows };
}

const Args = v.record(v.string(), v.unknown());
/**
 * The only command arguments the events export shows (safety #12): ids, positions and
 * switches. Never free text (cards, comments, hidden originals, names, reasons), never a
 * ballot or feedback answer; anything a new command adds stays out until listed here.
 */
const EXPORTED_ARGS = new Set([
  "activityId",
  "cardId",
  "cardIds",
  "into",
  "commentId",
  "linkId",
  "from",
  "to",
  "participantId",
  "kind",
  "lane",
  "index",
  "x",
  "y",
  "on",
  "open",
  "locked",
  "show",
  "seconds",
  "keepOpen",
  "plannedMinutes",
  "group",
  "table",
  "fromActivityId",
  "toActivityId",
  "language",
  "role",
]);

async function eventsTable(db: D1Database, workshopId: string): Promise<TableData> {
  const columns = ["seq", "at", "actor_id", "role", "group", "command", "args"];
  const rows = (await listEvents(db, workshopId)).map((e) => {
    const args = parseColumn(Args, e.args, `event ${e.seq}`) ?? {};
    const kept = Object.fromEntries(Object.entries(args).filter(([k]) => EXPORTED_ARGS.has(k)));
    return {
      seq: e.seq,
      at: iso(e.at),
      actor_id: e.actor_id,
      role: e.role,
      group: e.group_id,
      command: e.command,
      args: JSON.stringify(kept),
    };
  });
  return { columns, rows };
}

/** session (#19): the running order as it ran: planned minutes beside the minutes each part was open. */
async function agendaTable(db: D1Database, workshopId: string): Promise<TableData> {
  const rows = (await listActivities(db, workshopId)).map((a, i) => ({
    position: i + 1,
    activity_id: a.id,
    kind: a.kind,
    title: a.title,
    status: a.status,
    planned_minutes: a.planned_minutes ?? null,
    opened_at: iso(a.opened_at),
    closed_at: iso(a.closed_at),
    open_minutes:
      a.opened_at !== null && a.closed_at !== null ? Math.round((a.closed_at - a.opened_at) / 60_000) : null,
  }));
  const columns = [
    "position",
    "activity_id",
    "kind",
    "title",
    "status",
    "planned_minutes",
    "opened_at",
    "closed_at",
    "open_minutes",
  ];
  return { columns, rows };
}

/** How each table is read; a Record, so a new table in EXPORT_TABLES cannot be left without one. */
const TABLE_READERS: Record<ExportTable, (db: D1Database, workshopId: string) => Promise<TableData>> = {
  participants: participantsTable,
  cards: cardsTable,
  ballots: ballotsTable,
  feedback: feedbackTable,
  events: eventsTable,
  translations: translationsTable,
  commitments: commitmentsTable,
  agenda: agendaTable,
};

export function exportTable(db: D1Database, workshopId: string, table: ExportTable): Promise<TableData> {
  return TABLE_READERS[table](db, workshopId);
}
