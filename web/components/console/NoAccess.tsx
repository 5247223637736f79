/** Shown when a console link was opened without its `#token=…` (or in a new tab of a closed session). */
import { type Component, Show } from "solid-js";
import type { RouteProps } from "../../app";
import { takeFragmentToken } from "../../lib/fragment-token";
import { createRoom, type Room } from "../../lib/room";
import { withArchives } from "../../lib/room/with-archives";
import { ConsoleShell } from "./ConsoleShell";
import { t } from "./i18n";

export const NoAccess: Component<{ title: string }> = (props) => (
  <ConsoleShell title={props.title}>
    <p role="alert">{t("access.noToken")}</p>
  </ConsoleShell>
);

/**
 * A page for one workshop opened by a link carrying `#token=…` (`/host/:id#token=…`):
 * takes the token out of the address, kept per tab under `<scope>:<workshopId>`, and
 * renders `Page` with it, or NoAccess titled `title()` when there is none.
 */
export function workshopTokenPage(
  scope: string,
  title: () => string,
  Page: Component<{ workshopId: string; token: string }>,
): Component<RouteProps> {
  return (props) => {
    const workshopId = props.params.id ?? "";
    const token = takeFragmentToken(`${scope}:${workshopId}`);
    return (
      <Show when={token} fallback={<NoAccess title={title()} />}>
        {(secret) => <Page workshopId={workshopId} token={secret()} />}
      </Show>
    );
  };
}

/**
 * The room as a console page opened by a token link connects to it: under `actorKey` (its
 * queue of unacknowledged commands is kept per actor), and without caching the doc, which
 * is the phone's way to start offline and not wanted on a shared laptop or projector.
 */
export function consoleRoom(page: { workshopId: string; token: string }, actorKey: string): Room {
  // perf (#17): a console shows closed maps too; their cards are fetched from the room's archive.
  return withArchives(createRoom({ workshopId: page.workshopId, token: page.token, actorKey, cacheDoc: false }));
}
