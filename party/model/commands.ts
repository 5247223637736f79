/**
 * The command contract: every change to a live workshop is one of these.
 * Schemas are shared by the room (which validates), the web app (which builds
 * commands) and tests. Names are the public contract (see README "Commands").
 */
import * as v from "valibot";

export const ROLES = [
  "organiser",
  "facilitator",
  "participant",
  "screen",
  "evaluator",
  // ---- tables (#13): a volunteer moderating and transcribing for one table (docs/tables.md)
  "host",
  // everyone counts (issue 14): a shared tablet used in turn, and a live translator
  "kiosk",
  "interpreter",
  // Co-delivery (#15): a partner posts updates on its organisation's commitments over HTTP; it never enters the room.
  "partner",
] as const;
export type Role = (typeof ROLES)[number];

/** Room-wide bounds; every input is bounded in size. */
export const LIMITS = {
  messageBytes: 64 * 1024,
  text: 1000,
  title: 200,
  name: 60,
  reason: 300,
  id: 64,
  listItems: 200,
  lanes: 20,
  kinds: 20,
  options: 100,
  timerSeconds: 4 * 60 * 60,
} as const;

export const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id), v.regex(/^[A-Za-z0-9_-]+$/));
// ---- fields defined once, used by commands, the Worker's request bodies, templates and room creation ----
export const Text = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.text));
export const Title = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.title));
export const Name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.name));
/** A BCP 47 language tag as workshops use them: "en", "cy", "pt-BR", "zh-Hant-TW". */
export const LanguageTag = v.pipe(
  v.string(),
  v.maxLength(20),
  v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/, "a language tag like en or cy"),
);
/** An ISO 4217 currency code ("GBP", "EUR"): what a budget vote's money is counted in. */
export const CurrencyCode = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, "a currency code like GBP or EUR"));
export const DEFAULT_CURRENCY = "GBP";
const Coord = v.pipe(v.number(), v.finite(), v.minValue(-100_000), v.maxValue(100_000));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));

export const GroupId = Id;
export const StakeholderGroup = v.strictObject({ id: Id, label: Title });
export type StakeholderGroup = v.InferOutput<typeof StakeholderGroup>;

// The groups a workshop starts with: party/model/default-groups.ts (DEFAULT_GROUPS).

// ---- tables (#13): shapes here so commands and tables.ts share them without an import cycle
export const MAX_TABLES = 50;
export const Table = v.strictObject({ id: Id, label: Name });
export type Table = v.InferOutput<typeof Table>;
export const TableList = v.pipe(
  v.array(Table),
  v.maxLength(MAX_TABLES),
  v.check((tables) => new Set(tables.map((t) => t.id)).size === tables.length, "table ids must be unique"),
);

// ---- activity configs -------------------------------------------------------

export const Lane = v.strictObject({ id: Id, label: Title });
export const CardKind = v.strictObject({
  id: Id,
  label: Title,
  color: v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/)),
});

export const MapConfig = v.strictObject({
  prompt: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.text)), ""),
  lanes: v.pipe(v.array(Lane), v.minLength(1), v.maxLength(LIMITS.lanes)),
  kinds: v.pipe(v.array(CardKind), v.minLength(1), v.maxLength(LIMITS.kinds)),
  /** open: everyone sees cards as they arrive; silent: each sees own until reveal;
   * community-first: only `firstGroups` may add until the facilitator opens it to all. */
  mode: v.optional(v.picklist(["open", "silent", "community-first"]), "open"),
  firstGroups: v.optional(v.pipe(v.array(Id), v.maxLength(20)), ["community"]),
  allowLinks: v.optional(v.boolean(), false),
  maxLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(10), v.maxValue(LIMITS.text)), 280),
  /** Participants' cards wait for a facilitator's approval before the projector shows them. */
  reviewCards: v.optional(v.boolean(), false),
  /** tables (#13): "tables" gives each table its own map (same prompt, lanes and kinds); every card carries its table */
  at: v.optional(v.picklist(["room", "tables"]), "room"),
});
export type MapConfig = v.InferOutput<typeof MapConfig>;

/**
 * Why an option drawn from a card lost its words (the card's author withdrew or
 * deleted it, or a facilitator hid it) while people had voted for it: the option
 * and their votes stay, under a neutral label the web app translates.
 */
export const OPTION_REMOVED = ["withdrawn", "deleted", "hidden"] as const;
export type OptionRemoved = (typeof OPTION_REMOVED)[number];
export const VoteOption = v.strictObject({
  id: Id,
  label: Title,
  cardIds: v.optional(v.array(Id)),
  removed: v.optional(v.picklist(OPTION_REMOVED)),
});
export type VoteOption = v.InferOutput<typeof VoteOption>;

