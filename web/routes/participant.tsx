/**
 * `/w/:workshopId`: a participant's live room. The token saved when joining (per
 * workshop, in localStorage) rejoins as the same person after a reload or in a new
 * tab. The page follows the facilitator: whatever activity is current is shown.
 */
import { type Component, createEffect, createMemo, createSignal, Match, on, onMount, Show, Switch } from "solid-js";
import type { RouteProps } from "../app";
import { ActivityView, preloadActivities } from "../components/participant/ActivityView";
import { ConnectionBadge } from "../components/participant/ConnectionBadge";
import { RoomContext, useRoom } from "../components/participant/context";
import { MeDetails } from "../components/participant/MeDetails";
import { StatusLine } from "../components/participant/StatusLine";
import { Timer } from "../components/participant/Timer";
import { TopBar } from "../components/participant/TopBar";
import { lazy } from "../lib/async";
import { groupLabel } from "../lib/groups";
import { initLanguage, t } from "../lib/i18n";
import { registerOfflineShell } from "../lib/offline";
import { createRoom } from "../lib/room";
import { forgetParticipant, loadParticipant, local, mineKey, type ParticipantCredentials } from "../lib/storage";

import "../styles/participant.css";

// Only a closed workshop shows these: kept out of the first load.
const ClosedResults = lazy(() =>
  import("../components/participant/ClosedResults").then((m) => ({ default: m.ClosedResults })),
);

const Participant: Component<RouteProps> = (props) => {
  const workshopId = () => props.params.workshopId ?? "";
  const credentials = createMemo(() => loadParticipant(workshopId()));
  return (
    <Show
      when={credentials()}
      keyed
      fallback={
        <>
          <TopBar />
          <main class="page stack" id="main">
            <h1>{t("room.notJoined")}</h1>
            <p>
              <a class="button primary" href="/">
                {t("room.joinWithCode")}
              </a>
            </p>
          </main>
        </>
      }
    >
      {(creds) => <LiveRoom workshopId={workshopId()} credentials={creds} />}
    </Show>
  );
};

const LiveRoom: Component<{ workshopId: string; credentials: ParticipantCredentials }> = (props) => {
  const room = createRoom({
    workshopId: props.workshopId,
    token: props.credentials.token,
    actorKey: props.credentials.participantId,
  });
  const [withdrawn, setWithdrawn] = createSignal(false);
  onMount(() => {
    setTimeout(preloadActivities, 1500);
    registerOfflineShell();
  });
  // privacy (#12): the shared doc names nobody; my own entry comes privately (`mine`).
  const me = () => room.own(props.credentials.participantId).participant;
  createEffect(
    on(
      () => room.workshop()?.language,
      (language) => language && void initLanguage(language),
    ),
  );
  createEffect(() => {
    const title = room.workshop()?.title;
    if (title) document.title = `${title} · ${t("app.name")}`;
  });
  createEffect(() => {
    // The room refused this token for good (withdrawn, removed, deleted, unknown): forget it on this phone.
    const reason = room.closeReason();
    if (reason && reason !== "stopped") forgetParticipant(props.workshopId);
  });

  return (
    <RoomContext.Provider value={{ room, participantId: props.credentials.participantId, me, workshop: room.workshop }}>
      <TopBar title={room.workshop()?.title}>
        {/* After withdrawing or being turned away there is no connection to report: no frozen "Disconnected". */}
        <Show when={!withdrawn() && !room.closeReason()}>
          <ConnectionBadge />
        </Show>
        <Timer />
      </TopBar>
      <main class="page stack" id="main">
        <RoomBody withdrawn={withdrawn()} />
      </main>
      <Show when={room.workshop() && !room.closeReason() && !withdrawn()}>
        <footer class="page">
          <MeDetails
            onWithdrawn={() => {
              setWithdrawn(true);
              forgetParticipant(props.workshopId);
              const code = room.workshop()?.joinCode ?? "";
              // Co-delivery (#15): forget what this phone remembered of its contributions.
              local.removeItem(mineKey(code));
            }}
          />
        </footer>
      </Show>
    </RoomContext.Provider>
  );
};

const RoomBody: Component<{ withdrawn: boolean }> = (props) => {
  const { room, me, workshop } = useRoom();
  const current = () => {
    const id = workshop()?.currentActivityId;
    return id ? (room.activities()[id] ?? null) : null;
  };
  onMount(() => {
    document.getElementById("main")?.focus?.();
  });
  return (
    <Switch>
      <Match when={props.withdrawn}>
        <h1>{t("room.removedTitle")}</h1>
        <p class="notice ok" role="status">
          {t("me.withdrawn")}
        </p>
        <p>
          <a class="button" href="/">
            {t("room.joinWithCode")}
          </a>
        </p>
      </Match>
      <Match when={room.closeReason() === "removed"}>
        <h1>{t("room.removedTitle")}</h1>
        <p>{t("room.removedBody")}</p>
        <a class="button" href="/">
          {t("room.joinWithCode")}
        </a>
      </Match>
      <Match when={room.closeReason() === "deleted" || room.closeReason() === "notFound"}>
        <h1>{t("room.deletedTitle")}</h1>
        <p>{t("room.deletedBody")}</p>
      </Match>
      <Match when={room.closeReason() === "unauthorised" || room.closeReason() === "forbidden"}>
        <h1>{t("room.unauthorisedTitle")}</h1>
        <p>{t("room.unauthorisedBody")}</p>
        <a class="button primary" href="/">
          {t("room.joinWithCode")}
        </a>
      </Match>
      <Match when={!workshop()}>
        <p role="status" class="loading">
          {t("room.loadingWorkshop")}
        </p>
      </Match>
      <Match when={workshop()?.status === "closed"}>
        <h1 dir="auto">{workshop()?.title}</h1>
        <p class="notice">{t("room.closedWorkshop")}</p>
        <ClosedResults />
      </Match>
      <Match when={true}>
        <StatusLine activity={current()} />
        <Show when={me()}>
          {(person) => (
            <p class="muted you" dir="auto">
              {t("room.member", { name: person().name, group: groupLabel(person().group, workshop()?.groups) })}
            </p>
          )}
        </Show>
        <Show when={workshop()?.locked}>
          <p class="notice warn" role="status">
            {t("room.locked")}
          </p>
        </Show>
        {/* Screen-reader users hear when the facilitator moves the room on. */}
        <p class="visually-hidden" aria-live="polite">
          {current() ? t("room.nowShowing", { title: current()?.title ?? "" }) : t("room.waitingTitle")}
        </p>
        {/* Keyed by id: another activity gets fresh forms, while updates to this one keep what is being typed. */}
        <Show
          when={current()?.id}
          keyed
          fallback={
            <section class="waiting" aria-labelledby="waiting-title">
              <h1 id="waiting-title">{t("room.waitingTitle")}</h1>
              <p>{t("room.waitingBody")}</p>
            </section>
          }
        >
          <Show when={current()}>{(activity) => <ActivityView activity={activity()} />}</Show>
        </Show>
      </Match>
    </Switch>
  );
};

export default Participant;

/**
 * For the kiosk (routes/kiosk.tsx), which shows activities as a phone does: importing
 * them through this route keeps them in the phone's own chunk instead of splitting the
 * phone's first load into more, separately compressed, files.
 */
/** For the join page, to fetch the activity views while the person fills the form. */
export { ActivityView, ConnectionBadge, preloadActivities, RoomContext, TopBar };
