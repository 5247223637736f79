/** People: a facilitator removing someone, participants changing their profile or withdrawing. */
import type { Effect } from "../apply";
import type { Activity, ActivityOf, Participant } from "../doc";
import { refuse } from "../refusal";
import { removeCards, silentForFacilitators } from "./card-store";
import { isKind, requireMember, workshopOf } from "./guards";
import { ballotsAfter, countFeedbackChange, recountVote, respondentsAfter } from "./recount";
import type { Handler, Scope } from "./scope";
import { optionsWithout } from "./vote-options";

function activitiesOf<K extends Activity["kind"]>(s: Scope, kind: K): ActivityOf<K>[] {
  return [...s.r.activities.values()].filter((a): a is ActivityOf<K> => isKind(a, kind));
}

/** Keeps their contributions (a facilitator may hide any of them); the room disconnects them. */
const removeParticipant: Handler<"participant.remove"> = (s, args) => {
  const person = s.r.participants.get(args.participantId);
  if (!person) refuse("not_found", `No participant ${args.participantId}`);
  if (person.removed) return { result: { participantId: person.id } };
  return {
    result: { participantId: person.id },
    effects: [{ kind: "participant.removed", participantId: person.id, reason: "removed" }],
    write: () => s.r.participants.set(person.id, { ...person, removed: true }),
  };
};

function requireOwnEntry(s: Scope): Participant {
  if (s.actor.role !== "participant") refuse("bad_request", "Only participants have a profile here");
  const me = requireMember(s);
  if (!me) refuse("not_found", "You have not joined this workshop");
  return me;
}

/**
 * A new name or a corrected group follows the person's contributions everywhere:
 * cards, comments, ballots and feedback, so group breakdowns stay true.
 */
const updateMe: Handler<"me.update"> = (s, args) => {
  const me = requireOwnEntry(s);
  // safety (#12): a group is fixed once its member has taken part, or changing it would slip
  // them into a community-first round or move their ballot between groups in public.
  const known = workshopOf(s).groups.some((g) => g.id === args.group);
  if (args.group !== undefined && known && args.group !== me.group && hasTakenPart(s, me.id))
    refuse("forbidden", "Your group is fixed once you have taken part; ask a facilitator to correct it");
  const change = changeProfile(s, me, { name: args.name, group: args.group });
  return {
    result: { name: change.entry.name, group: change.entry.group },
    effects: change.effects,
    write: change.write,
  };
};

/** Whether this participant has added, supported, commented, voted or given feedback anywhere. */
function hasTakenPart(s: Scope, participantId: string): boolean {
  for (const card of s.r.cards.values()) {
    if ((card.authorId === participantId && !card.transcribed) || card.supports.includes(participantId)) return true;
  }
  for (const comment of s.r.comments.values()) if (comment.authorId === participantId) return true;
  for (const activity of s.r.activities.values()) {
    if (activity.kind === "vote" && s.priv.ballot(activity.id, participantId)) return true;
    if (activity.kind === "feedback" && s.priv.feedback(activity.id, participantId)) return true;
    if (activity.kind === "map" && s.priv.silentCards(activity.id).some((c) => c.authorId === participantId))
      return true;
  }
  return false;
}

/**
 * A profile change (me.update, or a facilitator's participant.update): name and
 * group follow the person's contributions; a new table (null: none) moves only
 * the person, not what they said at their old table.
 */
