/**
 * The phone's co-delivery pieces (#15), loaded on demand (none is needed for the first paint):
 * - what this phone raised, supported or voted for, kept only on this phone (by join code)
 *   so that after the close the follow-up page can mark "yours"; never sent anywhere;
 * - the words of the follow-up page and of the room after the close,
 *   from the phone's catalogue (English's includes web/i18n/followup-en.ts);
 * - the room after the close: what happens next, and the link to the follow-up page.
 */
import { type Component, createEffect } from "solid-js";
import * as v from "valibot";
import type { Message } from "../../i18n/en";
import type { FollowupKey } from "../../i18n/followup-en";
import { catalogue, format, type Params } from "../../lib/i18n";
import { local, mineKey, readJson, writeJson } from "../../lib/storage";
import type { ParticipantContext } from "./context";

/** Card ids, and "activityId/optionId" for options a ballot gave something to. */
const Mine = v.array(v.string());

export function loadMine(code: string): string[] | null {
  return readJson(local, mineKey(code), Mine);
}

/** Adds to what is remembered (never removes: closed activities may leave the live doc). */
export function rememberMine(code: string, add: string[]): void {
  const old = loadMine(code) ?? [];
  const next = [...new Set([...old, ...add])].slice(-1000);
  if (next.length !== old.length) writeJson(local, mineKey(code), next);
}

/**
 * This phone's cards and supports (from the room's private `mine`: the doc names nobody,
 * privacy #12), and the options its ballots gave anything to (any method).
 */
export function myContributions(
  own: { cards: ReadonlySet<string>; supports: ReadonlySet<string> },
  ballots: Record<string, unknown>,
): string[] {
  // Straight from `mine`, not filtered by the cards in the phone's doc: a closed map's cards
  // leave the live doc (#17) but are still this person's (the room's `mine` includes them).
  const mine = [...new Set([...own.cards, ...own.supports])];
  for (const [activityId, ballot] of Object.entries(ballots)) {
    const b = (ballot ?? {}) as Record<string, unknown>;
    const ids = [
      ...Object.keys(b.allocations ?? {}).filter((id) => (b.allocations as Record<string, number>)[id]),
      ...((b.order ?? b.approved ?? []) as string[]),
      ...Object.keys(b.ratings ?? {}),
    ];
    for (const id of ids) mine.push(`${activityId}/${id}`);
  }
  return mine;
}

/** A follow-up word in the phone's language (every catalogue, English too, carries them). */
export function tFollowup(key: FollowupKey, params?: Params): string {
  const message = (catalogue() as Record<string, Message | undefined>)[key];
  return format(typeof message === "string" ? message : key, params);
}

export const AfterClose: Component<{ joinCode: string }> = (props) => (
  <>
    <p>{tFollowup("followup.closedNext")}</p>
    <p>
      <a class="button primary" href={`/f/${props.joinCode}`}>
        {tFollowup("followup.link")}
      </a>
    </p>
  </>
);

/**
 * Called by the map and vote activities (chunks a phone loads on demand, so the room's first
 * load does not carry this): remembers, as they change, this phone's cards, supports and votes.
 */
export function rememberWhileActive({ room, participantId, workshop }: ParticipantContext): void {
  createEffect(() => {
    const code = workshop()?.joinCode;
    if (code) rememberMine(code, myContributions(room.own(participantId), room.ballots()));
  });
}
