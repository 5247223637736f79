/**
 * `/kiosk/:id#token=…`: a tablet at a table that several people use in turn
 * (everyone counts, docs/everyone-counts.md). Each person first says which group they
 * are in (never a name), then sees the current activity exactly as a phone would. Every
 * card, support, comment, ballot and feedback form of that turn is credited to that
 * group as one person (`onBehalfOf: {group, turn}`). "I have finished" ends the turn:
 * the activity is drawn afresh for the next person, who sees nothing of the last one's
 * ballot or answers (the room never sends a kiosk its turns' ballots back).
 */
import { type Component, createMemo, createSignal, For, Show } from "solid-js";
import type { CommandArgs, CommandName } from "../../party/model/commands";
import type { RouteProps } from "../app";
import { te } from "../i18n/everyone";
import { takeFragmentToken } from "../lib/fragment-token";
import { groupLabel } from "../lib/groups";
import { initLanguage, t } from "../lib/i18n";
import { createRoom, type Room } from "../lib/room";
import { ActivityView, ConnectionBadge, RoomContext, TopBar } from "./participant";
import "../styles/kiosk.css";

/** The commands a kiosk turn sends, each credited to the person at the tablet. */
const ON_BEHALF: ReadonlySet<CommandName> = new Set([
  "card.add",
  "card.support",
  "comment.add",
  "ballot.submit",
  "feedback.submit",
]);

interface Turn {
  id: string;
  group: string;
}

const Kiosk: Component<RouteProps> = (props) => {
  const workshopId = props.params.id ?? "";
  const token = takeFragmentToken(`kiosk:${workshopId}`);
  return (
    <Show
      when={token}
      fallback={
        <>
          <TopBar />
          <main class="page stack" id="main">
            <h1>{te("kiosk.title")}</h1>
            <p>{te("kiosk.noLink")}</p>
          </main>
        </>
      }
    >
      {(secret) => <KioskRoom workshopId={workshopId} token={secret()} />}
    </Show>
  );
};

/**
 * The room as one turn sees it: commands carry the turn, and only this turn's own
 * ballots, answers and unsent commands are visible. A fresh one is made for every turn.
 */
function roomForTurn(room: Room, turn: Turn): Room {
  const [ballots, setBallots] = createSignal<ReturnType<Room["ballots"]>>({});
  const [feedback, setFeedback] = createSignal<ReturnType<Room["feedback"]>>({});
  const mine = (args: unknown) => (args as { onBehalfOf?: { turn?: string } })?.onBehalfOf?.turn === turn.id;
  return {
    ...room,
    ballots,
    feedback,
    privateCards: () => ({}),
    pending: () => room.pending().filter((p) => mine(p.args)),
    refused: () => room.refused().filter((r) => mine(r.args)),
    send<N extends CommandName>(name: N, args: CommandArgs<N>) {
      const credited = ON_BEHALF.has(name) ? { ...args, onBehalfOf: { group: turn.group, turn: turn.id } } : args;
      const sent = room.send(name, credited as CommandArgs<N>);
      void sent.outcome.then((outcome) => {
        if (!outcome.ok) return;
        if (name === "ballot.submit") {
          const a = args as CommandArgs<"ballot.submit">;
          setBallots((all) => ({ ...all, [a.activityId]: a.ballot }));
        }
        if (name === "feedback.submit") {
          const a = args as CommandArgs<"feedback.submit">;
          setFeedback((all) => ({ ...all, [a.activityId]: a.answers }));
        }
      });
      return sent;
    },
  };
}

const KioskRoom: Component<{ workshopId: string; token: string }> = (props) => {
  const room = createRoom({ workshopId: props.workshopId, token: props.token, actorKey: "kiosk", cacheDoc: false });
  const [turn, setTurn] = createSignal<Turn | null>(null);
  const [turns, setTurns] = createSignal(0);
  let languageSet = false;
  const workshop = () => {
    const w = room.workshop();
    if (w && !languageSet) {
      languageSet = true;
      void initLanguage(w.language);
    }
    return w;
  };
  const current = createMemo(() => {
    const id = workshop()?.currentActivityId;
    return id ? (room.activities()[id] ?? null) : null;
  });
  const start = (group: string) => {
    // A fresh random turn id (the room scopes it to this kiosk: handlers/acting.ts).
    setTurn({ id: crypto.randomUUID().replaceAll("-", "").slice(0, 20), group });
    document.getElementById("main")?.focus();
  };
  const finish = () => {
    setTurn(null);
    setTurns(turns() + 1);
    document.getElementById("main")?.focus();
  };

  return (
    <RoomContext.Provider value={{ room, participantId: "", me: () => null, workshop: room.workshop }}>
      <TopBar title={workshop()?.title ?? te("kiosk.title")}>
        <ConnectionBadge />
      </TopBar>
      <main class="page stack kiosk-page" id="main" tabindex="-1">
        <Show
          when={turn()}
          keyed
          fallback={
            <section class="stack kiosk-who" aria-labelledby="kiosk-who">
              <Show when={turns() > 0}>
                <p class="notice ok" role="status">
                  {te("kiosk.thanks")}
                </p>
              </Show>
              <h1 id="kiosk-who">{te("kiosk.who")}</h1>
              <p>{te("kiosk.whoHint")}</p>
              <div class="stack kiosk-groups">
                <For each={workshop()?.groups ?? []}>
                  {(group) => (
                    <button type="button" class="button primary kiosk-group" onClick={() => start(group.id)}>
                      {groupLabel(group.id, workshop()?.groups)}
                    </button>
                  )}
                </For>
              </div>
            </section>
          }
        >
          {(active) => (
            <TurnView
              room={roomForTurn(room, active)}
              turn={active}
              kioskId={room.me()?.id ?? ""}
              activity={current()}
              onDone={finish}
            />
          )}
        </Show>
      </main>
    </RoomContext.Provider>
  );
};

const TurnView: Component<{
  room: Room;
  turn: Turn;
  kioskId: string;
  activity: ReturnType<Room["activities"]>[string] | null;
  onDone: () => void;
}> = (props) => {
  // The turn's own id as the room knows it (handlers/acting.ts), so "my cards" and "I support" are this person's.
  const participantId = () => `${props.kioskId}-${props.turn.id}`;
  const me = () => props.room.own(participantId()).participant;
  return (
    <RoomContext.Provider
      value={{ room: props.room, participantId: participantId(), me, workshop: props.room.workshop }}
    >
      <p class="muted kiosk-adding" data-testid="kiosk-adding">
        {te("kiosk.adding", { group: groupLabel(props.turn.group, props.room.workshop()?.groups) })}
      </p>
      <Show
        when={props.activity}
        fallback={
          <section class="waiting">
            <h1>{t("room.waitingTitle")}</h1>
          </section>
        }
      >
        {(activity) => <ActivityView activity={activity()} />}
      </Show>
      <button type="button" class="button kiosk-done" onClick={() => props.onDone()}>
        {te("kiosk.done")}
      </button>
    </RoomContext.Provider>
  );
};

export default Kiosk;
