/**
 * What D1 must learn from one accepted command: the audit event, the doc entries
 * the command changed (read back from the doc, so D1 mirrors exactly what the
 * room shows) and the effects that live outside the doc (ballots, feedback,
 * silent cards, results, departures).
 */
import type * as Y from "yjs";
import type { OutboxOp } from "./d1-writes";
import type { Effect } from "./model/apply";
import type { Activity, Card, Comment, Link, Participant, WorkshopInfo } from "./model/doc";
import { type Roots, readWorkshop, roots } from "./model/doc";
import type { Actor } from "./model/protocol";

/** Root map name → keys a transaction touched (from Yjs `transaction.changed`). */
export type DocChanges = Map<string, Set<string>>;

export interface CommandEvent {
  workshopId: string;
  seq: number;
  at: number;
  actor: Actor;
  name: string;
  args: unknown;
}

const bool = (b: boolean | undefined) => (b ? 1 : 0);

/** `read`: the roots to read entries back from (the room's, with closed activities' archive behind them). */
export function mirrorCommand(
  doc: Y.Doc,
  changes: DocChanges,
  effects: readonly Effect[],
  event: CommandEvent,
  read: Roots = roots(doc),
) {
  const w = event.workshopId;
  // The audit trail records that a card was hidden, by whom and why, never what it said:
  // the original lives only in the room's private store (for card.restore), so withdrawing
  // or restoring can make it truly gone (safety #12).
  const args = event.args;
  const r = read;
  const ops: OutboxOp[] = [
    {
      op: "event",
      values: {
        workshopId: w,
        seq: event.seq,
        at: event.at,
        actorId: event.actor.id,
        role: event.actor.role,
        group: event.actor.group,
        command: event.name,
        args: JSON.stringify(args ?? {}),
      },
    },
  ];

  const workshopKeys = changes.get("workshop");
  const activityIds = new Set(changes.get("activities") ?? []);
  // Most commands touch neither: read the workshop entry only when needed.
  const info = workshopKeys?.size || activityIds.size ? readWorkshop(doc) : null;
  const agenda = info?.agenda ?? [];
  if (info && workshopKeys?.size) ops.push(workshopOp(info, event.at));
  // tables (#13): D1 keeps the tables so joins and host links can be checked without the room.
  if (info && workshopKeys?.has("tables"))
    ops.push({ op: "workshopTables", values: { id: w, tables: JSON.stringify(info.tables ?? []) } });

  // A changed agenda moves every activity's position.
  if (workshopKeys?.has("agenda")) for (const id of agenda) activityIds.add(id);
  for (const id of activityIds) {
    const activity = r.activities.get(id);
    ops.push(activity ? activityOp(w, activity, agenda.indexOf(id)) : { op: "activityRemoved", values: { id } });
  }

  for (const id of changes.get("participants") ?? []) {
    const p: Participant | undefined = r.participants.get(id);
    if (p) ops.push({ op: "participant", values: { id: p.id, name: p.name, group: p.group, workshopId: w } });
    if (p && (p.table || event.name === "participant.update"))
      ops.push({ op: "participantTable", values: { id: p.id, table: p.table ?? null, workshopId: w } });
  }

  // Cards removed by a merge point at the card they went into.
  const mergedInto = new Map<string, string>();
  for (const id of changes.get("cards") ?? []) {
    for (const from of r.cards.get(id)?.mergedFrom ?? []) mergedInto.set(from, id);
  }
  for (const id of changes.get("cards") ?? []) {
    const card = r.cards.get(id);
    if (card) ops.push(cardOp(w, card), ...cardPlaceOps(card));
    else if (mergedInto.has(id)) ops.push({ op: "cardMerged", values: { id, into: mergedInto.get(id) ?? null } });
    else ops.push({ op: "cardDeleted", values: { id } });
  }

  for (const id of changes.get("comments") ?? []) {
    const comment = r.comments.get(id);
    ops.push(comment ? commentOp(w, comment) : { op: "commentDeleted", values: { id } });
  }

  for (const id of changes.get("links") ?? []) {
    const link = r.links.get(id);
    ops.push(link ? linkOp(w, link) : { op: "linkRemoved", values: { id } });
  }

  for (const id of changes.get("results") ?? []) {
    const result = r.results.get(id);
    if (!result) continue;
    const revealed = r.activities.get(id)?.resultsRevealed ? event.at : null;
    ops.push({
      op: "result",
      values: { workshopId: w, activityId: id, result: JSON.stringify(result), revealedAt: revealed },
    });
  }

  ops.push(...everyoneOps(doc, changes, w, event.at));
  for (const effect of effects) ops.push(...effectOps(doc, w, effect, event.at, r));
  return ops;
}

