/**
 * What must never be in the shared doc (docs/architecture.md, principle 2): ballots, feedback,
 * silent cards before reveal and the original text of hidden cards. Lent to the
 * model as `RoomPrivate`; written by the room inside a command's transaction.
 */
import * as v from "valibot";
import type { RoomPrivate } from "./model/apply";
import { type Card, CardSchema } from "./model/card";
import { Ballot, FeedbackAnswers, type Source } from "./model/commands";
import type { Actor, PrivateMessage } from "./model/protocol";

/** The tables this store owns; `CREATE … IF NOT EXISTS` keeps start-up idempotent. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS ballots (
  activity_id TEXT NOT NULL, participant_id TEXT NOT NULL, group_id TEXT NOT NULL,
  ballot TEXT NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (activity_id, participant_id)
);
CREATE TABLE IF NOT EXISTS feedback (
  activity_id TEXT NOT NULL, participant_id TEXT NOT NULL, group_id TEXT NOT NULL,
  answers TEXT NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (activity_id, participant_id)
);
CREATE TABLE IF NOT EXISTS silent_cards (
  card_id TEXT PRIMARY KEY, activity_id TEXT NOT NULL, author_id TEXT NOT NULL, card TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS silent_cards_activity ON silent_cards(activity_id);
CREATE TABLE IF NOT EXISTS moderated (card_id TEXT PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS respondents (
  id TEXT PRIMARY KEY, source TEXT NOT NULL, group_id TEXT NOT NULL, table_id TEXT, created_at INTEGER NOT NULL
);
`;

/**
 * Ballots and feedback forms are one shape: one private answer per person and activity,
 * kept as JSON in the table's answer column (and mirrored to D1 alike, d1-writes.ts).
 */
const ANSWER_TABLES = {
  ballot: { table: "ballots", column: "ballot" },
  feedback: { table: "feedback", column: "answers" },
} as const;
export type AnswerKind = keyof typeof ANSWER_TABLES;

/** Whose answer to which activity, credited to which group. */
export interface AnswerKey {
  activityId: string;
  participantId: string;
  group: string;
}

export class PrivateStore implements RoomPrivate {
  constructor(private readonly sql: SqlStorage) {
    this.createTables();
  }

  /** Idempotent; called again after the room's storage was erased. */
  createTables(): void {
    this.sql.exec(SCHEMA);
  }

  putAnswer(kind: AnswerKind, key: AnswerKey, answer: Ballot | FeedbackAnswers, at: number): void {
    const { table, column } = ANSWER_TABLES[kind];
    this.sql.exec(
      `INSERT INTO ${table} (activity_id, participant_id, group_id, ${column}, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(activity_id, participant_id) DO UPDATE SET group_id = excluded.group_id, ${column} = excluded.${column},
         updated_at = excluded.updated_at`,
      key.activityId,
      key.participantId,
      key.group,
      JSON.stringify(answer),
      at,
    );
  }

  /** One person's answers: to one activity, or (no activityId: withdrawal) to all. */
  deleteAnswers(kind: AnswerKind, participantId: string, activityId?: string): void {
    const { table } = ANSWER_TABLES[kind];
    if (activityId) {
      this.sql.exec(`DELETE FROM ${table} WHERE participant_id = ? AND activity_id = ?`, participantId, activityId);
    } else {
      this.sql.exec(`DELETE FROM ${table} WHERE participant_id = ?`, participantId);
    }
  }

  /** A paper or kiosk respondent (handlers/acting.ts): anonymous, credited to a group. */
  putRespondent(id: string, source: "paper" | "kiosk", group: string, table: string | null, at: number): void {
    this.sql.exec(
      "INSERT OR IGNORE INTO respondents (id, source, group_id, table_id, created_at) VALUES (?, ?, ?, ?, ?)",
      id,
      source,
      group,
      table,
      at,
    );
  }

  respondent(id: string): { source: "paper" | "kiosk"; group: string; table: string | null } | null {
    const row = this.sql
      .exec<{ source: string; group_id: string; table_id: string | null }>(
        "SELECT source, group_id, table_id FROM respondents WHERE id = ?",
        id,
      )
      .toArray()[0];
    if (!row) return null;
    return { source: row.source === "kiosk" ? "kiosk" : "paper", group: row.group_id, table: row.table_id };
  }

  putSilentCard(card: Card): void {
    this.sql.exec(
      `INSERT INTO silent_cards (card_id, activity_id, author_id, card) VALUES (?, ?, ?, ?)
       ON CONFLICT(card_id) DO UPDATE SET activity_id = excluded.activity_id, author_id = excluded.author_id,
         card = excluded.card`,
      card.id,
      card.activityId,
      card.authorId,
      JSON.stringify(card),
    );
  }

  deleteSilentCard(cardId: string): void {
    this.sql.exec("DELETE FROM silent_cards WHERE card_id = ?", cardId);
  }

  ballot(activityId: string, participantId: string): Ballot | null {
    const json = this.answer("ballot", activityId, participantId);
    return json === null ? null : readBallot(json);
  }

