/**
 * `GET /api/join/:joinCode` (what the join page shows) and `POST /api/join/:joinCode`
 * (become a participant). No account: the participant gets a token, a generated
 * pseudonym unless they choose a name, and a consent record; and (perf #17) the room's
 * first single-use ticket, so the phone opens the room without asking POST /api/tickets.
 */
import { type Context, Hono } from "hono";
import * as v from "valibot";
import { GroupId, Id, LIMITS } from "../../party/model/commands";
import { isJoinCode, itemId, normaliseJoinCode } from "../../party/model/ids";
import { friendlyName } from "../../party/model/names";
import type { AppEnv } from "../auth";
import { listTranslations } from "../db/outputs";
import { insertParticipantWithin } from "../db/participants";
import { findWorkshopByJoinCode, type WorkshopRow, workshopGroups, workshopTables } from "../db/workshops";
import { badRequest, conflict, full, joiningClosed, notFound } from "../errors";
import { mintTicket, mintToken } from "../mint";
import { countJoin, countWrongCode, refuseIfGuessing } from "../rateLimit";
import { roomAdmission } from "../room";
import { readBody } from "../validate";

const JoinRequest = v.strictObject({
  name: v.optional(
    v.nullable(
      v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.name), v.regex(/^\P{Cc}*$/u, "name: no control characters")),
    ),
  ),
  group: GroupId,
  consent: v.literal(true, "Consent is required to take part."),
  /** tables (#13): the table they sit at, if the workshop has tables */
  table: v.optional(Id),
});

/** The workshop behind a join code, counting wrong codes against the caller's address. */
export async function workshopForCode(c: Context, db: D1Database, typed: string) {
  const now = Date.now();
  await refuseIfGuessing(c, db, now);
  const code = normaliseJoinCode(typed);
  const workshop = isJoinCode(code) ? await findWorkshopByJoinCode(db, code) : null;
  if (!workshop) {
    await countWrongCode(c, db, now);
    throw notFound("No workshop has that code. Check the code on the screen and try again.");
  }
  return workshop;
}

/**
 * The organiser's consent text, purpose and title in each language they were given in
 * (everyone counts): `{ur: {consent, purpose, title}}`. The join page shows its language's.
 */
async function workshopTexts(db: D1Database, workshopId: string) {
  const texts: Record<string, Record<string, string>> = {};
  for (const t of await listTranslations(db, workshopId)) {
    if (!t.target.startsWith("workshop.")) continue;
    texts[t.language] = { ...texts[t.language], [t.target.slice("workshop.".length)]: t.text };
  }
  return texts;
}

function joinInfo(w: WorkshopRow, translations: Record<string, Record<string, string>>) {
  return {
    translations,
    workshopId: w.id,
    title: w.title,
    purpose: w.purpose,
    groups: workshopGroups(w),
    tables: workshopTables(w),
    consentText: w.consent_text,
    consentVersion: w.consent_version,
    showNames: w.show_names === 1,
    language: w.language,
    status: w.status,
  };
}

export const join = new Hono<AppEnv>()
  .get("/:joinCode", async (c) => {
    const workshop = await workshopForCode(c, c.env.DB, c.req.param("joinCode"));
    return c.json(joinInfo(workshop, await workshopTexts(c.env.DB, workshop.id)));
  })
  .post("/:joinCode", async (c) => {
    const db = c.env.DB;
    const workshop = await workshopForCode(c, db, c.req.param("joinCode"));
    const body = await readBody(c, JoinRequest);
    if (!workshopGroups(workshop).some((g) => g.id === body.group)) {
      throw badRequest("group: not one of this workshop's stakeholder groups.");
    }
    if (body.table !== undefined && !workshopTables(workshop).some((t) => t.id === body.table)) {
      throw badRequest("table: not one of this workshop's tables.");
    }
    const now = Date.now();
    await countJoin(c, db, workshop.id, now);
    // The room is the authority on whether it is open and whether joining is paused.
    const admission = await roomAdmission(c.env, workshop.id);
    if (admission.status === "closed" || workshop.status === "closed") {
      throw conflict("This workshop has closed.");
    }
    if (!admission.joining) throw joiningClosed();

    const participantId = itemId();
    const minted = await mintToken(db, { role: "participant", workshopId: workshop.id, participantId }, now);
    // perf (#17): the room's first ticket comes with the answer (the phone saves a round trip).
    const first = await mintTicket(db, { tokenHash: minted.hash, workshopId: workshop.id, now, participantId });
    const chosen = body.name ? body.name : null;
    const name = chosen ?? friendlyName();
    const [inserted] = await db.batch([
      insertParticipantWithin(
        db,
        {
          id: participantId,
          workshop_id: workshop.id,
          name,
          name_chosen: chosen ? 1 : 0,
          group_id: body.group,
          consent_version: workshop.consent_version,
          consented_at: now,
          joined_at: now,
          table_id: body.table ?? null,
        },
        workshop.max_participants,
      ),
      minted.statement,
      first.statement,
    ]);
    if (!inserted?.meta.changes) throw full();
    const table = body.table === undefined ? {} : { table: body.table };
    return c.json(
      {
        workshopId: workshop.id,
        participantId,
        token: minted.token,
        name,
        group: body.group,
        ...table,
        ticket: first.ticket,
        ticketExpiresAt: first.expiresAt,
      },
      201,
    );
  });
