/**
 * session (#19): the organiser's view of a workshop's links, and "Make new links".
 *   GET  /api/workshops/:id/links        the live links, shown again (organiser only)
 *   POST /api/workshops/:id/links/renew  `{replace:[tokenId]}`: each named link is revoked and
 *        replaced by a new one of the same role, label, table and language, in one transaction.
 * A link already replaced (a second click, a replay) is refused with 409, and nothing is minted.
 */
import { Hono } from "hono";
import * as v from "valibot";
import { Id } from "../../party/model/commands";
import { type AppEnv, organiserOnly } from "../auth";
import { findTokensByIds, isWorkshopLinkRole, replaceToken, type TokenRow } from "../db/tokens";
import { conflict, notFound } from "../errors";
import { publicOrigin } from "../links";
import { newToken } from "../mint";
import { workshopLinksView } from "../organiserLinks";
import { closeRevokedSessions } from "../room";
import { readBody } from "../validate";
import { workshopOr404 } from "./found";

/** At most this many links replaced in one request (a workshop has a handful). */
const MAX_REPLACE = 20;

export const RenewLinks = v.strictObject({
  replace: v.pipe(
    v.array(Id),
    v.minLength(1),
    v.maxLength(MAX_REPLACE),
    v.check((ids) => new Set(ids).size === ids.length, "each link once"),
  ),
});

export const workshopLinks = new Hono<AppEnv>()
  .get("/:id/links", organiserOnly, async (c) => {
    const w = await workshopOr404(c.env.DB, c.req.param("id"));
    return c.json(await workshopLinksView(c.env, publicOrigin(c.env, c.req.url), w));
  })
  .post("/:id/links/renew", organiserOnly, async (c) => {
    const w = await workshopOr404(c.env.DB, c.req.param("id"));
    const body = await readBody(c, RenewLinks);
    const rows = await findTokensByIds(c.env.DB, body.replace);
    const old: TokenRow[] = [];
    for (const id of body.replace) {
      const row = rows.get(id);
      // Another workshop's token, a participant's or a partner's: not a link of this workshop.
      if (!row || row.workshop_id !== w.id || !isWorkshopLinkRole(row.role)) throw notFound(`No link ${id} here.`);
      if (row.revoked_at !== null) throw conflict(`The link ${id} was already replaced or revoked.`);
      old.push(row);
    }
    const now = Date.now();
    const fresh = await Promise.all(
      old.map((row) =>
        newToken(
          {
            role: row.role,
            workshopId: w.id,
            label: row.label,
            table: row.table_id ?? null,
            language: row.language ?? null,
            derivedFrom: c.env.ORGANISER_TOKEN,
          },
          now,
        ),
      ),
    );
    const results = await c.env.DB.batch(old.flatMap((row, i) => replaceToken(c.env.DB, row.id, fresh[i]!.row, now)));
    // Each pair is (insert-if-live, revoke). A link replaced meanwhile by another request
    // inserts nothing here; say so rather than hand back a link that was never stored.
    const raced = old.filter((_, i) => (results[i * 2]?.meta.changes ?? 0) === 0);
    await Promise.all(old.map((row) => closeRevokedSessions(c.env, w.id, row.id)));
    if (raced.length > 0) throw conflict(`The link ${raced[0]!.id} was replaced by another request.`);
    const view = await workshopLinksView(c.env, publicOrigin(c.env, c.req.url), w);
    return c.json({ ...view, replaced: old.map((row) => row.id) });
  });
