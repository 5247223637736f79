/**
 * The join page's "Not you? Leave this device" (safety #12): when this phone still holds anything
 * of someone in this workshop (their token, commands waiting to be sent, the doc they saw), the
 * next person can leave it before joining. Loaded on demand, with the storage checks it needs,
 * so the join page's first bytes do not grow.
 */
import { type Component, Show } from "solid-js";
import { createResource } from "../../lib/async";
import { t } from "../../lib/i18n";
import { keptOnDevice, leaveDevice } from "../../lib/leave";

const LeaveDeviceOffer: Component<{ workshopId: string; code: string; joined: boolean }> = (props) => {
  const [kept] = createResource(
    () => props.workshopId,
    (id) => keptOnDevice(id, props.code),
  );
  return (
    // data-kept says the check is done (and its answer): tests wait for it rather than for time.
    <div data-kept={kept()}>
      <Show when={kept()}>
        <div class={props.joined ? "" : "notice warn"}>
          <Show when={!props.joined}>
            <p>{t("join.leftBehind")}</p>
          </Show>
          <button
            type="button"
            class="link"
            onClick={() => void leaveDevice(props.workshopId, props.code, `/j/${encodeURIComponent(props.code)}`)}
          >
            {t("device.leave")}
          </button>
        </div>
      </Show>
    </div>
  );
};

export default LeaveDeviceOffer;
