/** Co-delivery (#15) calls for the console pages: commitments, updates, partner links, overdue reminders. */
import * as v from "valibot";
import { type CommitmentStatus, CommitmentView, FollowUp } from "../../../../party/model/followup";
import { apiFetch, listIn } from "../../../lib/api";

const enc = encodeURIComponent;

export function listCommitments(token: string, workshopId: string): Promise<CommitmentView[]> {
  return apiFetch(`/api/workshops/${enc(workshopId)}/commitments`, listIn("commitments", CommitmentView), { token });
}

export interface NewCommitment {
  title: string;
  description: string;
  owner: { organisation: string };
  due: string | null;
  from: ({ activityId: string; optionId: string } | { cardId: string })[];
}

export function createCommitment(token: string, workshopId: string, body: NewCommitment) {
  return apiFetch(`/api/workshops/${enc(workshopId)}/commitments`, v.object({ id: v.string() }), {
    method: "POST",
    token,
    body,
  });
}

export interface NewUpdate {
  status?: CommitmentStatus;
  progress?: number;
  note: string;
  clientId: string;
}

export function postUpdate(token: string, commitmentId: string, body: NewUpdate) {
  return apiFetch(`/api/commitments/${enc(commitmentId)}/updates`, v.object({ id: v.string() }), {
    method: "POST",
    token,
    body,
  });
}

/** The public follow-up, read by code: the revealed priorities a commitment can answer. */
export function getFollowUp(joinCode: string): Promise<FollowUp> {
  return apiFetch(`/api/followup/${enc(joinCode)}`, FollowUp);
}

export function mintPartnerLink(token: string, workshopId: string, organisation: string) {
  return apiFetch(
    `/api/workshops/${enc(workshopId)}/tokens`,
    v.object({ link: v.string(), organisation: v.string() }),
    { method: "POST", token, body: { role: "partner", organisation } },
  );
}

export const OverdueCommitment = v.object({
  id: v.string(),
  workshopId: v.string(),
  workshopTitle: v.string(),
  title: v.string(),
  organisation: v.string(),
  due: v.string(),
  status: v.string(),
  progress: v.number(),
});
export type OverdueCommitment = v.InferOutput<typeof OverdueCommitment>;

export function listOverdue(organiserToken: string): Promise<OverdueCommitment[]> {
  return apiFetch("/api/commitments/overdue", listIn("overdue", OverdueCommitment), { token: organiserToken });
}

export const PartnerView = v.object({
  organisation: v.string(),
  scope: v.string(),
  workshops: v.array(
    v.object({
      id: v.string(),
      title: v.string(),
      status: v.string(),
      followUp: v.string(),
      commitments: v.array(CommitmentView),
    }),
  ),
});
export type PartnerView = v.InferOutput<typeof PartnerView>;

export function getPartner(token: string): Promise<PartnerView> {
  return apiFetch("/api/partner", PartnerView, { token });
}

/** A fresh client id per update, so a resend after a dropped connection is applied once. */
export function clientId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}
