/**
 * Co-delivery (DESIGN principle 8): what partners commit to after a workshop, and the
 * public follow-up that reports on it. The HTTP bodies are validated with these schemas
 * in the Worker; the web pages import the wire types. Strict objects: an unknown key is
 * refused, never silently dropped.
 */
import * as v from "valibot";
import { Id, LIMITS } from "./commands";

import { COMMITMENT_STATUSES, type CommitmentStatus } from "./followup";

/** Bounds of co-delivery input (every input bounded in size). */
export const COMMITMENT_LIMITS = {
  organisation: 100,
  note: 2000,
  sources: 20,
} as const;

const NoControl = v.regex(/^[^\p{Cc}]*$/u, "no control characters");
const Organisation = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1),
  v.maxLength(COMMITMENT_LIMITS.organisation),
  NoControl,
);
/** A calendar date (YYYY-MM-DD) that exists. */
export const IsoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2027-03-31"),
  v.check(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "a real date",
  ),
);

/** What a commitment answers: a vote option of the workshop, or a card of one of its maps. */
export const CommitmentSource = v.union([
  v.strictObject({ activityId: Id, optionId: Id }),
  v.strictObject({ cardId: Id }),
]);
export type CommitmentSource = v.InferOutput<typeof CommitmentSource>;

export const CreateCommitment = v.strictObject({
  title: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.title)),
  description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.text)), ""),
  owner: v.strictObject({ organisation: Organisation }),
  due: v.optional(v.nullable(IsoDate)),
  from: v.optional(v.pipe(v.array(CommitmentSource), v.maxLength(COMMITMENT_LIMITS.sources)), []),
});
export type CreateCommitment = v.InferOutput<typeof CreateCommitment>;

/**
 * A dated update. The note is always required; with `not_doing` it is the reason, so it
 * must say something. `clientId` makes a resend safe: the same id is applied once.
 */
export const CommitmentUpdateInput = v.pipe(
  v.strictObject({
    status: v.optional(v.picklist(COMMITMENT_STATUSES)),
    progress: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100))),
    note: v.pipe(v.string(), v.trim(), v.minLength(1, "note: say what changed"), v.maxLength(COMMITMENT_LIMITS.note)),
    clientId: v.optional(Id),
  }),
  v.check(
    (u) => u.status !== "not_doing" || u.note.length >= 3,
    "note: a commitment that will not be done needs a reason",
  ),
);
export type CommitmentUpdateInput = v.InferOutput<typeof CommitmentUpdateInput>;

/** Minting a partner link: it speaks for one organisation. */
export const MintPartnerToken = v.strictObject({
  role: v.literal("partner"),
  organisation: Organisation,
  label: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.name)), ""),
});

/** Whether a token request asks for a partner link (then MintPartnerToken applies). */
export function isPartnerRequest(json: unknown): boolean {
  return typeof json === "object" && json !== null && (json as { role?: unknown }).role === "partner";
}

/** Organisations match a partner link case- and spacing-insensitively ("NHS  Trust" = "nhs trust"). */
export function organisationKey(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

// The wire types (what the API returns) live in ./followup.ts: the phone's follow-up page
// imports them without pulling in the input schemas above.
export * from "./followup";

/** A commitment is overdue when its due day (UTC) has passed and it is neither done nor dropped. */
export function isOverdue(c: { due: string | null; status: CommitmentStatus }, now: number): boolean {
  if (!c.due || c.status === "done" || c.status === "not_doing") return false;
  return Date.parse(`${c.due}T23:59:59Z`) < now;
}
