/**
 * /host/:id#token=… — a table host's console (tables, #13): on a phone or tablet at
 * one table, the table's cards on the map at tables (hide with a reason, restore,
 * merge, move, link), transcribing paper cards for a stakeholder group, and the
 * table's balance of voice. The room refuses anything beyond the host's own table.
 */
import { type Component, createEffect, createMemo, createSignal, Show } from "solid-js";
import { CloseNotice } from "../components/console/CloseNotice";
import { ConnectionBadge } from "../components/console/ConnectionBadge";
import { ConsoleShell } from "../components/console/ConsoleShell";
import { createCommander } from "../components/console/commander";
import { ErrorAlert } from "../components/console/ErrorAlert";
import { SelectField } from "../components/console/fields";
import { t, tn } from "../components/console/i18n";
import { CardTable } from "../components/console/map/CardTable";
import { TranscribeForm } from "../components/console/map/TranscribeForm";
import { consoleRoom, workshopTokenPage } from "../components/console/NoAccess";
import { activeParticipants, agendaOf, cardsOf, onlineParticipantIds } from "../components/console/readers";
import { isAtTables, liveTableVoice, mapConfigOf, tableLabel } from "../components/console/tables/readers";
import { VoiceTable } from "../components/console/VoiceTable";

const HostConsole: Component<{ workshopId: string; token: string }> = (props) => {
  const room = consoleRoom(props, "host");
  const commander = createCommander(room);
  const workshop = room.workshop;
  const groups = () => workshop()?.groups ?? [];
  const table = () => room.me()?.table ?? null;
  const label = () => tableLabel(workshop()?.tables, table());
  const maps = createMemo(() => agendaOf(workshop()?.agenda, room.activities()).filter(isAtTables));
  const [chosen, setChosen] = createSignal<string | null>(null);
  const activity = createMemo(() => {
    const current = room.activities()[workshop()?.currentActivityId ?? ""];
    const id = chosen() ?? (isAtTables(current) ? current?.id : maps().at(-1)?.id);
    return (id && room.activities()[id]) || null;
  });
  const config = createMemo(() => mapConfigOf(activity()));
  const myCards = createMemo(() => {
    const a = activity();
    const seat = table();
    return a && seat ? cardsOf(room.cards(), a.id).filter((c) => c.table === seat) : [];
  });
  const myLinks = createMemo(() => {
    const ids = new Set(myCards().map((c) => c.id));
    return Object.values(room.links()).filter((l) => ids.has(l.from) && ids.has(l.to));
  });
  const online = createMemo(() => onlineParticipantIds(room.presence()));
  const seated = createMemo(() => activeParticipants(room.participants()).filter((p) => p.table === table()));
  const voice = createMemo(() => {
    const seat = workshop()?.tables?.find((tb) => tb.id === table());
    if (!seat) return null;
    return (
      liveTableVoice(
        [seat],
        groups(),
        Object.values(room.participants()),
        online(),
        Object.values(room.cards()),
        Object.values(room.comments()),
      )[0] ?? null
    );
  });
  createEffect(() => {
    document.title = label() ? t("host.titleFor", { table: label() }) : t("host.pageTitle");
  });

  return (
    <ConsoleShell
      title={label() ? t("host.titleFor", { table: label() }) : t("host.pageTitle")}
      subtitle={workshop()?.title}
      actions={<ConnectionBadge state={room.connection()} pending={room.pending().length} />}
      class="console--host"
    >
      <CloseNotice reason={room.closeReason()} />
      <ErrorAlert message={commander.error()} />
      <Show when={workshop()} fallback={<p role="status">{room.closeReason() ? "" : t("common.connecting")}</p>}>
        <div class="host-layout stack">
          <p data-testid="host-people">
            {tn("host.people", seated().length, { online: seated().filter((p) => online().has(p.id)).length })}
          </p>
          <Show when={maps().length > 0} fallback={<p>{t("host.noMap")}</p>}>
            <Show when={maps().length > 1}>
              <SelectField
                label={t("host.map")}
                value={activity()?.id ?? ""}
                onChange={setChosen}
                options={maps().map((m) => ({ value: m.id, label: m.title }))}
              />
            </Show>
            <Show when={activity() && config() ? { a: activity(), c: config() } : null} keyed>
              {(view) =>
                view.a && view.c ? (
                  <section class="stack" aria-labelledby="host-map-title">
                    <h2 id="host-map-title">{view.a.title}</h2>
                    <Show when={view.c.prompt}>
                      <p class="prompt">{view.c.prompt}</p>
                    </Show>
                    <p data-testid="host-card-count">
                      {tn("map.cardCount", myCards().filter((c) => !c.hidden).length)}
                    </p>
                    <CardTable
                      cards={myCards()}
                      links={myLinks()}
                      comments={Object.values(room.comments())}
                      lanes={view.c.lanes}
                      kinds={view.c.kinds}
                      groups={groups()}
                      commander={commander}
                    />
                    <TranscribeForm activityId={view.a.id} config={view.c} groups={groups()} commander={commander} />
                  </section>
                ) : null
              }
            </Show>
          </Show>
          <Show when={voice()}>
            {(v) => (
              <section aria-labelledby="host-voice">
                <h2 id="host-voice">{t("host.voice")}</h2>
                <VoiceTable
                  voice={v().voice}
                  groups={groups()}
                  presentHeading={t("voice.presentNow")}
                  caption={t("host.voiceCaption", { table: label() })}
                />
              </section>
            )}
          </Show>
        </div>
      </Show>
    </ConsoleShell>
  );
};

export default workshopTokenPage("host", () => t("host.pageTitle"), HostConsole);
