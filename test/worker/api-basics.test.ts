import { SELF } from "cloudflare:test";
import { hc } from "hono/client";
import { describe, expect, it } from "vitest";
import type { AppType } from "../../worker/index";
import { call, json, ORGANISER, ORIGIN } from "./api-client";

describe("the Worker's HTTP basics", () => {
  it("reports health", async () => {
    const { status, body } = await json("/api/health");
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true });
  });

  it("can be called through a typed hono client (AppType)", async () => {
    const client = hc<AppType>(ORIGIN, {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => SELF.fetch(input, init),
    });
    const res = await client.api.health.$get();
    expect(await res.json()).toEqual({ ok: true });
    const templates = await client.api.templates.$get();
    const body = await templates.json();
    expect(body.templates.length).toBeGreaterThan(0);
  });

  it("sets the security headers on API responses", async () => {
    const res = await call("/api/health");
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
    expect(res.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Referrer-Policy")).toBe("no-referrer");
  });

  it("answers unknown API paths with the one JSON error shape", async () => {
    const { status, body } = await json("/api/no-such-thing");
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });

  it("refuses bodies over 64 KB with 413 JSON", async () => {
    const { status, body } = await json("/api/workshops", {
      token: ORGANISER,
      raw: JSON.stringify({ title: "x", purpose: "y".repeat(70 * 1024) }),
    });
    expect(status).toBe(413);
    expect(body).toEqual({ error: { code: "too_large", message: expect.any(String) } });
  });

  it("says clearly when the body is not JSON", async () => {
    const { status, body } = await json("/api/workshops", { token: ORGANISER, raw: "{not json" });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "bad_request" } });
  });

  it("refuses non-WebSocket requests to a room and unknown parties", async () => {
    const plain = await call("/parties/workshop-room/abc");
    expect(plain.status).toBe(426);
    expect(plain.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const other = await json("/parties/other-room/abc", { headers: { Upgrade: "websocket" } });
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ error: { code: "not_found" } });
  });
});
