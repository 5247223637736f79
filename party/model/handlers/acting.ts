/**
 * Whom a contribution counts for (docs/architecture.md, principle 7: everyone in the room counts the
 * same, whatever their device). Three ways in:
 *
 * - a phone: the participant themselves (`source: "phone"`);
 * - paper: a facilitator types in one person's form, `onBehalfOf:{group, table?}` with
 *   `source:"paper"`; each command is a fresh anonymous respondent (one person per
 *   command; the client's command id makes re-entry after a dropped connection safe);
 * - a kiosk: a shared tablet used in turn; every contribution names the group of the
 *   person at it and the kiosk's turn id, so one person's cards, supports, comments and
 *   ballot count once for their group. Each turn is an anonymous respondent
 *   (`<kiosk token id>-<turn>`) listed in the doc as a nameless participant with
 *   `source:"kiosk"`, so balance of voice counts them as present and as contributing.
 *
 * Respondents are remembered privately (`respondent.put`) so paper and kiosk entries can
 * be told from phones (results say how many came from paper) and removed when mistaken.
 */
import type { Effect } from "../apply";
import type { OnBehalfOf, Source } from "../commands";
import type { Participant } from "../doc";
import { refuse } from "../refusal";
import { groupOf, requireMember, workshopOf } from "./guards";
import type { Scope } from "./scope";
import { isHost, isModerator, requireTable } from "./table-scope";

export interface Acting {
  /** the participant or respondent id the contribution is stored under */
  id: string;
  group: string;
  source: Source;
  table?: string;
  /** the phone participant's own entry (null for paper, kiosk and facilitators' own input) */
  me: Participant | null;
  effects: Effect[];
  write: () => void;
}

const nothing = () => {};

function requireGroup(s: Scope, group: string): void {
  if (!workshopOf(s).groups.some((g) => g.id === group))
    refuse("bad_request", `onBehalfOf.group: no stakeholder group "${group}" in this workshop`);
}

/** A kiosk may be tied to one table (its token says which); its people are at that table. */
function kioskTable(s: Scope, asked: string | undefined): string | undefined {
  const own = s.actor.table;
  if (own && asked && asked !== own) refuse("forbidden", `This kiosk belongs to table ${own}`);
  if (!own && asked) requireTable(s, asked, "onBehalfOf.table");
  return own ?? asked;
}

function kioskTurn(s: Scope, onBehalfOf: OnBehalfOf | undefined): Acting {
  if (!onBehalfOf?.turn)
    refuse("bad_request", "onBehalfOf: a kiosk says who is adding this, {group, turn}, for every contribution");
  requireGroup(s, onBehalfOf.group);
  const table = kioskTable(s, onBehalfOf.table);
  const id = `${s.actor.id}-${onBehalfOf.turn}`;
  const existing = s.r.participants.get(id);
  if (existing?.removed) refuse("forbidden", "This turn has been removed");
  if (existing && existing.group !== onBehalfOf.group)
    refuse("conflict", `This turn already counts for ${existing.group}; start a new turn for someone else`);
  const acting: Acting = { id, group: onBehalfOf.group, source: "kiosk", me: null, effects: [], write: nothing };
  if (table) acting.table = table;
  if (existing) return acting;
  const entry: Participant = { id, name: "", group: onBehalfOf.group, joinedAt: s.now, source: "kiosk" };
  if (table) entry.table = table;
  acting.effects = [{ kind: "respondent.put", id, source: "kiosk", group: onBehalfOf.group, table: table ?? null }];
  acting.write = () => s.r.participants.set(id, entry);
  return acting;
}

/** The table paper input is credited to: a host's own (tables #13), or the one a facilitator names. */
function paperTable(s: Scope, asked: string | undefined): string | undefined {
  if (isHost(s)) {
    if (!s.actor.table) refuse("forbidden", "This host link names no table");
    if (asked && asked !== s.actor.table) refuse("forbidden", "A host enters paper only for their own table");
    return s.actor.table;
  }
  if (asked) requireTable(s, asked, "onBehalfOf.table");
  return asked;
}

function paperRespondent(s: Scope, onBehalfOf: OnBehalfOf): Acting {
  if (onBehalfOf.turn) refuse("bad_request", "onBehalfOf.turn: only kiosks take turns");
  requireGroup(s, onBehalfOf.group);
  const id = s.newId();
  const table = paperTable(s, onBehalfOf.table) ?? null;
  const acting: Acting = { id, group: onBehalfOf.group, source: "paper", me: null, effects: [], write: nothing };
  if (table) acting.table = table;
  acting.effects = [{ kind: "respondent.put", id, source: "paper", group: onBehalfOf.group, table }];
  return acting;
}

/**
 * Who casts this ballot or feedback form. Facilitators never vote for themselves
 * (their ballots would skew results by group), only for one person on paper.
 */
export function respondentFor(s: Scope, args: { onBehalfOf?: OnBehalfOf; source?: "paper" }): Acting {
  if (s.actor.role === "kiosk") {
    if (args.source) refuse("bad_request", "source: a kiosk's inputs are marked by the kiosk itself");
    return kioskTurn(s, args.onBehalfOf);
  }
  if (isModerator(s)) {
    if (!args.onBehalfOf || args.source !== "paper")
      refuse(
        "forbidden",
        'Facilitators and hosts vote and give feedback only for a person on paper: onBehalfOf and source:"paper"',
      );
    return paperRespondent(s, args.onBehalfOf);
  }
  return phone(s, args);
}

/**
 * Who adds this card, support or comment. A facilitator's `onBehalfOf` transcribes a
 * paper card credited to that group (the facilitator stays its author, as before).
 */
export function contributorFor(s: Scope, args: { onBehalfOf?: OnBehalfOf; source?: "paper" }): Acting {
  if (s.actor.role === "kiosk") {
    if (args.source) refuse("bad_request", "source: a kiosk's inputs are marked by the kiosk itself");
    return kioskTurn(s, args.onBehalfOf);
  }
  if (isModerator(s)) {
    if (args.onBehalfOf?.turn) refuse("bad_request", "onBehalfOf.turn: only kiosks take turns");
    if (args.onBehalfOf) {
      requireGroup(s, args.onBehalfOf.group);
      // The card's own table (tables #13) is settled by the map; here only a host's is checked.
      if (isHost(s)) paperTable(s, args.onBehalfOf.table);
      const acting: Acting = {
        id: s.actor.id,
        group: args.onBehalfOf.group,
        source: "paper",
        me: null,
        effects: [],
        write: nothing,
      };
      if (args.onBehalfOf.table && !isHost(s)) acting.table = args.onBehalfOf.table;
      return acting;
    }
    if (args.source) refuse("bad_request", "source: paper input names the group it is for (onBehalfOf)");
    return { id: s.actor.id, group: groupOf(s, null), source: "phone", me: null, effects: [], write: nothing };
  }
  return phone(s, args);
}

function phone(s: Scope, args: { onBehalfOf?: OnBehalfOf; source?: "paper" }): Acting {
  if (args.onBehalfOf || args.source)
    refuse("forbidden", "Only facilitators, hosts and kiosks add things on behalf of someone else");
  const me = requireMember(s);
  return { id: s.actor.id, group: groupOf(s, me), source: "phone", me, effects: [], write: nothing };
}