/** Ballots and feedback reach D1 alike (d1-writes.ts): one answer per person and activity. */
function answerOps(w: string, effect: Extract<Effect, { kind: `${"ballot" | "feedback"}.${string}` }>, at: number) {
  const who = { workshopId: w, participantId: effect.participantId };
  const ops: OutboxOp[] = [];
  switch (effect.kind) {
    case "ballot.put":
      ops.push({ op: "ballot", values: { ...who, ...answered(effect, at), ballot: JSON.stringify(effect.ballot) } });
      break;
    case "feedback.put":
      ops.push({
        op: "feedback",
        values: { ...who, ...answered(effect, at), answers: JSON.stringify(effect.answers) },
      });
      break;
    case "ballot.delete":
    case "feedback.delete": {
      const [one, all] = effect.kind === "ballot.delete" ? DELETES.ballot : DELETES.feedback;
      ops.push(
        effect.activityId ? { op: one, values: { ...who, activityId: effect.activityId } } : { op: all, values: who },
      );
      break;
    }
  }
  return ops;
}

/** The D1 statements that take back one answer, and all of a person's answers (withdrawal). */
const DELETES = {
  ballot: ["ballotDeleted", "deleteBallotsBy"],
  feedback: ["feedbackDeleted", "deleteFeedbackBy"],
} as const;

const answered = (effect: { activityId: string; group: string }, at: number) => ({
  activityId: effect.activityId,
  group: effect.group,
  updatedAt: at,
});

function effectOps(doc: Y.Doc, w: string, effect: Effect, at: number, r: Roots = roots(doc)): OutboxOp[] {
  switch (effect.kind) {
    case "ballot.put":
    case "ballot.delete":
    case "feedback.put":
    case "feedback.delete":
      return answerOps(w, effect, at);
    case "respondent.put":
      return [
        {
          op: "respondent",
          values: {
            id: effect.id,
            workshopId: w,
            source: effect.source,
            group: effect.group,
            table: effect.table,
            createdAt: at,
          },
        },
      ];
    case "silentCard.put":
      // Silent cards are saved outputs too; they are simply not in the shared doc yet.
      return [cardOp(w, effect.card), ...cardPlaceOps(effect.card)];
    case "silentCard.delete":
      // Revealed cards moved into the doc (mirrored above); otherwise the author deleted it.
      return r.cards.has(effect.cardId) ? [] : [{ op: "cardDeleted", values: { id: effect.cardId } }];
    case "participant.removed":
      // A facilitator's removal is moderation: the person's access ends but what they said
      // stays, as it does in the room's doc. Withdrawal is the person's own wish to be forgotten:
      // everything they contributed leaves D1 too.
      return departureOps(w, effect.participantId, effect.reason, at);
    case "moderated.put":
    case "moderated.delete":
      // The original text reaches D1 only through the card.hide event's args (the audit trail).
      return [];
    case "result.saved":
      return [
        {
          op: "result",
          values: {
            workshopId: w,
            activityId: effect.activityId,
            result: JSON.stringify(effect.result),
            revealedAt: null,
          },
        },
      ];
    case "private":
      return [];
  }
}

/**
 * A facilitator's removal is moderation: the person's access ends but what they said
 * stays, as it does in the room's doc. Withdrawal is the person's own wish to be
 * forgotten: everything they contributed leaves D1 too.
 */
