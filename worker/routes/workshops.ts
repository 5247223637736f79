/**
 * Workshops: create (organiser), list (organiser), read public info (any token of
 * the workshop), mint more links (organiser or facilitator), erase (organiser or facilitator).
 */
import { Hono } from "hono";
import { isPartnerRequest, MintPartnerToken } from "../../party/model/commitments";
import { type AppEnv, authenticated, organiserOnly, ROOM_ROLES, requireAccess } from "../auth";
import { createWorkshop } from "../createWorkshop";
import { listTokens } from "../db/tokens";
import { listWorkshops, type WorkshopRow, workshopGroups, workshopTables } from "../db/workshops";
import { eraseWorkshop } from "../erase";
import { badRequest } from "../errors";
import { publicOrigin, tokenLink } from "../links";
import { mintToken } from "../mint";
import { mintPartnerToken, partnerTokenResponse } from "../partners";
import { CreateWorkshop, MintToken } from "../schemas";
import { parseOrThrow, readBody, readJson } from "../validate";
import { workshopOr404 } from "./found";

function tableLabel(w: Parameters<typeof workshopTables>[0], table: string | undefined): string {
  return workshopTables(w).find((t) => t.id === table)?.label ?? "table";
}

/** What both the organiser's list and a workshop's own page say about a workshop. */
function workshopSummary(w: WorkshopRow) {
  return {
    id: w.id,
    title: w.title,
    joinCode: w.join_code,
    status: w.status,
    programmeId: w.programme_id,
    scheduledFor: w.scheduled_for,
  };
}

export const workshops = new Hono<AppEnv>()
  .post("/", organiserOnly, async (c) => {
    const input = await readBody(c, CreateWorkshop);
    return c.json(await createWorkshop(c.env, input, publicOrigin(c.env, c.req.url)), 201);
  })
  .get("/", organiserOnly, async (c) => {
    const rows = await listWorkshops(c.env.DB, c.req.query("programmeId"));
    return c.json({
      workshops: rows.map((w) => ({ ...workshopSummary(w), createdAt: w.created_at })),
    });
  })
  .get("/:id", authenticated, async (c) => {
    const auth = c.var.auth;
    const w = await workshopOr404(c.env.DB, c.req.param("id"));
    requireAccess(auth, w, ROOM_ROLES);
    return c.json({
      ...workshopSummary(w),
      purpose: w.purpose,
      groups: workshopGroups(w),
      consentText: w.consent_text,
      showNames: w.show_names === 1,
      language: w.language,
      role: auth.kind === "organiser" ? "organiser" : auth.token.role,
      tables: workshopTables(w),
      // tables (#13): the host page shows which table its link is for.
      ...(auth.kind === "token" && auth.token.role === "host" ? { table: auth.token.table_id ?? null } : {}),
    });
  })
  .get("/:id/tokens", authenticated, async (c) => {
    const w = await workshopOr404(c.env.DB, c.req.param("id"));
    requireAccess(c.var.auth, w, ["facilitator"]);
    const rows = await listTokens(c.env.DB, w.id);
    return c.json({
      tokens: rows.map((t) => ({
        id: t.id,
        role: t.role,
        label: t.label,
        createdAt: t.created_at,
        revoked: t.revoked_at !== null,
        ...(t.table_id ? { table: t.table_id } : {}),
        ...(t.language ? { language: t.language } : {}),
      })),
    });
  })
  .post("/:id/tokens", authenticated, async (c) => {
    const w = await workshopOr404(c.env.DB, c.req.param("id"));
    requireAccess(c.var.auth, w, ["facilitator"]);
    const json = await readJson(c);
    // Co-delivery (#15): a partner link speaks for one organisation.
    if (isPartnerRequest(json)) {
      const minted = await mintPartnerToken(c.env.DB, parseOrThrow(MintPartnerToken, json), { workshopId: w.id });
      return c.json(partnerTokenResponse(minted, publicOrigin(c.env, c.req.url)), 201);
    }
    const body = parseOrThrow(MintToken, json);
    const table = "table" in body ? body.table : undefined;
    const language = body.role === "interpreter" ? body.language : null;
    // tables (#13): a host (or kiosk) link is for one of the workshop's tables (as the room last reported them).
    if (table !== undefined && !workshopTables(w).some((t) => t.id === table))
      throw badRequest(`table: no table "${table}" in this workshop.`);
    const label =
      body.label ||
      (body.role === "host" ? `Host, ${tableLabel(w, table)}` : "") ||
      (body.role === "kiosk" ? (table ? `Kiosk, ${tableLabel(w, table)}` : "Kiosk") : "") ||
      (body.role === "interpreter" ? `Interpreter (${body.language})` : "");
    const minted = await mintToken(
      c.env.DB,
      // session (#19): derived, so the organiser's list can show this link again
      { role: body.role, workshopId: w.id, label, table: table ?? null, language, derivedFrom: c.env.ORGANISER_TOKEN },
      Date.now(),
    );
    await minted.statement.run();
    const link = tokenLink(publicOrigin(c.env, c.req.url), body.role, w.id, minted.token);
    const extra = { ...(table === undefined ? {} : { table }), ...(language ? { language } : {}) };
    return c.json({ id: minted.id, token: minted.token, role: body.role, label, link, ...extra }, 201);
  })
  .delete("/:id", authenticated, async (c) => {
    const w = await workshopOr404(c.env.DB, c.req.param("id"));
    requireAccess(c.var.auth, w, ["facilitator"]);
    await eraseWorkshop(c.env, w.id);
    return c.json({ deleted: true as const, id: w.id });
  });
