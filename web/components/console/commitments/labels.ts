/** Console words for commitment statuses and authors (literal keys, so the catalogue test sees them used). */
import type { CommitmentStatus, UpdateView } from "../../../../party/model/followup";
import type { ConsoleKey } from "../../../i18n/console";
import { t } from "../i18n";

const STATUS: Record<CommitmentStatus, ConsoleKey> = {
  planned: "commitments.status.planned",
  in_progress: "commitments.status.in_progress",
  done: "commitments.status.done",
  not_doing: "commitments.status.not_doing",
};

const BY: Record<UpdateView["by"]["role"], ConsoleKey> = {
  organiser: "commitments.by.organiser",
  facilitator: "commitments.by.facilitator",
  partner: "commitments.by.partner",
};

export const statusLabel = (s: CommitmentStatus) => t(STATUS[s]);
export const byLabel = (u: UpdateView) => u.by.organisation ?? t(BY[u.by.role]);
export const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