export function changeProfile(
  s: Scope,
  me: Participant,
  patch: { name?: string | undefined; group?: string | undefined; table?: string | null | undefined },
): { entry: Participant; effects: Effect[]; write: () => void } {
  if (patch.group !== undefined && !workshopOf(s).groups.some((g) => g.id === patch.group))
    refuse("bad_request", `group: no stakeholder group "${patch.group}" in this workshop`);
  const name = patch.name ?? me.name;
  const group = patch.group ?? me.group;
  const entry: Participant = { ...me, name, group };
  if (patch.table === null) delete entry.table;
  else if (patch.table !== undefined) entry.table = patch.table;
  const effects: Effect[] = [];
  const writes: (() => void)[] = [() => s.r.participants.set(me.id, entry)];
  const mine = (c: { authorId: string }) => c.authorId === me.id;
  for (const card of s.r.cards.values()) {
    if (mine(card) && !card.transcribed)
      writes.push(() => s.r.cards.set(card.id, { ...card, authorName: name, group }));
  }
  for (const c of s.r.comments.values()) {
    if (mine(c)) writes.push(() => s.r.comments.set(c.id, { ...c, authorName: name, group }));
  }
  for (const map of activitiesOf(s, "map")) {
    const renamed = s.priv
      .silentCards(map.id)
      .filter(mine)
      .map((card) => ({ ...card, authorName: name, group }));
    for (const card of renamed) effects.push({ kind: "silentCard.put", card });
    if (renamed.length > 0) effects.push(silentForFacilitators(s, map.id, renamed));
  }
  if (group !== me.group) {
    for (const vote of activitiesOf(s, "vote")) {
      const ballot = s.priv.ballot(vote.id, me.id);
      if (!ballot) continue;
      const cast = { participantId: me.id, group, ballot };
      const recount = recountVote(s, vote, ballotsAfter(s, vote.id, cast));
      effects.push({ kind: "ballot.put", activityId: vote.id, ...cast }, ...recount.effects);
      writes.push(recount.write);
    }
    for (const form of activitiesOf(s, "feedback")) {
      const answers = s.priv.feedback(form.id, me.id);
      if (!answers) continue;
      effects.push({ kind: "feedback.put", activityId: form.id, participantId: me.id, group, answers });
      writes.push(
        countFeedbackChange(s, form.id, 0, () => respondentsAfter(s, form.id, { participantId: me.id, group })),
      );
    }
  }
  return {
    entry,
    effects,
    write: () => {
      for (const write of writes) write();
    },
  };
}

/**
 * Withdrawing consent removes everything the person contributed, everywhere:
 * cards (shared and silent), comments, supports, ballots and feedback; vote
 * turnout and any published results are recounted without them, and vote
 * options drawn from their cards go with them (see vote-options.ts). Their entry
 * stays, blanked and marked removed, so the room keeps turning them away.
 */
const withdraw: Handler<"me.withdraw"> = (s) => {
  if (s.actor.role !== "participant") refuse("forbidden", "Only participants can withdraw");
  const me = s.r.participants.get(s.actor.id);
  const id = s.actor.id;
  const cardIds = new Set<string>();
  for (const card of s.r.cards.values()) if (card.authorId === id && !card.transcribed) cardIds.add(card.id);
  const silentMaps: string[] = [];
  for (const map of activitiesOf(s, "map")) {
    const theirs = s.priv.silentCards(map.id).filter((card) => card.authorId === id);
    for (const card of theirs) cardIds.add(card.id);
    if (theirs.length > 0) silentMaps.push(map.id);
  }
  const removal = removeCards(s, cardIds);
  const effects: Effect[] = [...removal.effects, ...silentMaps.map((m) => silentForFacilitators(s, m, [], cardIds))];
  const writes: (() => void)[] = [removal.write];

  writes.push(() => {
    for (const c of [...s.r.comments.values()]) if (c.authorId === id) s.r.comments.delete(c.id);
    for (const card of [...s.r.cards.values()]) {
      if (card.supports.includes(id))
        s.r.cards.set(card.id, { ...card, supports: card.supports.filter((x) => x !== id) });
    }
  });

  for (const vote of activitiesOf(s, "vote")) {
    const rewritten = optionsWithout(s, vote, cardIds, "withdrawn", id);
    const voted = s.priv.ballot(vote.id, id) !== null;
    if (!rewritten && !voted) continue;
    const next = rewritten ?? vote;
    if (rewritten)
      writes.push(() => {
        const current = s.r.activities.get(vote.id);
        s.r.activities.set(vote.id, current?.kind === "vote" ? { ...current, config: next.config } : next);
      });
    const recount = recountVote(s, next, ballotsAfter(s, vote.id, { participantId: id, ballot: null }), cardIds);
    effects.push(...recount.effects);
    writes.push(recount.write);
  }
  effects.push({ kind: "ballot.delete", participantId: id });

  for (const form of activitiesOf(s, "feedback")) {
    if (s.priv.feedback(form.id, id))
      writes.push(
        countFeedbackChange(s, form.id, -1, () => respondentsAfter(s, form.id, { participantId: id, group: null })),
      );
  }
  effects.push({ kind: "feedback.delete", participantId: id });
  effects.push({ kind: "participant.removed", participantId: id, reason: "withdrawn" });
  writes.push(() =>
    s.r.participants.set(id, { id, name: "", group: "", joinedAt: me?.joinedAt ?? s.now, removed: true }),
  );
  return {
    result: { cards: cardIds.size },
    effects,
    write: () => {
      for (const write of writes) write();
    },
  };
};

export const peopleHandlers = {
  "participant.remove": removeParticipant,
  "me.update": updateMe,
  "me.withdraw": withdraw,
};
