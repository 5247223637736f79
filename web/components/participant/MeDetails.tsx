/**
 * The "You" section at the foot of the phone's page: a closed <details> whose body
 * (MePanel.tsx: name, group, withdrawal) loads the first time it is opened, and the
 * shared-phone "Not you? Leave this device" link (safety, web/lib/leave.ts).
 */
import { type Component, createSignal, Show } from "solid-js";
import { lazy } from "../../lib/async";
import { t } from "../../lib/i18n";
import { useRoom } from "./context";

const MePanelBody = lazy(
  () => import("./MePanel").then((m) => ({ default: m.MePanelBody })),
  () => <p>{t("common.loading")}</p>,
);

export const MeDetails: Component<{ onWithdrawn: () => void }> = (props) => {
  const { workshop } = useRoom();
  const [open, setOpen] = createSignal(false);
  const [opened, setOpened] = createSignal(false);
  return (
    <>
      <details
        class="me-panel"
        onToggle={(event) => {
          setOpen(event.currentTarget.open);
          if (event.currentTarget.open) setOpened(true);
        }}
      >
        <summary>{t("me.open")}</summary>
        <Show when={opened()}>
          <MePanelBody open={open()} onWithdrawn={props.onWithdrawn} />
        </Show>
      </details>
      <button
        type="button"
        class="link"
        onClick={() =>
          void import("../../lib/leave").then((m) => m.leaveDevice(workshop()?.id ?? "", workshop()?.joinCode))
        }
      >
        {t("device.leave")}
      </button>
    </>
  );
};
