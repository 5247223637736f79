/** What every command handler gets, and what it hands back to apply. */
import type * as Y from "yjs";
import type { Effect, RoomPrivate } from "../apply";
import type { CommandArgs, CommandName } from "../commands";
import type { Roots } from "../doc";
import type { Actor } from "../protocol";

export interface Scope {
  doc: Y.Doc;
  r: Roots;
  actor: Actor;
  now: number;
  newId(): string;
  priv: RoomPrivate;
}

/**
 * A handler checks everything first (throwing a Refusal), then returns a plan:
 * `write` runs inside one doc transaction, `effects` go to the room's storage.
 */
export interface Plan {
  result?: Record<string, unknown>;
  effects?: Effect[];
  write?: () => void;
}

export type Handler<N extends CommandName> = (s: Scope, args: CommandArgs<N>) => Plan;
