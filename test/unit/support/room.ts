/**
 * A stand-in for the room around the pure engine: it keeps the private state
 * (ballots, feedback, silent cards, moderated text) in memory the way the room
 * keeps it in SQLite, applies effects, and lets tests assert that a refused
 * command changed nothing.
 */
import { expect } from "vitest";
import * as Y from "yjs";
import {
  type ApplyContext,
  type ApplyOutcome,
  applyCommand,
  type Effect,
  initWorkshop,
  joinParticipant,
  type RoomInit,
  type RoomPrivate,
} from "../../../party/model/apply";
import type { Ballot, FeedbackAnswers, Source } from "../../../party/model/commands";
import { DEFAULT_GROUPS } from "../../../party/model/default-groups";
import { type Card, readWorkshop, roots } from "../../../party/model/doc";
import type { Actor, ErrorCode, PrivateMessage } from "../../../party/model/protocol";
import type { Tally } from "../../../party/model/tally";
import { cardKinds, feedbackItems, labelled } from "../../support/activities";

export const facilitator: Actor = { role: "facilitator", id: "fac1", name: "Sam (facilitator)", group: "" };
export const screen: Actor = { role: "screen", id: "scr1", name: "Screen", group: "" };
export const evaluator: Actor = { role: "evaluator", id: "eva1", name: "Evaluator", group: "" };
export const organiser: Actor = { role: "organiser", id: "org1", name: "Organiser", group: "" };

export function person(id: string, group = "community", name = `Person ${id}`): Actor {
  return { role: "participant", id, name, group };
}

/** A shared tablet (everyone counts); `table` when its link is tied to one table. */
export function kiosk(id = "kio1", table?: string): Actor {
  return { role: "kiosk", id, name: "Kiosk", group: "", ...(table ? { table } : {}) };
}

export function interpreter(language: string, id = `int-${language}`): Actor {
  return { role: "interpreter", id, name: `Interpreter (${language})`, group: "", language };
}

interface StoredBallot {
  participantId: string;
  group: string;
  ballot: Ballot;
  source?: Source;
}

/** Ballots and feedback are kept alike, as the room does: one answer per person and activity. */
function answersOf<T>(store: Map<string, Map<string, T>>, activityId: string): Map<string, T> {
  const answers = store.get(activityId) ?? new Map<string, T>();
  store.set(activityId, answers);
  return answers;
}

/** One person's answers: to one activity, or (no activityId: withdrawal) to all. */
function deleteAnswers<T>(store: Map<string, Map<string, T>>, participantId: string, activityId?: string): void {
  for (const [id, answers] of store) if (!activityId || activityId === id) answers.delete(participantId);
}

export class TestRoom implements RoomPrivate {
  readonly doc = new Y.Doc();
  now = 1_700_000_000_000;
  private seq = 0;
  readonly ballotStore = new Map<string, Map<string, StoredBallot>>();
  readonly feedbackStore = new Map<string, Map<string, { group: string; answers: FeedbackAnswers }>>();
  readonly silentStore = new Map<string, Card>();
  readonly moderatedStore = new Map<string, string>();
  readonly respondentStore = new Map<string, { source: "paper" | "kiosk"; group: string; table: string | null }>();
  readonly privates: { to: string | { role: "facilitator" }; message: PrivateMessage }[] = [];
  readonly removals: { participantId: string; reason: string }[] = [];
  readonly saved: { activityId: string; result: Tally }[] = [];
  readonly effects: Effect[] = [];

  // ---- RoomPrivate ----
  ballot(activityId: string, participantId: string): Ballot | null {
    return this.ballotStore.get(activityId)?.get(participantId)?.ballot ?? null;
  }
  ballots(activityId: string): StoredBallot[] {
    return [...(this.ballotStore.get(activityId)?.values() ?? [])].map((b) => ({
      ...b,
      source: this.respondentStore.get(b.participantId)?.source ?? "phone",
    }));
  }
  respondent(id: string) {
    return this.respondentStore.get(id) ?? null;
  }
  feedback(activityId: string, participantId: string): FeedbackAnswers | null {
    return this.feedbackStore.get(activityId)?.get(participantId)?.answers ?? null;
  }

