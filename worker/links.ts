/** Links handed to people. Secrets travel only in the URL fragment, which browsers never send to servers. */
import type { Env } from "./env";

export function publicOrigin(env: Env, requestUrl: string): string {
  return env.PUBLIC_ORIGIN ? env.PUBLIC_ORIGIN.replace(/\/+$/, "") : new URL(requestUrl).origin;
}

export type LinkRole = "facilitator" | "screen" | "evaluator" | "host" | "kiosk" | "interpreter";

const PAGE: Record<LinkRole, string> = {
  facilitator: "facilitate",
  screen: "screen",
  evaluator: "evaluate",
  // tables (#13): a table host's console
  host: "host",
  // everyone counts (issue 14)
  kiosk: "kiosk",
  interpreter: "interpret",
};

export function tokenLink(origin: string, role: LinkRole, workshopId: string, token: string): string {
  return `${origin}/${PAGE[role]}/${encodeURIComponent(workshopId)}#token=${encodeURIComponent(token)}`;
}

export function participantLink(origin: string, joinCode: string): string {
  return `${origin}/j/${encodeURIComponent(joinCode)}`;
}

export function programmeLink(origin: string, programmeId: string, token: string): string {
  return `${origin}/programme/${encodeURIComponent(programmeId)}#token=${encodeURIComponent(token)}`;
}

/** Co-delivery (#15): a partner's page (its token decides which commitments it sees). */
export function partnerLink(origin: string, token: string): string {
  return `${origin}/partner#token=${encodeURIComponent(token)}`;
}

/** The public follow-up page of a workshop, by its join code (keeps working after the close). */
export function followUpLink(origin: string, joinCode: string): string {
  return `${origin}/f/${encodeURIComponent(joinCode)}`;
}
