/** `GET /api/templates`: the workshop templates an organiser can start from (public). */
import { Hono } from "hono";
import type { AppEnv } from "../auth";
import { listTemplates } from "../templates";

export const templates = new Hono<AppEnv>().get("/", (c) => c.json({ templates: listTemplates() }));