export const FromActivity = v.strictObject({
  activityId: Id,
  kinds: v.optional(v.array(Id)),
  topN: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.options))),
});

export const VoteConfig = v.strictObject({
  prompt: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.text)), ""),
  method: v.picklist(["dots", "budget", "rank", "approve", "matrix"]),
  options: v.optional(v.pipe(v.array(VoteOption), v.maxLength(LIMITS.options)), []),
  fromActivity: v.optional(FromActivity),
  dots: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 5),
  maxPerOption: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 3),
  budget: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000_000)), 100),
  /** budget votes: points, or money in the workshop's currency ("GBP" is read as money, as written before) */
  currency: v.optional(
    v.pipe(
      v.picklist(["points", "money", "GBP"]),
      v.transform((unit) => (unit === "GBP" ? "money" : unit)),
    ),
    "points",
  ),
  topK: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.options)), 3),
  liveResults: v.optional(v.boolean(), false),
  /** Staged voting: only these groups vote until the facilitator opens it to all. */
  stagedGroups: v.optional(v.pipe(v.array(Id), v.maxLength(20)), []),
  /** voice (#16): which totals decide the ranking — one person one vote, or each shown group equally */
  weighting: v.optional(v.picklist(["people", "groups"]), "people"),
});
export type VoteConfig = v.InferOutput<typeof VoteConfig>;

export const FeedbackItem = v.variant("type", [
  v.strictObject({ id: Id, type: v.literal("likert"), label: Title }),
  v.strictObject({ id: Id, type: v.literal("text"), label: Title }),
]);
export const FeedbackConfig = v.strictObject({
  prompt: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.text)), ""),
  items: v.pipe(v.array(FeedbackItem), v.minLength(1), v.maxLength(30)),
});
export type FeedbackConfig = v.InferOutput<typeof FeedbackConfig>;

export const InfoConfig = v.strictObject({ prompt: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.text * 4)), "") });

export const ActivityKind = v.picklist(["map", "vote", "feedback", "info"]);
export type ActivityKind = v.InferOutput<typeof ActivityKind>;

export const CONFIG_SCHEMAS = {
  map: MapConfig,
  vote: VoteConfig,
  feedback: FeedbackConfig,
  info: InfoConfig,
} as const;

// ---- ballots and feedback ------------------------------------------------------

const Allocations = v.pipe(
  v.record(Id, Count),
  v.check((r) => Object.keys(r).length <= LIMITS.options),
);
export const Ballot = v.union([
  v.strictObject({ allocations: Allocations }),
  v.strictObject({ order: v.pipe(v.array(Id), v.maxLength(LIMITS.options)) }),
  v.strictObject({ approved: v.pipe(v.array(Id), v.maxLength(LIMITS.options)) }),
  v.strictObject({
    ratings: v.pipe(
      v.record(
        Id,
        v.strictObject({
          impact: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
          effort: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
        }),
      ),
      v.check((r) => Object.keys(r).length <= LIMITS.options),
    ),
  }),
]);
export type Ballot = v.InferOutput<typeof Ballot>;

export const FeedbackAnswers = v.pipe(
  v.record(
    Id,
    v.union([
      v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
      v.pipe(v.string(), v.maxLength(LIMITS.text)),
    ]),
  ),
  v.check((r) => Object.keys(r).length <= 30),
);
export type FeedbackAnswers = v.InferOutput<typeof FeedbackAnswers>;

// ---- everyone counts: paper, kiosks, head counts, translations (docs/everyone-counts.md) ----

// LanguageTag (translations and interpreters' languages) is defined once with the other fields above.
/** A kiosk turn: one person at a shared tablet, named by the kiosk with a fresh random id. */
export const TurnId = v.pipe(v.string(), v.minLength(8), v.maxLength(24), v.regex(/^[A-Za-z0-9_-]+$/));
/**
 * Whom a contribution is credited to when it is not the sender's own: a paper form a
 * facilitator transcribes (one person per command) or one person's turn at a kiosk.
 * Never a name: a stakeholder group, and optionally the table.
 */
export const OnBehalfOf = v.strictObject({ group: GroupId, table: v.optional(Id), turn: v.optional(TurnId) });
export type OnBehalfOf = v.InferOutput<typeof OnBehalfOf>;
/** Where an input came from: a phone, a paper form typed in, or a turn at a shared tablet. */
export const SOURCES = ["phone", "paper", "kiosk"] as const;
export type Source = (typeof SOURCES)[number];
/** `source` a client may name: only paper (a kiosk is known by its role, a phone by being one). */
const PaperSource = v.optional(v.literal("paper"));
/**
 * What a translation is of: workshop texts (`workshop.consent`, `workshop.purpose`, `workshop.title`),
 * an activity's title or prompt (`activity.<id>.title|prompt`), a map's lane or kind
 * (`lane.<activityId>.<laneId>`, `kind.<activityId>.<kindId>`), a vote option
 * (`option.<activityId>.<optionId>`), a feedback question (`item.<activityId>.<itemId>`) or a card (`card.<cardId>`).
 */
