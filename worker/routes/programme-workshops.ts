/**
 * session (#19): filling a programme from the organise page (organiser only).
 *   PUT    /api/programmes/:id/workshops/:workshopId  the workshop joins the programme (moving it
 *          out of any other); putting it again changes nothing
 *   DELETE /api/programmes/:id/workshops/:workshopId  the workshop leaves the programme
 *   GET    /api/programmes/:id/links                  the programme evaluator links, shown again
 * A workshop that leaves a programme leaves its programme evaluators' reach at once: their
 * live sockets in its room close (4403), and their next ticket is refused (worker/auth.ts).
 */
import { Hono } from "hono";
import * as v from "valibot";
import { type AppEnv, organiserOnly } from "../auth";
import { activeProgrammeLinks } from "../db/tokens";
import { setWorkshopProgramme } from "../db/workshops";
import type { Env } from "../env";
import { notFound } from "../errors";
import { publicOrigin } from "../links";
import { programmeLinksView } from "../organiserLinks";
import { disconnectActor } from "../room";
import { readBody } from "../validate";
import { programmeOr404, workshopOr404 } from "./found";

/** No body is needed; one that names anything is refused (strict). */
const NoBody = v.strictObject({});

async function both(env: Env, programmeId: string, workshopId: string) {
  const [programme, workshop] = await Promise.all([
    programmeOr404(env.DB, programmeId),
    workshopOr404(env.DB, workshopId),
  ]);
  return { programme, workshop };
}

/** Closes the live sockets a programme's evaluators hold in one workshop's room. */
async function disconnectProgrammeEvaluators(env: Env, programmeId: string, workshopId: string) {
  const links = await activeProgrammeLinks(env.DB, programmeId);
  await Promise.all(links.map((t) => disconnectActor(env, workshopId, t.id)));
}

export const programmeWorkshops = new Hono<AppEnv>()
  .get("/:id/links", organiserOnly, async (c) => {
    const programme = await programmeOr404(c.env.DB, c.req.param("id"));
    return c.json(await programmeLinksView(c.env, publicOrigin(c.env, c.req.url), programme.id));
  })
  .put("/:id/workshops/:workshopId", organiserOnly, async (c) => {
    await readBody(c, NoBody);
    const { programme, workshop } = await both(c.env, c.req.param("id"), c.req.param("workshopId"));
    const previous = workshop.programme_id;
    if (previous !== programme.id) {
      await setWorkshopProgramme(c.env.DB, workshop.id, programme.id).run();
      if (previous) await disconnectProgrammeEvaluators(c.env, previous, workshop.id);
    }
    return c.json({ programmeId: programme.id, workshopId: workshop.id, moved: previous !== programme.id });
  })
  .delete("/:id/workshops/:workshopId", organiserOnly, async (c) => {
    await readBody(c, NoBody);
    const { programme, workshop } = await both(c.env, c.req.param("id"), c.req.param("workshopId"));
    if (workshop.programme_id !== programme.id) throw notFound("That workshop is not in this programme.");
    await setWorkshopProgramme(c.env.DB, workshop.id, null).run();
    await disconnectProgrammeEvaluators(c.env, programme.id, workshop.id);
    return c.json({ programmeId: programme.id, workshopId: workshop.id, removed: true as const });
  });