function departureOps(w: string, participantId: string, reason: "removed" | "withdrawn", at: number): OutboxOp[] {
  const revoke: OutboxOp = { op: "revokeTokens", values: { workshopId: w, participantId, at } };
  if (reason === "removed") return [{ op: "participantRemoved", values: { id: participantId, at } }, revoke];
  const byAuthor = { workshopId: w, authorId: participantId };
  const byParticipant = { workshopId: w, participantId };
  return [
    { op: "participantWithdrawn", values: { id: participantId, at } },
    revoke,
    { op: "deleteCardsBy", values: byAuthor },
    { op: "deleteCommentsBy", values: byAuthor },
    { op: "deleteBallotsBy", values: byParticipant },
    { op: "deleteFeedbackBy", values: byParticipant },
    { op: "scrubEventsBy", values: { workshopId: w, actorId: participantId } },
  ];
}

/** Head counts and translations changed by the command (everyone counts), keyed as in doc.ts. */
function everyoneOps(doc: Y.Doc, changes: DocChanges, w: string, at: number): OutboxOp[] {
  const r = roots(doc);
  const ops: OutboxOp[] = [];
  for (const key of changes.get("attendance") ?? []) {
    const entry = r.attendance.get(key);
    const [group = "", table = ""] = key.split("@");
    ops.push(
      entry
        ? {
            op: "attendance",
            values: { workshopId: w, group: entry.group, table: entry.table ?? "", count: entry.count, at },
          }
        : { op: "attendanceCleared", values: { workshopId: w, group, table } },
    );
  }
  for (const key of changes.get("translations") ?? []) {
    const entry = r.translations.get(key);
    const split = key.indexOf(":");
    ops.push(
      entry
        ? {
            op: "translation",
            values: {
              workshopId: w,
              language: entry.language,
              target: entry.target,
              text: entry.text,
              at: entry.updatedAt,
            },
          }
        : {
            op: "translationDeleted",
            values: { workshopId: w, language: key.slice(0, split), target: key.slice(split + 1) },
          },
    );
  }
  return ops;
}

function workshopOp(info: WorkshopInfo, at: number): OutboxOp {
  return {
    op: "workshop",
    values: {
      id: info.id,
      title: info.title,
      purpose: info.purpose ?? "",
      status: info.status,
      showNames: bool(info.showNames),
      language: info.language ?? "en",
      at,
    },
  };
}

function activityOp(w: string, a: Activity, position: number): OutboxOp {
  return {
    op: "activity",
    values: {
      id: a.id,
      workshopId: w,
      kind: a.kind,
      title: a.title,
      config: JSON.stringify(a.config ?? {}),
      position: Math.max(0, position),
      status: a.status,
      openedAt: a.openedAt ?? null,
      closedAt: a.closedAt ?? null,
      plannedMinutes: a.plannedMinutes ?? null,
    },
  };
}

function cardOp(w: string, c: Card): OutboxOp {
  const supporters = c.supports ?? [];
  return {
    op: "card",
    values: {
      id: c.id,
      workshopId: w,
      activityId: c.activityId,
      lane: c.lane,
      kind: c.kind,
      text: c.text,
      authorId: c.authorId,
      group: c.group,
      createdAt: c.createdAt,
      hidden: bool(c.hidden),
      hiddenReason: c.hiddenReason ?? null,
      supports: supporters.length,
      supporters: JSON.stringify(supporters),
      x: c.x ?? null,
      y: c.y ?? null,
    },
  };
}

/** tables (#13): a card's table and harvest origin, written only when it has either. */
function cardPlaceOps(c: Card): OutboxOp[] {
  if (!c.table && !c.origin) return [];
  return [
    {
      op: "cardPlace",
      values: { id: c.id, table: c.table ?? null, origin: c.origin ? JSON.stringify(c.origin) : null },
    },
  ];
}

function commentOp(w: string, c: Comment): OutboxOp {
  return {
    op: "comment",
    values: {
      id: c.id,
      workshopId: w,
      cardId: c.cardId,
      text: c.text,
      authorId: c.authorId,
      group: c.group,
      createdAt: c.createdAt,
    },
  };
}

function linkOp(w: string, l: Link): OutboxOp {
  return { op: "link", values: { id: l.id, workshopId: w, from: l.from, to: l.to, label: l.label ?? "" } };
}
