/**
 * Co-delivery (#15): commitments recorded after a workshop and their dated updates.
 *
 * - `POST /api/workshops/:id/commitments` (facilitator or organiser) → 201 `{id}`
 * - `GET /api/workshops/:id/commitments` (facilitator, evaluator, organiser, or a partner of the workshop)
 * - `POST /api/commitments/:id/updates` (facilitator or organiser; a partner only for its own organisation)
 */
import { Hono } from "hono";
import {
  type CommitmentStatus,
  CommitmentUpdateInput,
  CreateCommitment,
  organisationKey,
} from "../../party/model/commitments";
import { itemId } from "../../party/model/ids";
import { type AppEnv, type Auth, authenticated, mayAccess, organiserOnly, requireAccess } from "../auth";
import { commitmentsWithOutcomes, resolveSource, workshopOutcomes } from "../commitments/outcomes";
import { commitmentViews } from "../commitments/views";
import {
  type CommitmentRow,
  findCommitment,
  findUpdateByClientId,
  insertCommitment,
  insertSource,
  insertUpdate,
  listOverdue,
  setCurrent,
  type UpdateRow,
} from "../db/commitments";
import type { WorkshopRow } from "../db/workshops";
import { badRequest, forbidden, notFound } from "../errors";
import { readBody } from "../validate";
import { workshopOr404 } from "./found";

/** Who posted, for the history: a role and, for partners, their organisation. Never a name or token. */
function author(auth: Auth): Pick<UpdateRow, "by_role" | "by_organisation"> {
  if (auth.kind === "organiser") return { by_role: "organiser", by_organisation: null };
  if (auth.token.role === "partner") return { by_role: "partner", by_organisation: auth.token.organisation ?? null };
  return { by_role: "facilitator", by_organisation: null };
}

/** A partner speaks only for its own organisation, in its own workshop or programme. */
function requireMayUpdate(auth: Auth, workshop: WorkshopRow, commitment: CommitmentRow): void {
  if (mayAccess(auth, workshop, ["facilitator"])) return;
  if (auth.kind === "token" && auth.token.role === "partner" && mayAccess(auth, workshop, ["partner"])) {
    if (organisationKey(auth.token.organisation ?? "") === commitment.organisation_key) return;
    throw forbidden("This partner link may update only its own organisation's commitments.");
  }
  throw forbidden();
}

export const workshopCommitments = new Hono<AppEnv>()
  .post("/:id/commitments", authenticated, async (c) => {
    const db = c.env.DB;
    const w = await workshopOr404(db, c.req.param("id"));
    requireAccess(c.var.auth, w, ["facilitator"]);
    const body = await readBody(c, CreateCommitment);
    const outcomes = await workshopOutcomes(db, w.id);
    const resolved = body.from.map((source, i) => {
      const r = resolveSource(outcomes, source);
      if (!r.ok) throw badRequest(`from.${i}: ${r.message}`);
      return r;
    });
    const now = Date.now();
    const id = itemId();
    const row: CommitmentRow = {
      id,
      workshop_id: w.id,
      title: body.title,
      description: body.description,
      organisation: body.owner.organisation,
      organisation_key: organisationKey(body.owner.organisation),
      due: body.due ?? null,
      status: "planned",
      progress: 0,
      created_at: now,
      updated_at: now,
    };
    const seen = new Set<string>();
    const sources = resolved.filter((r) => {
      const key = `${r.activityId}/${r.optionId ?? ""}/${r.cardId ?? ""}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    await db.batch([
      insertCommitment(db, row),
      ...sources.map((r, position) =>
        insertSource(db, {
          commitment_id: id,
          workshop_id: w.id,
          position,
          activity_id: r.activityId,
          option_id: r.optionId,
          card_id: r.cardId,
          origin_groups: JSON.stringify(r.originGroups),
        }),
      ),
      insertUpdate(db, {
        id: itemId(),
        commitment_id: id,
        workshop_id: w.id,
        at: now,
        kind: "created",
        status: "planned",
        progress: 0,
        note: "",
        ...author(c.var.auth),
        client_id: null,
      }),
    ]);
    return c.json({ id }, 201);
  })
  .get("/:id/commitments", authenticated, async (c) => {
    const db = c.env.DB;
    const w = await workshopOr404(db, c.req.param("id"));
    requireAccess(c.var.auth, w, ["facilitator", "evaluator", "partner"]);
    const { data, outcomes } = await commitmentsWithOutcomes(db, w.id);
    c.header("Cache-Control", "no-store");
    return c.json({ workshopId: w.id, commitments: commitmentViews(data, outcomes, Date.now()) });
  });

function updateResult(u: UpdateRow, replayed: boolean) {
  return { id: u.id, at: u.at, status: u.status, progress: u.progress, replayed };
}

export const commitmentUpdates = new Hono<AppEnv>()
  // The organiser's reminders: commitments past their due date that are neither done nor dropped.
  .get("/overdue", organiserOnly, async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ overdue: await listOverdue(c.env.DB, new Date().toISOString().slice(0, 10)) });
  })
  .post("/:id/updates", authenticated, async (c) => {
    const db = c.env.DB;
    const commitment = await findCommitment(db, c.req.param("id"));
    if (!commitment) throw notFound("No such commitment.");
    const workshop = await workshopOr404(db, commitment.workshop_id);
    requireMayUpdate(c.var.auth, workshop, commitment);
    const body = await readBody(c, CommitmentUpdateInput);

    // A resend of an update already applied (same client id) is answered, not applied again.
    if (body.clientId) {
      const earlier = await findUpdateByClientId(db, commitment.id, body.clientId);
      if (earlier) return c.json(updateResult(earlier, true), 200);
    }
    const status: CommitmentStatus = body.status ?? commitment.status;
    const progress = body.progress ?? (status === "done" ? 100 : commitment.progress);
    const update: UpdateRow = {
      id: itemId(),
      commitment_id: commitment.id,
      workshop_id: commitment.workshop_id,
      at: Math.max(Date.now(), commitment.updated_at),
      kind: "update",
      status,
      progress,
      note: body.note,
      ...author(c.var.auth),
      client_id: body.clientId ?? null,
    };
    try {
      await db.batch([insertUpdate(db, update), setCurrent(db, commitment.id, update)]);
    } catch (err) {
      // Two copies of one resend raced: the other one was applied; answer with it.
      const earlier = body.clientId ? await findUpdateByClientId(db, commitment.id, body.clientId) : null;
      if (earlier) return c.json(updateResult(earlier, true), 200);
      throw err;
    }
    return c.json(updateResult(update, false), 201);
  });
