/**
 * Who is here, by stakeholder group, with who is online now (from the room's
 * presence) — and removing someone who should not be in the room.
 */
import { type Component, createMemo, For, Show } from "solid-js";
import type { StakeholderGroup } from "../../../../party/model/commands";
import type { Participant } from "../../../../party/model/doc";
import type { Commander } from "../commander";
import { t } from "../i18n";

interface Props {
  participants: readonly Participant[];
  online: ReadonlySet<string>;
  groups: readonly StakeholderGroup[];
  commander: Commander;
}

export const ParticipantsPanel: Component<Props> = (props) => {
  const byGroup = createMemo(() => {
    const known = new Set(props.groups.map((g) => g.id));
    const sections = props.groups.map((g) => ({
      id: g.id,
      label: g.label,
      people: props.participants.filter((p) => p.group === g.id),
    }));
    const others = props.participants.filter((p) => !known.has(p.group));
    if (others.length) sections.push({ id: "__unknown", label: t("people.unknownGroup"), people: others });
    return sections;
  });
  const onlineCount = () => props.participants.filter((p) => props.online.has(p.id)).length;
  const remove = (p: Participant) => {
    if (window.confirm(t("people.removeConfirm", { name: p.name })))
      void props.commander.run("participant.remove", { participantId: p.id });
  };
  return (
    <section class="people stack" aria-labelledby="people-title" data-testid="participants">
      <h2 id="people-title">{t("people.heading")}</h2>
      <p>{t("people.summary", { online: onlineCount(), total: props.participants.length })}</p>
      <For each={byGroup()}>
        {(section) => (
          <div class="people__group">
            <h3>
              {section.label} <span class="count">({section.people.length})</span>
            </h3>
            <Show when={section.people.length > 0} fallback={<p class="hint">{t("people.none")}</p>}>
              <ul>
                <For each={section.people}>
                  {(p) => (
                    <li data-participant-id={p.id}>
                      <span
                        class="presence"
                        classList={{ "presence--online": props.online.has(p.id) }}
                        aria-hidden="true"
                      />
                      <span>{p.name}</span>
                      <span class="visually-hidden">
                        , {props.online.has(p.id) ? t("people.online") : t("people.offline")}
                      </span>
                      <button type="button" class="link-button" onClick={() => remove(p)}>
                        {t("people.remove")}
                        <span class="visually-hidden"> {p.name}</span>
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        )}
      </For>
    </section>
  );
};