  ballots(activityId: string): { participantId: string; group: string; ballot: Ballot; source: Source }[] {
    // Paper and kiosk ballots are told from phones' by their respondent (everyone counts).
    return this.sql
      .exec<{ participant_id: string; group_id: string; ballot: string; source: string | null }>(
        `SELECT b.participant_id, b.group_id, b.ballot, r.source FROM ballots b
         LEFT JOIN respondents r ON r.id = b.participant_id WHERE b.activity_id = ? ORDER BY b.participant_id`,
        activityId,
      )
      .toArray()
      .map((r) => ({
        participantId: r.participant_id,
        group: r.group_id,
        ballot: readBallot(r.ballot),
        source: r.source === "paper" || r.source === "kiosk" ? r.source : "phone",
      }));
  }

  feedback(activityId: string, participantId: string): FeedbackAnswers | null {
    const json = this.answer("feedback", activityId, participantId);
    return json === null ? null : readAnswers(json);
  }

  /** One person's answer to one activity, as the JSON the table keeps. */
  private answer(kind: AnswerKind, activityId: string, participantId: string): string | null {
    const { table, column } = ANSWER_TABLES[kind];
    const rows = this.sql
      .exec<Record<string, string>>(
        `SELECT ${column} AS answer FROM ${table} WHERE activity_id = ? AND participant_id = ?`,
        activityId,
        participantId,
      )
      .toArray();
    return rows[0]?.answer ?? null;
  }

  feedbackRespondents(activityId: string): { participantId: string; group: string }[] {
    return this.sql
      .exec<{ participant_id: string; group_id: string }>(
        "SELECT participant_id, group_id FROM feedback WHERE activity_id = ? ORDER BY participant_id",
        activityId,
      )
      .toArray()
      .map((r) => ({ participantId: r.participant_id, group: r.group_id }));
  }

  silentCards(activityId: string): Card[] {
    return this.sql
      .exec<{ card: string }>("SELECT card FROM silent_cards WHERE activity_id = ? ORDER BY card_id", activityId)
      .toArray()
      .map((r) => readCard(r.card));
  }

  silentCard(cardId: string): Card | null {
    const rows = this.sql.exec<{ card: string }>("SELECT card FROM silent_cards WHERE card_id = ?", cardId).toArray();
    return rows[0] ? readCard(rows[0].card) : null;
  }

  /**
   * What one connection may see beyond the shared doc: a participant's own ballots,
   * feedback and silent cards; for facilitators, every silent card.
   */
  privateStateFor(actor: Actor): PrivateMessage[] {
    const messages: PrivateMessage[] = [];
    const cardsByActivity = new Map<string, Card[]>();
    const addCard = (raw: string) => {
      const card = readCard(raw);
      const list = cardsByActivity.get(card.activityId) ?? [];
      list.push(card);
      cardsByActivity.set(card.activityId, list);
    };
    if (actor.role === "facilitator") {
      for (const r of this.sql.exec<{ card: string }>("SELECT card FROM silent_cards ORDER BY card_id"))
        addCard(r.card);
    } else if (actor.role === "participant") {
      const ballots = this.sql.exec<{ activity_id: string; ballot: string }>(
        "SELECT activity_id, ballot FROM ballots WHERE participant_id = ? ORDER BY activity_id",
        actor.id,
      );
      for (const r of ballots) {
        messages.push({ type: "private", kind: "ballot", activityId: r.activity_id, ballot: readBallot(r.ballot) });
      }
      const answers = this.sql.exec<{ activity_id: string; answers: string }>(
        "SELECT activity_id, answers FROM feedback WHERE participant_id = ? ORDER BY activity_id",
        actor.id,
      );
      for (const r of answers) {
        messages.push({
          type: "private",
          kind: "feedback",
          activityId: r.activity_id,
          answers: readAnswers(r.answers),
        });
      }
      const cards = this.sql.exec<{ card: string }>(
        "SELECT card FROM silent_cards WHERE author_id = ? ORDER BY card_id",
        actor.id,
      );
      for (const r of cards) addCard(r.card);
    }
    for (const [activityId, cards] of cardsByActivity)
      messages.push({ type: "private", kind: "cards", activityId, cards });
    return messages;
  }

  /** The original text of a card a facilitator hid; kept here, never in the doc. */
  putModeratedText(cardId: string, text: string): void {
    this.sql.exec(
      "INSERT INTO moderated (card_id, text) VALUES (?, ?) ON CONFLICT(card_id) DO UPDATE SET text = excluded.text",
      cardId,
      text,
    );
  }

  deleteModeratedText(cardId: string): void {
    this.sql.exec("DELETE FROM moderated WHERE card_id = ?", cardId);
  }

  moderatedText(cardId: string): string | null {
    const rows = this.sql.exec<{ text: string }>("SELECT text FROM moderated WHERE card_id = ?", cardId).toArray();
    return rows[0]?.text ?? null;
  }
}

function parseJson(text: string): unknown {
  return JSON.parse(text);
}

function readBallot(text: string): Ballot {
  return v.parse(Ballot, parseJson(text));
}

function readAnswers(text: string): FeedbackAnswers {
  return v.parse(FeedbackAnswers, parseJson(text));
}

function readCard(text: string): Card {
  // Written by the room from a Card the model produced; the check guards against a corrupted row.
  return v.parse(CardSchema, parseJson(text));
}
