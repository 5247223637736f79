/**
 * The shared Y.Doc: only what everyone in the room may see (docs/architecture.md, principle 2).
 * Values in the maps are plain JSON objects, replaced whole on change: simple to
 * validate, and small deltas because each entry is one Yjs item.
 */
import type * as Y from "yjs";
import type { ConfigByKind } from "./activity-config";
import type { ArchivedEntry, EntryMap } from "./archive";
import type { Card } from "./card";
import type { ActivityKind, StakeholderGroup, Table } from "./commands";
import type { Tally } from "./tally";

export type { Card } from "./card";

export type WorkshopStatus = "draft" | "live" | "closed";
export type ActivityStatus = "draft" | "open" | "closed";

export interface Timer {
  /** server epoch ms */
  startedAt: number;
  seconds: number;
  endsAt: number;
  /** set when opening an activity with planned minutes started the timer */
  activityId?: string;
}

export interface WorkshopInfo {
  id: string;
  title: string;
  purpose: string;
  status: WorkshopStatus;
  currentActivityId: string | null;
  locked: boolean;
  timer: Timer | null;
  agenda: string[];
  groups: StakeholderGroup[];
  showNames: boolean;
  language: string;
  /** ISO 4217: what budget votes' money is counted in (absent in workshops from before the setting: GBP) */
  currency?: string;
  joinCode: string;
  /** false: the Worker refuses new joins (409 joining_closed); absent means open */
  joining?: boolean;
  /** the projector shows the balance-of-voice table (absent in workshops from before the flag) */
  showVoiceOnScreen?: boolean;
  /** tables (#13): the workshop's tables (absent or empty: no tables) */
  tables?: Table[];
  /** tables (#13): the projector shows this table's map; null or absent: every table as a grid */
  screenTable?: string | null;
  /** everyone counts (#14): the projector shows translations into this language under the original; null or absent: none */
  screenLanguage?: string | null;
}

/** What every activity has, whatever its kind. */
export interface ActivityBase {
  id: string;
  title: string;
  status: ActivityStatus;
  /** community-first maps and staged votes: "first" until opened to all */
  stage: "first" | "all";
  /** silent maps: cards shown to all once revealed */
  cardsRevealed: boolean;
  /** votes: results revealed */
  resultsRevealed: boolean;
  openedAt: number | null;
  closedAt: number | null;
  /** the running order: minutes planned; opening the activity starts the timer from it */
  plannedMinutes?: number;
  /**
   * votes, safety (#12): ballot changes (new, replaced, withdrawn, moved group) since the
   * public figures last moved. While the vote is open, totals and turnout by group move
   * only once this reaches LIVE_STEP, so no publication differs from the last by one ballot.
   * Feedback forms count respondent changes (first answer, removed, moved group) the same way.
   */
  pendingBallots?: number;
  /** votes and feedback forms: how many have answered, by group (never what they said) */
  turnout?: { voters: number; byGroup: Record<string, number> };
}

/** A kind with its config, as parsed for that kind. */
export type KindConfig = { [K in ActivityKind]: { kind: K; config: ConfigByKind[K] } }[ActivityKind];

/**
 * An activity, a union by kind: narrowing on `kind` types its `config`, which was parsed for
 * its kind (defaults filled) once, when the activity was written.
 */
export type Activity = { [K in ActivityKind]: ActivityBase & { kind: K; config: ConfigByKind[K] } }[ActivityKind];
/** One kind's activity. */
export type ActivityOf<K extends ActivityKind> = Extract<Activity, { kind: K }>;

/**
 * The activity's typed config when it is of `kind`, else null. The config in the doc was
 * parsed for its kind (defaults filled) when it was written: readers narrow, never re-parse.
 */
export function configOf<K extends ActivityKind>(
  activity: Activity | null | undefined,
  kind: K,
): ConfigByKind[K] | null {
  return activity?.kind === kind ? (activity.config as ConfigByKind[K]) : null;
}

export interface Participant {
  id: string;
  name: string;
  group: string;
  joinedAt: number;
  removed?: boolean;
  /** tables (#13): where they sit (absent: at no table yet) */
  table?: string;
  /** a person's turn at a shared tablet (kiosk): no name, never connected themselves */
  source?: "kiosk";
}

export interface Comment {
  id: string;
  cardId: string;
  text: string;
  authorId: string;
  authorName: string;
  group: string;
  createdAt: number;
}

export interface Link {
  id: string;
  from: string;
  to: string;
  label: string;
}

/** People taking part without a phone, counted by a facilitator: one entry per group (and table). */
export interface Attendance {
  group: string;
  table?: string;
  count: number;
}

/**
 * A translation of something in the workshop into one language. Deliberately holds
 * nothing about the translated thing's author, nor who translated it.
 */
export interface Translation {
  target: string;
  language: string;
  text: string;
  updatedAt: number;
}

/** Keys of the `attendance` and `translations` maps. */
export const attendanceKey = (group: string, table?: string) => (table ? `${group}@${table}` : group);
export const translationKey = (language: string, target: string) => `${language}:${target}`;

export const ROOTS = {
  workshop: "workshop",
  activities: "activities",
  participants: "participants",
  cards: "cards",
  comments: "comments",
  links: "links",
  results: "results",
  attendance: "attendance",
  translations: "translations",
  /** closed activities whose cards, comments and links are in the room's storage (archive.ts) */
  archived: "archived",
} as const;

/** Typed accessors over a Y.Doc. */
export function roots(doc: Y.Doc) {
  return {
    workshop: doc.getMap<unknown>(ROOTS.workshop),
    activities: doc.getMap<Activity>(ROOTS.activities),
    participants: doc.getMap<Participant>(ROOTS.participants),
    cards: doc.getMap<Card>(ROOTS.cards),
    comments: doc.getMap<Comment>(ROOTS.comments),
    links: doc.getMap<Link>(ROOTS.links),
    results: doc.getMap<Tally>(ROOTS.results),
    attendance: doc.getMap<Attendance>(ROOTS.attendance),
    translations: doc.getMap<Translation>(ROOTS.translations),
    archived: doc.getMap<ArchivedEntry>(ROOTS.archived),
  };
}

/**
 * The roots as command handlers see them: in the room, cards, comments and links also reach
 * the archived entries of closed activities (party/archive.ts), so a handler reads and changes
 * a closed map's cards exactly as it did when they were in the doc.
 */
export type Roots = Omit<ReturnType<typeof roots>, "cards" | "comments" | "links"> & {
  cards: EntryMap<Card>;
  comments: EntryMap<Comment>;
  links: EntryMap<Link>;
};

export function readWorkshop(doc: Y.Doc): WorkshopInfo {
  return roots(doc).workshop.toJSON() as WorkshopInfo;
}

export function setWorkshop(doc: Y.Doc, patch: Partial<WorkshopInfo>): void {
  const map = roots(doc).workshop;
  for (const [k, val] of Object.entries(patch)) map.set(k, val);
}
