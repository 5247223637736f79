/**
 * Tables (#13, docs/tables.md): setting up tables live, seating people, the
 * projector's table view, and the harvest that brings the tables' cards to the plenary.
 */
import type { Effect } from "../apply";
import type { Card } from "../doc";
import { refuse } from "../refusal";
import { MERGED, mapOf, QUOTA, setCards } from "./card-store";
import { requireVisibleCard, requireWorkshopNotClosed, workshopOf } from "./guards";
import { changeProfile } from "./people";
import type { Handler } from "./scope";
import { requireTable } from "./table-scope";

/**
 * The full list of tables: new ids add tables (a late table), known ids may get a
 * new label. A table somebody sits at or that holds cards cannot be dropped:
 * what was said there would lose its place.
 */
const setTables: Handler<"tables.set"> = (s, args) => {
  requireWorkshopNotClosed(s);
  const kept = new Set(args.tables.map((t) => t.id));
  const inUse = new Set<string>();
  for (const p of s.r.participants.values()) if (p.table && !p.removed) inUse.add(p.table);
  for (const card of s.r.cards.values()) if (card.table) inUse.add(card.table);
  for (const table of workshopOf(s).tables ?? []) {
    if (!kept.has(table.id) && inUse.has(table.id))
      refuse("conflict", `tables: "${table.label}" has people or cards; rename it instead of dropping it`);
  }
  if (s.r.workshop.get("screenTable") && !kept.has(String(s.r.workshop.get("screenTable")))) {
    refuse("conflict", "tables: the projector is showing a table that would be dropped; show all tables first");
  }
  return {
    result: { tables: args.tables.length },
    write: () => s.r.workshop.set("tables", args.tables),
  };
};

/** A facilitator seats someone (or unseats them: table null) or corrects their group. */
const updateParticipant: Handler<"participant.update"> = (s, args) => {
  requireWorkshopNotClosed(s);
  const person = s.r.participants.get(args.participantId);
  if (!person || person.removed) refuse("not_found", `No participant ${args.participantId}`);
  if (typeof args.table === "string") requireTable(s, args.table);
  const change = changeProfile(s, person, { group: args.group, table: args.table });
  const effects: Effect[] = [...change.effects];
  if (args.table !== undefined) {
    // Their phone learns its table privately: the doc may not name who sits where for long.
    effects.push({
      kind: "private",
      to: person.id,
      message: { type: "private", kind: "seat", table: args.table },
    });
  }
  return {
    result: { participantId: person.id, group: change.entry.group, table: change.entry.table ?? null },
    effects,
    write: change.write,
  };
};

/** Display only, like screen.showVoice: allowed after closing for the debrief. */
const showOnScreen: Handler<"screen.show"> = (s, args) => {
  if (args.table !== null) requireTable(s, args.table);
  return { result: { table: args.table }, write: () => s.r.workshop.set("screenTable", args.table) };
};

/**
 * Copies chosen cards from a map (usually at tables) into a plenary map. Each copy
 * keeps its words, kind, group, author (so a withdrawal still takes it away) and
 * supporters, and records its origin: the table, the group, the original card,
 * the cards merged into it and its support count at the table. A card already
 * harvested into the same map is skipped, so a retried harvest adds nothing twice.
 */
const harvest: Handler<"cards.harvest"> = (s, args) => {
  requireWorkshopNotClosed(s);
  if (args.fromActivityId === args.toActivityId) refuse("bad_request", "toActivityId: harvest into another map");
  const from = mapOf(s, args.fromActivityId);
  const to = mapOf(s, args.toActivityId);
  if (to.config.at === "tables")
    refuse("bad_request", `toActivityId: "${to.activity.title}" is at tables; harvest into a map for the whole room`);
  if (args.lane !== undefined && !to.config.lanes.some((l) => l.id === args.lane))
    refuse("bad_request", `lane: no lane "${args.lane}" on "${to.activity.title}"`);
  const already = new Set<string>();
  let count = 0;
  for (const card of s.r.cards.values()) {
    if (card.activityId !== to.activity.id) continue;
    count += 1;
    if (card.origin) already.add(card.origin.cardId);
  }
  const sources = [...new Set(args.cardIds)].map((id) => {
    const card = requireVisibleCard(s, id);
    if (card.activityId !== from.activity.id)
      refuse("bad_request", `cardIds: ${id} is not on "${from.activity.title}"`);
    return card;
  });
  const fresh = sources.filter((c) => !already.has(c.id));
  if (count + fresh.length > QUOTA.cardsPerMap)
    refuse("conflict", `"${to.activity.title}" would hold more than ${QUOTA.cardsPerMap} cards`);
  const firstLane = to.config.lanes[0]?.id ?? "";
  const firstKind = to.config.kinds[0]?.id ?? "";
  const copies: Card[] = fresh.map((card) => {
    const copy: Card = {
      id: s.newId(),
      activityId: to.activity.id,
      lane: args.lane ?? (to.config.lanes.some((l) => l.id === card.lane) ? card.lane : firstLane),
      kind: to.config.kinds.some((k) => k.id === card.kind) ? card.kind : firstKind,
      text: card.text,
      authorId: card.authorId,
      authorName: card.authorName,
      group: card.group,
      createdAt: s.now,
      hidden: false,
      supports: [...card.supports],
      origin: {
        activityId: from.activity.id,
        cardId: card.id,
        table: card.table ?? "",
        group: card.group,
        supports: card.supports.length,
        mergedFrom: (card.mergedFrom ?? []).filter((id) => s.r.cards.get(id)?.hiddenReason === MERGED),
      },
    };
    if (card.transcribed) copy.transcribed = true;
    return copy;
  });
  return {
    result: {
      cardIds: copies.map((c) => c.id),
      skipped: sources.filter((c) => already.has(c.id)).map((c) => c.id),
    },
    write: () => setCards(s, copies),
  };
};

export const tableHandlers = {
  "tables.set": setTables,
  "participant.update": updateParticipant,
  "screen.show": showOnScreen,
  "cards.harvest": harvest,
};
