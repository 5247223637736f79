/**
 * The workshop engine: applies one command from one actor to the shared Y.Doc.
 * Order of checks: known name → role → argument schema → state checks → one
 * transaction. Every check runs before the first write, so a refused command
 * leaves the doc byte-for-byte unchanged. Private data (ballots, feedback,
 * unrevealed silent cards, moderated text) never enters the doc: apply reads it
 * through `RoomPrivate` and asks the room to store changes through `Effect`s.
 */
import * as v from "valibot";
import type * as Y from "yjs";
import { ActivitySpec, agendaProblem } from "./activity-config";
import {
  type Ballot,
  COMMAND_ARGS,
  type CommandName,
  CurrencyCode,
  DEFAULT_CURRENCY,
  type FeedbackAnswers,
  Id,
  LanguageTag,
  LIMITS,
  mayRun,
  type Source,
  StakeholderGroup,
  TableList,
  Title,
} from "./commands";
import { type Card, type Participant, type Roots, roots } from "./doc";
import { agendaHandlers, createActivity } from "./handlers/agenda";
import { cardHandlers } from "./handlers/cards";
import { everyoneHandlers } from "./handlers/everyone";
import { moderationHandlers } from "./handlers/moderation";
import { peopleHandlers } from "./handlers/people";
import { runningHandlers } from "./handlers/running";
import type { Handler, Plan, Scope } from "./handlers/scope";
import { suggestHandlers } from "./handlers/suggest";
import { tableHandlers } from "./handlers/tables";
import { votingHandlers } from "./handlers/voting";
import type { Actor, CommandError, PrivateMessage } from "./protocol";
import { describeIssues, Refusal } from "./refusal";
import type { Tally } from "./tally";

/** Private state the room keeps in its own SQLite storage and lends to apply (never in the Y.Doc). */
export interface RoomPrivate {
  ballot(activityId: string, participantId: string): Ballot | null;
  ballots(activityId: string): { participantId: string; group: string; ballot: Ballot; source?: Source }[];
  feedback(activityId: string, participantId: string): FeedbackAnswers | null;
  /** who answered a feedback form, and as which group (never what they said); for turnout */
  feedbackRespondents(activityId: string): { participantId: string; group: string }[];
  /** a paper or kiosk respondent (everyone counts, handlers/acting.ts); null for phones and unknown ids */
  respondent(id: string): { source: "paper" | "kiosk"; group: string; table: string | null } | null;
  /** silent-mode cards not yet revealed */
  silentCards(activityId: string): Card[];
  silentCard(cardId: string): Card | null;
  /** the original text of a card a facilitator hid (kept out of the doc, docs/architecture.md, principle 2) */
  moderatedText(cardId: string): string | null;
}

export interface ApplyContext {
  now: number;
  newId(): string;
  priv: RoomPrivate;
  /** the room: the doc's roots with closed activities' archived entries behind them (party/archive.ts) */
  roots?: (doc: Y.Doc) => Roots;
}

export type Effect =
  | { kind: "ballot.put"; activityId: string; participantId: string; group: string; ballot: Ballot; source?: Source }
  /** no activityId = all of theirs (withdraw) */
  | { kind: "ballot.delete"; participantId: string; activityId?: string }
  | {
      kind: "feedback.put";
      activityId: string;
      participantId: string;
      group: string;
      answers: FeedbackAnswers;
      source?: Source;
    }
  /** no activityId = all of theirs (withdraw) */
  | { kind: "feedback.delete"; participantId: string; activityId?: string }
  /** a paper or kiosk respondent: an anonymous person credited to a group (handlers/acting.ts) */
  | { kind: "respondent.put"; id: string; source: "paper" | "kiosk"; group: string; table: string | null }
  | { kind: "silentCard.put"; card: Card }
  | { kind: "silentCard.delete"; cardId: string }
  /** card.hide: the original text, blanked in the doc, kept for card.restore and the audit trail */
  | { kind: "moderated.put"; cardId: string; text: string }
  | { kind: "moderated.delete"; cardId: string }
  | { kind: "participant.removed"; participantId: string; reason: "removed" | "withdrawn" }
  /** a tally written to the doc (for D1) */
  | { kind: "result.saved"; activityId: string; result: Tally }
  | { kind: "private"; to: string | { role: "facilitator" }; message: PrivateMessage };

export type ApplyOutcome =
  /** `args`: the validated arguments (trimmed, defaults filled, nothing unknown); only these are logged */
  { ok: true; result: Record<string, unknown>; effects: Effect[]; args?: unknown } | { ok: false; error: CommandError };

const HANDLERS: { [N in CommandName]: Handler<N> } = {
  ...agendaHandlers,
  ...runningHandlers,
  ...cardHandlers,
  ...moderationHandlers,
  ...votingHandlers,
  ...peopleHandlers,
  ...tableHandlers,
  ...everyoneHandlers,
  ...suggestHandlers,
};

function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_ARGS, name);
}

/** ballot.submit: a ballot that fails its schema (e.g. a rating of 7) is an invalid ballot, not a bad request. */
function argsError(name: CommandName, issues: readonly v.BaseIssue<unknown>[]): CommandError {
  const message = describeIssues(issues);
  const onlyBallot = issues.every((i) => v.getDotPath(i)?.startsWith("ballot"));
  if (name === "ballot.submit" && onlyBallot) return { code: "invalid_ballot", message };
  return { code: "bad_request", message };
}