export const TranslationTarget = v.pipe(
  v.string(),
  v.maxLength(140),
  v.regex(
    /^(workshop\.(consent|purpose|title)|activity\.[A-Za-z0-9_-]{1,64}\.(title|prompt)|(lane|kind|option|item)\.[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{1,64}|card\.[A-Za-z0-9_-]{1,64})$/,
  ),
);
export const LIMITS_EVERYONE = { headCount: 10_000, translation: LIMITS.text * 4 } as const;

// ---- the commands ---------------------------------------------------------------

/** Session (issue #19): an activity's place in the running order, in whole minutes. */
export const PlannedMinutes = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.timerSeconds / 60));

/** Argument schema for each command name. */
export const COMMAND_ARGS = {
  // facilitator: agenda
  "activity.add": v.strictObject({
    kind: ActivityKind,
    title: Title,
    config: v.unknown(),
    index: v.optional(Count),
    plannedMinutes: v.optional(PlannedMinutes),
  }),
  /** plannedMinutes: null clears it. */
  "activity.update": v.strictObject({
    activityId: Id,
    title: v.optional(Title),
    config: v.optional(v.unknown()),
    plannedMinutes: v.optional(v.nullable(PlannedMinutes)),
  }),
  "activity.remove": v.strictObject({ activityId: Id }),
  "activity.move": v.strictObject({ activityId: Id, index: Count }),
  // facilitator: running the room
  "activity.open": v.strictObject({ activityId: Id }),
  "activity.close": v.strictObject({ activityId: Id }),
  /** Community-first map round or staged vote: let every group take part now. */
  "activity.openToAll": v.strictObject({ activityId: Id }),
  /** Silent map: show everyone's cards. */
  "cards.reveal": v.strictObject({ activityId: Id }),
  "room.lock": v.strictObject({ locked: v.boolean() }),
  // safety (#12): a facilitator opens or closes joining; the Worker refuses joins while closed.
  "room.joining": v.strictObject({ open: v.boolean() }),
  "timer.start": v.strictObject({
    seconds: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.timerSeconds)),
  }),
  "timer.stop": v.strictObject({}),
  /** Closes the vote too, so the revealed figures stay true, unless keepOpen. */
  "results.reveal": v.strictObject({ activityId: Id, keepOpen: v.optional(v.boolean()) }),
  /** Projector: show or hide the balance-of-voice table. */
  "screen.showVoice": v.strictObject({ show: v.boolean() }),
  "workshop.close": v.strictObject({}),
  // facilitator: moderation
  "card.move": v.strictObject({ cardId: Id, lane: v.optional(Id), x: v.optional(Coord), y: v.optional(Coord) }),
  "card.hide": v.strictObject({
    cardId: Id,
    reason: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.reason)),
  }),
  "card.restore": v.strictObject({ cardId: Id }),
  "card.merge": v.strictObject({
    cardIds: v.pipe(v.array(Id), v.minLength(1), v.maxLength(LIMITS.listItems)),
    into: Id,
  }),
  "link.add": v.strictObject({
    from: Id,
    to: Id,
    label: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.title))),
  }),
  "link.remove": v.strictObject({ linkId: Id }),
  "participant.remove": v.strictObject({ participantId: Id }),
  /** Maps with reviewCards: let held cards show on the projector. */
  "cards.approve": v.strictObject({ cardIds: v.pipe(v.array(Id), v.minLength(1), v.maxLength(LIMITS.listItems)) }),
  // participant
  "card.add": v.strictObject({
    activityId: Id,
    lane: Id,
    kind: Id,
    text: Text,
    onBehalfOf: v.optional(OnBehalfOf),
    source: PaperSource,
    /** tables (#13): a facilitator placing a card at a table of a map at tables (hosts always use their own) */
    table: v.optional(Id),
  }),
  "card.edit": v.strictObject({ cardId: Id, text: Text }),
  "card.delete": v.strictObject({ cardId: Id }),
  "card.support": v.strictObject({ cardId: Id, on: v.boolean(), onBehalfOf: v.optional(OnBehalfOf) }),
  "comment.add": v.strictObject({ cardId: Id, text: Text, onBehalfOf: v.optional(OnBehalfOf) }),
  "ballot.submit": v.strictObject({
    activityId: Id,
    ballot: Ballot,
    onBehalfOf: v.optional(OnBehalfOf),
    source: PaperSource,
  }),
  "feedback.submit": v.strictObject({
    activityId: Id,
    answers: FeedbackAnswers,
    onBehalfOf: v.optional(OnBehalfOf),
    source: PaperSource,
  }),
  "me.update": v.strictObject({ name: v.optional(Name), group: v.optional(GroupId) }),
  "me.withdraw": v.strictObject({}),
  // ---- tables (#13, docs/tables.md) ----
  /** facilitator: the workshop's tables, all of them (add or rename live; a table with people or cards stays) */
  "tables.set": v.strictObject({ tables: TableList }),
  /** facilitator: place a person at a table (null: at no table) or correct their group */
  "participant.update": v.strictObject({
    participantId: Id,
    group: v.optional(GroupId),
    table: v.optional(v.nullable(Id)),
  }),
  /** facilitator: bring chosen cards from the tables into a plenary map, keeping where they came from */
  "cards.harvest": v.strictObject({
    fromActivityId: Id,
    cardIds: v.pipe(v.array(Id), v.minLength(1), v.maxLength(LIMITS.listItems)),
    toActivityId: Id,
    lane: v.optional(Id),
  }),
  /** facilitator: the projector shows one table's map, or every table as a grid (null) */
  "screen.show": v.strictObject({ table: v.nullable(Id) }),
  // everyone counts (issue 14): paper entries taken back, head counts, translations
  "ballot.remove": v.strictObject({ activityId: Id, ballotId: Id }),
  "feedback.remove": v.strictObject({ activityId: Id, feedbackId: Id }),
  "attendance.set": v.strictObject({
    group: GroupId,
    count: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS_EVERYONE.headCount)),
    table: v.optional(Id),
  }),
  "translation.set": v.strictObject({
    target: TranslationTarget,
    language: LanguageTag,
    /** empty text removes the translation */
    text: v.pipe(v.string(), v.trim(), v.maxLength(LIMITS_EVERYONE.translation)),
  }),
  /** facilitator: the projector shows a second language under the original (null: none) */
  "screen.language": v.strictObject({ language: v.nullable(LanguageTag) }),
  // ---- voice (#16, docs/voice.md) ----
  /** facilitator: suggested themes on a map — groups of similar cards to merge or dismiss; changes nothing */
  "cards.suggest": v.strictObject({ activityId: Id }),
} as const;

