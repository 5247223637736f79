/**
 * Creating a workshop: D1 rows (workshop + facilitator, evaluator and screen
 * tokens) in one batch, then the room's agenda via its `init` RPC. If the room
 * cannot be set up, the rows are removed again so nothing half-made remains.
 */
import type { StakeholderGroup } from "../party/model/commands";
import { DEFAULT_GROUPS } from "../party/model/default-groups";
import { joinCode as newJoinCode, randomId } from "../party/model/ids";
import { tablesFrom } from "../party/model/tables";
import { eraseWorkshopRows } from "./db/erase";
import { findProgramme, insertWorkshop, setWorkshopTables } from "./db/workshops";
import { DEFAULT_CONSENT_TEXT } from "./defaults";
import type { Env } from "./env";
import { badRequest } from "./errors";
import { participantLink, tokenLink } from "./links";
import { mintToken } from "./mint";
import { initRoom } from "./room";
import type { CreateWorkshop } from "./schemas";
import { findTemplate } from "./templates";

const JOIN_CODE_ATTEMPTS = 8;

/** The default groups plus any a template adds. */
function withTemplateGroups(extra: readonly StakeholderGroup[]): StakeholderGroup[] {
  const ids = new Set(DEFAULT_GROUPS.map((g) => g.id));
  return [...DEFAULT_GROUPS, ...extra.filter((g) => !ids.has(g.id))];
}

function isJoinCodeClash(err: unknown): boolean {
  return err instanceof Error && /UNIQUE constraint failed: workshops\.join_code/.test(err.message);
}

export async function createWorkshop(env: Env, input: CreateWorkshop, origin: string) {
  const db = env.DB;
  const template = input.template === undefined ? undefined : findTemplate(input.template);
  if (input.template !== undefined && !template) throw badRequest(`template: no template called "${input.template}".`);
  if (input.programmeId && !(await findProgramme(db, input.programmeId))) {
    throw badRequest(`programmeId: no programme called "${input.programmeId}".`);
  }
  const groups = input.stakeholderGroups ?? withTemplateGroups(template?.stakeholderGroups ?? []);
  const purpose = input.purpose || template?.purpose || "";
  const tables = tablesFrom(input.tables);
  const now = Date.now();
  const id = randomId();
  const [facilitator, evaluator, screen] = await Promise.all([
    // session (#19): derived from the organiser secret, so the organise page can show them again.
    mintToken(db, { role: "facilitator", workshopId: id, label: "Facilitator", derivedFrom: env.ORGANISER_TOKEN }, now),
    mintToken(db, { role: "evaluator", workshopId: id, label: "Evaluator", derivedFrom: env.ORGANISER_TOKEN }, now),
    mintToken(db, { role: "screen", workshopId: id, label: "Screen", derivedFrom: env.ORGANISER_TOKEN }, now),
  ]);

  let joinCode = "";
  for (let attempt = 1; ; attempt++) {
    joinCode = newJoinCode();
    try {
      await db.batch([
        insertWorkshop(db, {
          id,
          programme_id: input.programmeId ?? null,
          title: input.title,
          purpose,
          template: template?.id ?? null,
          join_code: joinCode,
          stakeholder_groups: JSON.stringify(groups),
          consent_text: input.consentText ?? DEFAULT_CONSENT_TEXT,
          show_names: input.showNames ? 1 : 0,
          language: input.language,
          currency: input.currency,
          scheduled_for: input.scheduledFor ?? null,
          retention_days: input.retentionDays,
          max_participants: input.maxParticipants,
          created_at: now,
        }),
        setWorkshopTables(db, id, tables),
        facilitator.statement,
        evaluator.statement,
        screen.statement,
      ]);
      break;
    } catch (err) {
      // Another workshop drew the same code between our pick and insert: draw again.
      if (!isJoinCodeClash(err) || attempt >= JOIN_CODE_ATTEMPTS) throw err;
    }
  }

  try {
    await initRoom(env, {
      id,
      title: input.title,
      purpose,
      joinCode,
      groups,
      showNames: input.showNames,
      language: input.language,
      currency: input.currency,
      activities: template?.activities ?? [],
      tables,
    });
  } catch (err) {
    await eraseWorkshopRows(db, id);
    throw err;
  }

  return {
    id,
    joinCode,
    facilitatorToken: facilitator.token,
    evaluatorToken: evaluator.token,
    screenToken: screen.token,
    tables,
    links: {
      facilitator: tokenLink(origin, "facilitator", id, facilitator.token),
      participant: participantLink(origin, joinCode),
      screen: tokenLink(origin, "screen", id, screen.token),
      evaluator: tokenLink(origin, "evaluator", id, evaluator.token),
    },
  };
}
