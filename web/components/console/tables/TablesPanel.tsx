/**
 * Tables (#13) in the facilitator's sidebar: add or rename tables live
 * (`tables.set`), hand a host link to each table, seat people or move them
 * between tables (`participant.update`), and see which tables one group dominates.
 */
import { type Component, createMemo, createSignal, For, Show } from "solid-js";
import type { StakeholderGroup, Table } from "../../../../party/model/commands";
import type { Card, Comment, Participant } from "../../../../party/model/doc";
import { ApiError } from "../../../lib/api";
import { mintHostLink } from "../api";
import { CopyLink } from "../CopyLink";
import type { Commander } from "../commander";
import { ErrorAlert } from "../ErrorAlert";
import { IdOptions } from "../fields";
import { groupLabel } from "../groups";
import { t, tn } from "../i18n";
import { liveTableVoice } from "./readers";

interface Props {
  token: string;
  workshopId: string;
  tables: readonly Table[];
  participants: readonly Participant[];
  online: ReadonlySet<string>;
  cards: readonly Card[];
  comments: readonly Comment[];
  groups: readonly StakeholderGroup[];
  commander: Commander;
}

export const TablesPanel: Component<Props> = (props) => {
  const [links, setLinks] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal("");
  const [newLabel, setNewLabel] = createSignal("");
  const voices = createMemo(() =>
    liveTableVoice(props.tables, props.groups, props.participants, props.online, props.cards, props.comments),
  );
  const nextId = () => {
    const taken = new Set(props.tables.map((tb) => tb.id));
    let n = props.tables.length + 1;
    while (taken.has(`t${n}`)) n += 1;
    return `t${n}`;
  };
  const addTable = async (e: SubmitEvent) => {
    e.preventDefault();
    const label = newLabel().trim() || t("tables.defaultLabel", { n: props.tables.length + 1 });
    const outcome = await props.commander.run("tables.set", { tables: [...props.tables, { id: nextId(), label }] });
    if (outcome.ok) setNewLabel("");
  };
  const rename = (id: string, label: string) => {
    const trimmed = label.trim();
    if (!trimmed || props.tables.find((tb) => tb.id === id)?.label === trimmed) return;
    void props.commander.run("tables.set", {
      tables: props.tables.map((tb) => (tb.id === id ? { ...tb, label: trimmed } : tb)),
    });
  };
  const mintHost = async (table: string) => {
    setError("");
    try {
      const minted = await mintHostLink(props.token, props.workshopId, table);
      setLinks((all) => ({ ...all, [table]: minted.link }));
    } catch (err) {
      setError(t("share.failed", { message: err instanceof ApiError ? err.message : String(err) }));
    }
  };
  const seat = (participantId: string, table: string) =>
    void props.commander.run("participant.update", { participantId, table: table || null });

  return (
    <section class="tables-panel stack" aria-labelledby="tables-panel-title" data-testid="tables-panel">
      <h2 id="tables-panel-title">{t("tables.panelHeading")}</h2>
      <ErrorAlert message={error()} />
      <ul class="tables-panel__list">
        <For each={props.tables}>
          {(table) => {
            const voice = () => voices().find((v) => v.table === table.id);
            const seated = () => props.participants.filter((p) => p.table === table.id);
            return (
              <li class="stack" data-table={table.id}>
                <div class="field field--compact">
                  <label for={`table-label-${table.id}`}>{t("tables.label", { id: table.id })}</label>
                  <input
                    id={`table-label-${table.id}`}
                    type="text"
                    maxLength={60}
                    value={table.label}
                    onChange={(e) => rename(table.id, e.currentTarget.value)}
                  />
                </div>
                <p>
                  {tn("tables.people", seated().length)} ·{" "}
                  {t("tables.onlineNow", { n: seated().filter((p) => props.online.has(p.id)).length })}
                </p>
                <Show when={voice()?.dominatedBy.length}>
                  <p class="warn" data-testid={`table-dominated-${table.id}`}>
                    {t("tables.dominated", {
                      groups: (voice()?.dominatedBy ?? []).map((g) => groupLabel(props.groups, g)).join(", "),
                    })}
                  </p>
                </Show>
                <Show when={voice()?.voice.groups.filter((g) => g.underHeard)}>
                  {(quiet) => (
                    <Show when={quiet().length > 0}>
                      <p class="warn">
                        {t("tables.underHeard", {
                          groups: quiet()
                            .map((g) => groupLabel(props.groups, g.group))
                            .join(", "),
                        })}
                      </p>
                    </Show>
                  )}
                </Show>
                <button type="button" onClick={() => void mintHost(table.id)}>
                  {t("tables.hostLink")}
                  <span class="visually-hidden"> {table.label}</span>
                </button>
                <Show when={links()[table.id]}>
                  {(link) => (
                    <CopyLink
                      label={t("tables.hostLinkFor", { table: table.label })}
                      value={link()}
                      testId={`host-link-${table.id}`}
                    />
                  )}
                </Show>
              </li>
            );
          }}
        </For>
      </ul>
      <form class="inline-form" onSubmit={(e) => void addTable(e)}>
        <label for="new-table-label">{t("tables.newLabel")}</label>
        <input
          id="new-table-label"
          type="text"
          maxLength={60}
          value={newLabel()}
          onInput={(e) => setNewLabel(e.currentTarget.value)}
        />
        <button type="submit">{t("tables.add")}</button>
      </form>
      <Show when={props.tables.length > 0 && props.participants.length > 0}>
        <details>
          <summary>{t("tables.seating")}</summary>
          <ul class="tables-panel__seats">
            <For each={props.participants}>
              {(p) => (
                <li>
                  <label for={`seat-${p.id}`}>
                    {p.name} <span class="hint">({groupLabel(props.groups, p.group)})</span>
                  </label>
                  <select id={`seat-${p.id}`} value={p.table ?? ""} onChange={(e) => seat(p.id, e.currentTarget.value)}>
                    <option value="" selected={!p.table}>
                      {t("tables.noTable")}
                    </option>
                    <IdOptions items={props.tables} selected={p.table} />
                  </select>
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
    </section>
  );
};