function plan(doc: Y.Doc, actor: Actor, name: CommandName, args: unknown, ctx: ApplyContext): Plan {
  const scope: Scope = {
    doc,
    r: ctx.roots?.(doc) ?? roots(doc),
    actor,
    now: ctx.now,
    newId: () => ctx.newId(),
    priv: ctx.priv,
  };
  const handler = HANDLERS[name] as Handler<CommandName>;
  return handler(scope, args as never);
}

export function applyCommand(
  doc: Y.Doc,
  actor: Actor,
  command: { name: string; args: unknown },
  ctx: ApplyContext,
): ApplyOutcome {
  const { name } = command;
  if (!isCommandName(name))
    return { ok: false, error: { code: "unknown_command", message: `Unknown command "${name}"` } };
  if (!mayRun(actor.role, name))
    return { ok: false, error: { code: "forbidden", message: `A ${actor.role} may not run ${name}` } };
  const parsed = v.safeParse(COMMAND_ARGS[name], command.args ?? {});
  if (!parsed.success) return { ok: false, error: argsError(name, parsed.issues) };
  if (!roots(doc).workshop.has("id"))
    return { ok: false, error: { code: "not_found", message: "This workshop has not been set up" } };
  let planned: Plan;
  try {
    planned = plan(doc, actor, name, parsed.output, ctx);
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, error: err.toError() };
    throw err;
  }
  if (planned.write) doc.transact(planned.write);
  return { ok: true, result: planned.result ?? {}, effects: planned.effects ?? [], args: parsed.output };
}

// ---- creating a room ---------------------------------------------------------------

export const RoomInit = v.pipe(
  v.strictObject({
    id: Id,
    title: Title,
    purpose: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.text)), ""),
    joinCode: v.pipe(v.string(), v.regex(/^[A-Z0-9]{4,12}$/)),
    groups: v.pipe(v.array(StakeholderGroup), v.minLength(1), v.maxLength(20)),
    showNames: v.optional(v.boolean(), false),
    language: v.optional(LanguageTag, "en"),
    currency: v.optional(CurrencyCode, DEFAULT_CURRENCY),
    activities: v.optional(v.pipe(v.array(ActivitySpec), v.maxLength(LIMITS.listItems)), []),
    /** tables (#13): the workshop's tables at creation (a count is turned into a list by the Worker) */
    tables: v.optional(TableList, []),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = agendaProblem(dataset.value.activities);
    if (problem) addIssue({ message: problem });
  }),
);
export type RoomInit = v.InferOutput<typeof RoomInit>;
/** What a caller may pass: purpose, showNames, language and activities have defaults. */
export type RoomInitInput = v.InferInput<typeof RoomInit>;

/**
 * Writes a new workshop into an empty doc. Throws if `init` is invalid (the Worker
 * validates it with `RoomInit` first) or the doc already holds a workshop.
 * Template keys in `fromActivity` are replaced by the generated activity ids.
 */
export function initWorkshop(doc: Y.Doc, init: RoomInitInput, ctx: ApplyContext): void {
  const checked = v.safeParse(RoomInit, init);
  if (!checked.success) throw new Error(`Invalid workshop: ${describeIssues(checked.issues)}`);
  const parsed = checked.output;
  const r = roots(doc);
  if (r.workshop.has("id")) throw new Error(`The doc already holds workshop ${String(r.workshop.get("id"))}`);
  const idsByKey = new Map<string, string>();
  const activities = parsed.activities.map((spec) => {
    const id = ctx.newId();
    if (spec.key) idsByKey.set(spec.key, id);
    return createActivity(id, spec.kind, spec.title, spec.config, idsByKey, spec.plannedMinutes);
  });
  doc.transact(() => {
    const info = {
      id: parsed.id,
      title: parsed.title,
      purpose: parsed.purpose,
      status: "draft",
      currentActivityId: null,
      locked: false,
      timer: null,
      agenda: activities.map((a) => a.id),
      groups: parsed.groups,
      showNames: parsed.showNames,
      language: parsed.language,
      currency: parsed.currency,
      joinCode: parsed.joinCode,
      tables: parsed.tables,
    };
    for (const [key, value] of Object.entries(info)) r.workshop.set(key, value);
    for (const activity of activities) r.activities.set(activity.id, activity);
  });
}

/**
 * Adds a participant to the doc when they connect, or leaves their entry alone if
 * present (me.update owns name and group after joining). Returns false for people
 * who were removed or withdrew: the room must turn them away. Other roles are not
 * listed in the doc and always get true.
 */
export function joinParticipant(doc: Y.Doc, actor: Actor, now: number): boolean {
  if (actor.role !== "participant") return true;
  const participants = roots(doc).participants;
  const existing = participants.get(actor.id);
  if (existing?.removed) return false;
  if (!existing) {
    const entry: Participant = { id: actor.id, name: actor.name, group: actor.group, joinedAt: now };
    // tables (#13): the table picked when joining, if it is (still) one of the workshop's.
    const tables = (roots(doc).workshop.get("tables") as { id: string }[] | undefined) ?? [];
    if (actor.table && tables.some((t) => t.id === actor.table)) entry.table = actor.table;
    participants.set(actor.id, entry);
  }
  return true;
}
