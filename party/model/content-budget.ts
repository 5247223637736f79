/**
 * safety (#12): the live doc's byte budget. Kept out of commands.ts on purpose: only the room
 * needs it, and the phone's bundle imports commands.ts (a top-level Set is not tree-shaken).
 */
import type { CommandName } from "./commands";

/**
 * Past this many bytes of live doc (every phone downloads it on joining) the room refuses new
 * content with `room_full_of_content`. A 200-person, 3-hour workshop measures about 1 MB with
 * its closed activities (BENCHMARKS.md), so only a flood reaches it.
 */
export const DOC_BUDGET_BYTES = 4 * 1024 * 1024;

/** The commands that add people's words or marks to the live doc, refused once it is full. */
export const CONTENT_COMMANDS: ReadonlySet<string> = new Set<CommandName>([
  "card.add",
  "card.edit",
  "card.support",
  "comment.add",
  "translation.set",
]);
