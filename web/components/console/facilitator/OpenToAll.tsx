/**
 * "Open to everyone" for a staged activity (a community-first map, a vote with staged
 * groups): the first groups have had their turn; one press opens it to all.
 */
import type { Component } from "solid-js";
import type { Activity } from "../../../../party/model/doc";
import type { Commander } from "../commander";
import { t } from "../i18n";

export const OpenToAll: Component<{ activity: Activity; commander: Commander }> = (props) => (
  <button
    type="button"
    disabled={props.activity.stage === "all"}
    onClick={() => void props.commander.run("activity.openToAll", { activityId: props.activity.id })}
  >
    {props.activity.stage === "all" ? t("map.openedToAll") : t("map.openToAll")}
  </button>
);
