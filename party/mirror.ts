/**
 * What D1 must learn from one accepted command: the audit event, the doc entries
 * the command changed (read back from the doc, so D1 mirrors exactly what the
 * room shows) and the effects that live outside the doc (ballots, feedback,
 * silent cards, results, departures).
 */
import type * as Y from "yjs";
import type { Effect } from "./model/apply";
import type { Activity, Card, Comment, Link, Participant, WorkshopInfo } from "./model/doc";
import { readWorkshop, roots } from "./model/doc";
import type { Actor } from "./model/protocol";
import type { OutboxOp } from "./outbox";

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

export function mirrorCommand(doc: Y.Doc, changes: DocChanges, effects: readonly Effect[], event: CommandEvent) {
  const w = event.workshopId;
  const moderated = effects.find((e) => e.kind === "moderated.put");
  // The audit trail keeps what a hidden card said, though the doc no longer shows it.
  const args = moderated ? { ...(event.args as object), originalText: moderated.text } : event.args;
  const r = roots(doc);
  const ops: OutboxOp[] = [
    {
      op: "event",
      params: [
        w,
        event.seq,
        event.at,
        event.actor.id,
        event.actor.role,
        event.actor.group,
        event.name,
        JSON.stringify(args ?? {}),
      ],
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
    ops.push({ op: "workshopTables", params: [w, JSON.stringify(info.tables ?? [])] });

  // A changed agenda moves every activity's position.
  if (workshopKeys?.has("agenda")) for (const id of agenda) activityIds.add(id);
  for (const id of activityIds) {
    const activity = r.activities.get(id);
    ops.push(activity ? activityOp(w, activity, agenda.indexOf(id)) : { op: "activityRemoved", params: [id] });
  }

  for (const id of changes.get("participants") ?? []) {
    const p: Participant | undefined = r.participants.get(id);
    if (p) ops.push({ op: "participant", params: [p.id, p.name, p.group, w] });
    if (p && (p.table || event.name === "participant.update"))
      ops.push({ op: "participantTable", params: [p.id, p.table ?? null, w] });
  }

  // Cards removed by a merge point at the card they went into.
  const mergedInto = new Map<string, string>();
  for (const id of changes.get("cards") ?? []) {
    for (const from of r.cards.get(id)?.mergedFrom ?? []) mergedInto.set(from, id);
  }
  for (const id of changes.get("cards") ?? []) {
    const card = r.cards.get(id);
    if (card) ops.push(cardOp(w, card), ...cardPlaceOps(card));
    else if (mergedInto.has(id)) ops.push({ op: "cardMerged", params: [id, mergedInto.get(id) ?? null] });
    else ops.push({ op: "cardDeleted", params: [id] });
  }

  for (const id of changes.get("comments") ?? []) {
    const comment = r.comments.get(id);
    ops.push(comment ? commentOp(w, comment) : { op: "commentDeleted", params: [id] });
  }

  for (const id of changes.get("links") ?? []) {
    const link = r.links.get(id);
    ops.push(link ? linkOp(w, link) : { op: "linkRemoved", params: [id] });
  }

  for (const id of changes.get("results") ?? []) {
    const result = r.results.get(id);
    if (!result) continue;
    const revealed = r.activities.get(id)?.resultsRevealed ? event.at : null;
    ops.push({ op: "result", params: [w, id, JSON.stringify(result), revealed] });
  }

  for (const effect of effects) ops.push(...effectOps(doc, w, effect, event.at));
  return ops;
}

function effectOps(doc: Y.Doc, w: string, effect: Effect, at: number): OutboxOp[] {
  switch (effect.kind) {
    case "ballot.put":
      return [
        {
          op: "ballot",
          params: [w, effect.activityId, effect.participantId, effect.group, JSON.stringify(effect.ballot), at],
        },
      ];
    case "ballot.delete":
      return effect.activityId
        ? [{ op: "ballotDeleted", params: [w, effect.participantId, effect.activityId] }]
        : [{ op: "deleteBallotsBy", params: [w, effect.participantId] }];
    case "feedback.put":
      return [
        {
          op: "feedback",
          params: [w, effect.activityId, effect.participantId, effect.group, JSON.stringify(effect.answers), at],
        },
      ];
    case "feedback.delete":
      return [{ op: "deleteFeedbackBy", params: [w, effect.participantId] }];
    case "silentCard.put":
      // Silent cards are saved outputs too; they are simply not in the shared doc yet.
      return [cardOp(w, effect.card), ...cardPlaceOps(effect.card)];
    case "silentCard.delete":
      // Revealed cards moved into the doc (mirrored above); otherwise the author deleted it.
      return roots(doc).cards.has(effect.cardId) ? [] : [{ op: "cardDeleted", params: [effect.cardId] }];
    case "participant.removed":
      // A facilitator's removal is moderation: the person's access ends but what they said
      // stays, as it does in the room's doc. Withdrawal is the person's own wish to be forgotten:
      // everything they contributed leaves D1 too.
      if (effect.reason === "removed") {
        return [
          { op: "participantRemoved", params: [effect.participantId, at] },
          { op: "revokeTokens", params: [w, effect.participantId, at] },
        ];
      }
      return [
        { op: "participantWithdrawn", params: [effect.participantId, at] },
        { op: "revokeTokens", params: [w, effect.participantId, at] },
        { op: "deleteCardsBy", params: [w, effect.participantId] },
        { op: "deleteCommentsBy", params: [w, effect.participantId] },
        { op: "deleteBallotsBy", params: [w, effect.participantId] },
        { op: "deleteFeedbackBy", params: [w, effect.participantId] },
        { op: "scrubEventsBy", params: [w, effect.participantId] },
      ];
    case "moderated.put":
    case "moderated.delete":
      // The original text reaches D1 only through the card.hide event's args (the audit trail).
      return [];
    case "result.saved":
      return [{ op: "result", params: [w, effect.activityId, JSON.stringify(effect.result), null] }];
    case "private":
      return [];
  }
}

function workshopOp(info: WorkshopInfo, at: number): OutboxOp {
  return {
    op: "workshop",
    params: [info.id, info.title, info.purpose ?? "", info.status, bool(info.showNames), info.language ?? "en", at],
  };
}

function activityOp(w: string, a: Activity, position: number): OutboxOp {
  return {
    op: "activity",
    params: [
      a.id,
      w,
      a.kind,
      a.title,
      JSON.stringify(a.config ?? {}),
      Math.max(0, position),
      a.status,
      a.openedAt ?? null,
      a.closedAt ?? null,
    ],
  };
}

function cardOp(w: string, c: Card): OutboxOp {
  const supporters = c.supports ?? [];
  return {
    op: "card",
    params: [
      c.id,
      w,
      c.activityId,
      c.lane,
      c.kind,
      c.text,
      c.authorId,
      c.group,
      c.createdAt,
      bool(c.hidden),
      c.hiddenReason ?? null,
      supporters.length,
      JSON.stringify(supporters),
      c.x ?? null,
      c.y ?? null,
    ],
  };
}

/** tables (#13): a card's table and harvest origin, written only when it has either. */
function cardPlaceOps(c: Card): OutboxOp[] {
  if (!c.table && !c.origin) return [];
  return [{ op: "cardPlace", params: [c.id, c.table ?? null, c.origin ? JSON.stringify(c.origin) : null] }];
}

function commentOp(w: string, c: Comment): OutboxOp {
  return { op: "comment", params: [c.id, w, c.cardId, c.text, c.authorId, c.group, c.createdAt] };
}

function linkOp(w: string, l: Link): OutboxOp {
  return { op: "link", params: [l.id, w, l.from, l.to, l.label ?? ""] };
}
