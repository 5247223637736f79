/**
 * Starting configs for an activity added during planning or live. They are valid
 * as they stand (parseActivityConfig accepts them), so "add, then open" works.
 */

import type { InfoConfig } from "../../../../party/model/activity-config";
import type { ActivityKind, FeedbackConfig, MapConfig, VoteConfig } from "../../../../party/model/commands";
import { t } from "../i18n";

export function defaultConfig(kind: ActivityKind): MapConfig | VoteConfig | FeedbackConfig | InfoConfig {
  switch (kind) {
    case "map":
      return {
        prompt: "",
        lanes: [
          { id: "lane-1", label: t("defaults.laneNow") },
          { id: "lane-2", label: t("defaults.laneGaps") },
          { id: "lane-3", label: t("defaults.laneIdeas") },
        ],
        kinds: [
          { id: "idea", label: t("defaults.kindIdea"), color: "#1d5b94" },
          { id: "issue", label: t("defaults.kindIssue"), color: "#9c1d4b" },
        ],
        mode: "open",
        firstGroups: ["community"],
        allowLinks: true,
        maxLength: 280,
      };
    case "vote":
      return {
        prompt: "",
        method: "dots",
        options: [
          { id: "option-1", label: t("defaults.option", { n: 1 }) },
          { id: "option-2", label: t("defaults.option", { n: 2 }) },
        ],
        dots: 5,
        maxPerOption: 3,
        budget: 100,
        currency: "points",
        topK: 3,
        liveResults: false,
        stagedGroups: [],
        weighting: "people",
      };
    case "feedback":
      return {
        prompt: "",
        items: [
          { id: "heard", type: "likert", label: t("defaults.feedbackHeard") },
          { id: "change", type: "text", label: t("defaults.feedbackChange") },
        ],
      };
    case "info":
      return { prompt: "" };
  }
}