  feedbackRespondents(activityId: string): { participantId: string; group: string }[] {
    return [...(this.feedbackStore.get(activityId) ?? new Map()).entries()].map(([participantId, form]) => ({
      participantId,
      group: form.group,
    }));
  }
  silentCards(activityId: string): Card[] {
    return [...this.silentStore.values()].filter((c) => c.activityId === activityId);
  }
  silentCard(cardId: string): Card | null {
    return this.silentStore.get(cardId) ?? null;
  }
  moderatedText(cardId: string): string | null {
    return this.moderatedStore.get(cardId) ?? null;
  }

  ctx(): ApplyContext {
    return { now: this.now, newId: () => `id${++this.seq}`, priv: this };
  }

  init(init: Partial<RoomInit> & Pick<RoomInit, "activities">): void {
    initWorkshop(
      this.doc,
      {
        id: "ws1",
        title: "Test workshop",
        purpose: "",
        joinCode: "ABC234",
        groups: DEFAULT_GROUPS,
        showNames: false,
        language: "en",
        ...init,
      },
      this.ctx(),
    );
  }

  join(actor: Actor): Actor {
    joinParticipant(this.doc, actor, this.now);
    return actor;
  }

  /** Runs a command as the room would: apply, then store the effects. */
  run(actor: Actor, name: string, args: unknown = {}): ApplyOutcome {
    const outcome = applyCommand(this.doc, actor, { name, args }, this.ctx());
    if (outcome.ok) for (const effect of outcome.effects) this.store(effect);
    return outcome;
  }

  /** Runs a command that must succeed and returns its result. */
  ok(actor: Actor, name: string, args: unknown = {}): Record<string, unknown> {
    const outcome = this.run(actor, name, args);
    if (!outcome.ok) throw new Error(`${name} was refused: ${outcome.error.code} ${outcome.error.message}`);
    return outcome.result;
  }

  /** Runs a command that must be refused with `code`, and proves nothing changed. */
  refused(actor: Actor, name: string, args: unknown, code: ErrorCode, message?: RegExp): string {
    const before = Y.encodeStateAsUpdate(this.doc);
    const effectsBefore = this.effects.length;
    const outcome = this.run(actor, name, args);
    expect(outcome.ok, `${name} should be refused with ${code}`).toBe(false);
    if (outcome.ok) return "";
    expect(outcome.error.code, outcome.error.message).toBe(code);
    if (message) expect(outcome.error.message).toMatch(message);
    expect(Buffer.from(Y.encodeStateAsUpdate(this.doc)).equals(Buffer.from(before)), "doc changed").toBe(true);
    expect(this.effects.length).toBe(effectsBefore);
    return outcome.error.message;
  }

  private store(effect: Effect): void {
    this.effects.push(effect);
    switch (effect.kind) {
      case "ballot.put":
        answersOf(this.ballotStore, effect.activityId).set(effect.participantId, {
          participantId: effect.participantId,
          group: effect.group,
          ballot: effect.ballot,
        });
        break;
      case "feedback.put":
        answersOf(this.feedbackStore, effect.activityId).set(effect.participantId, {
          group: effect.group,
          answers: effect.answers,
        });
        break;
      case "ballot.delete":
        deleteAnswers(this.ballotStore, effect.participantId, effect.activityId);
        break;
      case "feedback.delete":
        deleteAnswers(this.feedbackStore, effect.participantId, effect.activityId);
        break;
      case "respondent.put":
        if (!this.respondentStore.has(effect.id))
          this.respondentStore.set(effect.id, { source: effect.source, group: effect.group, table: effect.table });
        break;
      case "silentCard.put":
        this.silentStore.set(effect.card.id, effect.card);
        break;
      case "silentCard.delete":
        this.silentStore.delete(effect.cardId);
        break;
      case "moderated.put":
        this.moderatedStore.set(effect.cardId, effect.text);
        break;
      case "moderated.delete":
        this.moderatedStore.delete(effect.cardId);
        break;
      case "participant.removed":
        this.removals.push({ participantId: effect.participantId, reason: effect.reason });
        break;
      case "result.saved":
        this.saved.push({ activityId: effect.activityId, result: effect.result });
        break;
      case "private":
        this.privates.push({ to: effect.to, message: effect.message });
        break;
    }
  }

