/** Request body schemas of the HTTP API (valibot; shared pieces come from party/model). */
import * as v from "valibot";
import { DEFAULT_GROUPS, Id, LIMITS, StakeholderGroup } from "../party/model/commands";
import { TablesInput } from "../party/model/tables";
import { DEFAULT_MAX_PARTICIPANTS, DEFAULT_RETENTION_DAYS, MAX_MAX_PARTICIPANTS, MAX_RETENTION_DAYS } from "./defaults";

const Title = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.title));

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
  language: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/, "a language tag like en or cy")),
    "en",
  ),
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

export const MintToken = v.pipe(
  v.strictObject({
    role: v.picklist(["facilitator", "screen", "evaluator", "host"]),
    label: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.name)), ""),
    /** tables (#13): required for a host, refused for every other role */
    table: v.optional(Id),
  }),
  v.check(
    (b) => (b.role === "host") === (b.table !== undefined),
    "table: a host link names one table; other links none",
  ),
);

export const CreateProgramme = v.strictObject({ title: Title });
