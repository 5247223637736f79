/** Request body schemas of the HTTP API (valibot; shared pieces come from party/model). */
import * as v from "valibot";
import {
  CurrencyCode,
  DEFAULT_CURRENCY,
  Id,
  LanguageTag,
  LIMITS,
  StakeholderGroup,
  Title,
} from "../party/model/commands";
import { DEFAULT_GROUPS } from "../party/model/default-groups";
import { TablesInput } from "../party/model/tables";
import { DEFAULT_MAX_PARTICIPANTS, DEFAULT_RETENTION_DAYS, MAX_MAX_PARTICIPANTS, MAX_RETENTION_DAYS } from "./defaults";

/** A group given as `{id,label}`, or just an id (a default group's label is filled in). */
const GroupInput = v.union([
  StakeholderGroup,
  v.pipe(
    Id,
    v.transform((id) => DEFAULT_GROUPS.find((g) => g.id === id) ?? { id, label: id }),
  ),
]);

export const StakeholderGroups = v.pipe(
  v.array(GroupInput),
  v.minLength(1),
  v.maxLength(20),
  v.check((groups) => new Set(groups.map((g) => g.id)).size === groups.length, "group ids must be unique"),
);

export const CreateWorkshop = v.strictObject({
  title: Title,
  purpose: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.text)), ""),
  template: v.optional(Id),
  stakeholderGroups: v.optional(StakeholderGroups),
  consentText: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.text * 4))),
  showNames: v.optional(v.boolean(), false),
  language: v.optional(LanguageTag, "en"),
  /** what a budget vote's money is counted in */
  currency: v.optional(CurrencyCode, DEFAULT_CURRENCY),
  scheduledFor: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(40),
      v.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/, "an ISO date"),
    ),
  ),
  programmeId: v.optional(Id),
  retentionDays: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_RETENTION_DAYS)),
    DEFAULT_RETENTION_DAYS,
  ),
  /** tables (#13): how many tables, or `[{id,label}]` */
  tables: v.optional(TablesInput),
  maxParticipants: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_MAX_PARTICIPANTS)),
    DEFAULT_MAX_PARTICIPANTS,
  ),
});
export type CreateWorkshop = v.InferOutput<typeof CreateWorkshop>;

const MintLabel = v.optional(v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.name)), "");
/**
 * A new link for a workshop. Tables (#13): a host link names one table. Everyone counts
 * (#14): a kiosk link may name the table its tablet sits at; an interpreter link names
 * the language they translate into.
 */
export const MintToken = v.variant("role", [
  v.strictObject({ role: v.picklist(["facilitator", "screen", "evaluator"]), label: MintLabel }),
  v.strictObject({ role: v.literal("host"), label: MintLabel, table: Id }),
  v.strictObject({ role: v.literal("kiosk"), label: MintLabel, table: v.optional(Id) }),
  v.strictObject({ role: v.literal("interpreter"), label: MintLabel, language: LanguageTag }),
]);

export const CreateProgramme = v.strictObject({ title: Title });
