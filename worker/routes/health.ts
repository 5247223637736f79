import { Hono } from "hono";
import type { AppEnv } from "../auth";

export const health = new Hono<AppEnv>().get("/", (c) => c.json({ ok: true as const }));
