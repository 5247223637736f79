/**
 * Programmes: a series of workshops reviewed together. The organiser creates one
 * and gets a programme-wide evaluator link; that token reads every workshop in it.
 */
import { Hono } from "hono";
import { isPartnerRequest, MintPartnerToken } from "../../party/model/commitments";
import { randomId } from "../../party/model/ids";
import { type AppEnv, authenticated, organiserOnly } from "../auth";
import { insertProgramme, listProgrammes } from "../db/workshops";
import { forbidden } from "../errors";
import { programmeLink, publicOrigin } from "../links";
import { mintToken } from "../mint";
import { mintPartnerToken, partnerTokenResponse } from "../partners";
import { programmeView } from "../report/programme";
import { CreateProgramme, MintToken } from "../schemas";
import { parseOrThrow, readBody, readJson } from "../validate";
import { programmeOr404 } from "./found";

export const programmes = new Hono<AppEnv>()
  .post("/", organiserOnly, async (c) => {
    const body = await readBody(c, CreateProgramme);
    const db = c.env.DB;
    const now = Date.now();
    const id = randomId();
    const evaluator = await mintToken(
      db,
      // session (#19): derived, so the organise page can show the programme's link again
      {
        role: "evaluator",
        workshopId: null,
        programmeId: id,
        label: "Programme evaluator",
        derivedFrom: c.env.ORGANISER_TOKEN,
      },
      now,
    );
    await db.batch([insertProgramme(db, { id, title: body.title, created_at: now }), evaluator.statement]);
    const link = programmeLink(publicOrigin(c.env, c.req.url), id, evaluator.token);
    // The link's id too: without it the organiser could never revoke this link.
    return c.json(
      {
        id,
        title: body.title,
        evaluatorToken: evaluator.token,
        evaluatorTokenId: evaluator.id,
        links: { evaluator: link },
      },
      201,
    );
  })
  .get("/", organiserOnly, async (c) => {
    const rows = await listProgrammes(c.env.DB);
    return c.json({ programmes: rows.map((p) => ({ id: p.id, title: p.title, createdAt: p.created_at })) });
  })
  .post("/:id/tokens", organiserOnly, async (c) => {
    const programme = await programmeOr404(c.env.DB, c.req.param("id"));
    const json = await readJson(c);
    // Co-delivery (#15): a programme-wide partner link covers the organisation's commitments in every workshop.
    if (isPartnerRequest(json)) {
      const minted = await mintPartnerToken(c.env.DB, parseOrThrow(MintPartnerToken, json), {
        programmeId: programme.id,
      });
      return c.json(partnerTokenResponse(minted, publicOrigin(c.env, c.req.url)), 201);
    }
    const body = parseOrThrow(MintToken, json);
    if (body.role !== "evaluator") throw forbidden("Programme links are for evaluators only.");
    const minted = await mintToken(
      c.env.DB,
      {
        role: "evaluator",
        workshopId: null,
        programmeId: programme.id,
        label: body.label,
        derivedFrom: c.env.ORGANISER_TOKEN,
      },
      Date.now(),
    );
    await minted.statement.run();
    const link = programmeLink(publicOrigin(c.env, c.req.url), programme.id, minted.token);
    return c.json({ id: minted.id, token: minted.token, role: "evaluator" as const, label: body.label, link }, 201);
  })
  .get("/:id", authenticated, async (c) => {
    const auth = c.var.auth;
    const programme = await programmeOr404(c.env.DB, c.req.param("id"));
    const isProgrammeEvaluator =
      auth.kind === "token" && auth.token.role === "evaluator" && auth.token.programme_id === programme.id;
    if (auth.kind !== "organiser" && !isProgrammeEvaluator) throw forbidden();
    return c.json(await programmeView(c.env.DB, programme));
  });