  // ---- reading the doc ----
  get r() {
    return roots(this.doc);
  }
  get workshop() {
    return readWorkshop(this.doc);
  }
  activity(id: string) {
    const a = this.r.activities.get(id);
    if (!a) throw new Error(`no activity ${id}`);
    return a;
  }
  /** A vote activity, its config typed as a vote's. */
  vote(id: string) {
    const a = this.activity(id);
    if (a.kind !== "vote") throw new Error(`activity ${id} is a ${a.kind}, not a vote`);
    return a;
  }
  card(id: string) {
    return this.r.cards.get(id);
  }
  activityId(title: string): string {
    for (const a of this.r.activities.values()) if (a.title === title) return a.id;
    throw new Error(`no activity titled ${title}`);
  }
}

export const LANES = labelled({ "first-contact": "First contact", waiting: "Waiting", treatment: "Treatment" });
export const KINDS = cardKinds({
  works: ["What works", "#2e7d32"],
  problem: ["What gets in the way", "#c62828"],
  idea: ["Idea", "#1565c0"],
});

export function mapConfig(extra: Record<string, unknown> = {}) {
  return { prompt: "Your journey", lanes: LANES, kinds: KINDS, ...extra };
}

export const OPTIONS = labelled({
  transport: "Transport to appointments",
  interpreters: "Interpreters at reception",
  evening: "Evening clinics",
  peer: "Peer support group",
});

export function voteConfig(method: string, extra: Record<string, unknown> = {}) {
  return { method, options: OPTIONS, ...extra };
}

/** A typical workshop: a journey map, a dots vote, a feedback form, an info slide. */
export function typicalRoom(): TestRoom & { ids: Record<"map" | "vote" | "feedback" | "info", string> } {
  const room = new TestRoom();
  room.init({
    activities: [
      { key: "journey", kind: "map", title: "Journey", config: mapConfig({ allowLinks: true }) },
      { kind: "vote", title: "Priorities", config: voteConfig("dots", { dots: 5, maxPerOption: 3 }) },
      {
        kind: "feedback",
        title: "How was today?",
        config: {
          items: feedbackItems({ listened: ["likert", "I felt listened to"], comments: ["text", "Anything else?"] }),
        },
      },
      { kind: "info", title: "Welcome", config: { prompt: "Tea and coffee are at the back" } },
    ],
  });
  const ids = {
    map: room.activityId("Journey"),
    vote: room.activityId("Priorities"),
    feedback: room.activityId("How was today?"),
    info: room.activityId("Welcome"),
  };
  return Object.assign(room, { ids });
}

/** Adds an idea card to `activityId` for whoever is passed, and gives back its id. */
export function cardAdder(room: TestRoom, activityId: string, lane = "waiting", kind = "idea") {
  return (who: Actor, text: string) => String(room.ok(who, "card.add", { activityId, lane, kind, text }).cardId);
}

/** The typical room with the map open, `a` (community) and `b` (statutory) joined, and a way to add their cards. */
export function typicalRoomWithMapOpen() {
  const room = typicalRoom();
  const a = room.join(person("a", "community"));
  const b = room.join(person("b", "statutory"));
  room.ok(facilitator, "activity.open", { activityId: room.ids.map });
  return { room, a, b, add: cardAdder(room, room.ids.map) };
}