export type CommandName = keyof typeof COMMAND_ARGS;
export const COMMAND_NAMES = Object.keys(COMMAND_ARGS) as CommandName[];
export type CommandArgs<N extends CommandName> = v.InferOutput<(typeof COMMAND_ARGS)[N]>;

/** Which roles may send which commands. Facilitators may also send participant commands. */
const PARTICIPANT_COMMANDS: CommandName[] = [
  "card.add",
  "card.edit",
  "card.delete",
  "card.support",
  "comment.add",
  "ballot.submit",
  "feedback.submit",
  "me.update",
  "me.withdraw",
];
/**
 * tables (#13): a host moderates and transcribes for one table only. Every one of
 * these also checks that the card is at the host's table (handlers/table-scope.ts).
 */
const HOST_COMMANDS: CommandName[] = [
  "card.add",
  "card.edit",
  "card.delete",
  "card.move",
  "card.hide",
  "card.restore",
  "card.merge",
  "link.add",
  "link.remove",
];
/** everyone counts: a host enters their table's paper ballots, feedback and head counts (for that table only). */
const HOST_PAPER_COMMANDS: CommandName[] = [
  "ballot.submit",
  "feedback.submit",
  "ballot.remove",
  "feedback.remove",
  "attendance.set",
];
/** A kiosk's people add, support, comment, vote and give feedback, each turn for one person. */
const KIOSK_COMMANDS: CommandName[] = ["card.add", "card.support", "comment.add", "ballot.submit", "feedback.submit"];
// Built by a call marked pure: a bundle that never asks (a phone's) can drop the table and the lists above.
export const ROLE_COMMANDS: Record<Role, ReadonlySet<CommandName>> = /* @__PURE__ */ (() => ({
  organiser: new Set(),
  // Facilitators vote and give feedback only on behalf of a person on paper (the handlers insist).
  facilitator: new Set(COMMAND_NAMES.filter((n) => n !== "me.withdraw")),
  participant: new Set(PARTICIPANT_COMMANDS),
  screen: new Set(),
  evaluator: new Set(),
  host: new Set([...HOST_COMMANDS, ...HOST_PAPER_COMMANDS]),
  kiosk: new Set(KIOSK_COMMANDS),
  interpreter: new Set(["translation.set"]),
  partner: new Set(),
}))();

export function mayRun(role: Role, name: CommandName): boolean {
  return ROLE_COMMANDS[role].has(name);
}

export type Command = { [N in CommandName]: { id: string; name: N; args: CommandArgs<N> } }[CommandName];
