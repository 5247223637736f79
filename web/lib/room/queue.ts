/**
 * Commands not yet acknowledged by the room, kept in storage BEFORE they are sent
 * (docs/architecture.md, principle 4): a reload, a crash or a dropped connection never loses one,
 * and the room ignores ids it has already applied, so resending is always safe.
 */
import * as v from "valibot";
import { COMMAND_NAMES, type CommandName } from "../../../party/model/commands";
import { KEY_PREFIX, type KeyValueStore, readJson, writeJson } from "../storage";

const PendingSchema = v.object({
  id: v.string(),
  name: v.picklist(COMMAND_NAMES),
  args: v.unknown(),
  createdAt: v.number(),
});
export type PendingCommand = v.InferOutput<typeof PendingSchema>;

const PendingList = v.array(PendingSchema);

export class CommandQueue {
  private items: PendingCommand[];

  constructor(
    private readonly store: KeyValueStore,
    /** one key per workshop and actor, e.g. "coproduce:pending:<workshopId>:<participantId>" */
    private readonly key: string,
  ) {
    this.items = readJson(store, key, PendingList) ?? [];
  }

  /** Oldest first: the order they were made in is the order they are resent in. */
  list(): readonly PendingCommand[] {
    return this.items;
  }

  add(command: { id: string; name: CommandName; args: unknown; createdAt: number }): void {
    this.items = [...this.items, command];
    this.persist();
  }

  remove(id: string): PendingCommand | undefined {
    const found = this.items.find((item) => item.id === id);
    if (!found) return undefined;
    this.items = this.items.filter((item) => item !== found);
    this.persist();
    return found;
  }

  clear(): void {
    this.items = [];
    this.persist();
  }

  private persist(): void {
    if (this.items.length === 0) this.store.removeItem(this.key);
    else writeJson(this.store, this.key, this.items);
  }
}

/** Every pending-command key starts so. */
export const PENDING_KEYS = `${KEY_PREFIX}pending:`;

/** Where a workshop's pending commands are kept, one key per actor under it (leaving a device clears them all). */
export function pendingPrefix(workshopId: string): string {
  return `${PENDING_KEYS}${workshopId}:`;
}

export function pendingKey(workshopId: string, actorKey: string): string {
  return pendingPrefix(workshopId) + actorKey;
}
