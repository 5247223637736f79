/**
 * Security headers on the static app (web/public/_headers): a strict CSP with no inline
 * script or style, nosniff and no referrer everywhere; no framing except the projector
 * screen, which its own site may frame; hashed assets cached for good.
 */
import { describe, expect, it } from "vitest";
import { app } from "./support";

async function headersOf(path: string): Promise<Headers> {
  const response = await fetch(`${app().baseUrl}${path}`, { redirect: "manual" });
  await response.arrayBuffer();
  return response.headers;
}

function directives(csp: string | null): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (csp ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values.join(" "));
  }
  return map;
}

describe("static app security headers", () => {
  it("serves participant pages with a strict CSP that forbids framing", async () => {
    for (const path of ["/", "/j/ABCDEF", "/w/some-workshop"]) {
      const headers = await headersOf(path);
      const csp = headers.get("content-security-policy");
      expect(csp, path).not.toContain(","); // one policy, not two merged
      const d = directives(csp);
      expect(d.get("default-src"), path).toBe("'self'");
      expect(d.get("script-src"), path).toBe("'self'");
      expect(d.get("style-src"), path).toBe("'self'");
      expect(d.get("connect-src"), path).toBe("'self'");
      expect(d.get("frame-ancestors"), path).toBe("'none'");
      expect(csp, path).not.toContain("unsafe-inline");
      expect(headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(headers.get("referrer-policy"), path).toBe("no-referrer");
    }
  });

  it("lets only the app itself frame the projector screen", async () => {
    const headers = await headersOf("/screen/some-workshop");
    const csp = headers.get("content-security-policy");
    expect(csp).not.toContain(",");
    expect(directives(csp).get("frame-ancestors")).toBe("'self'");
    expect(directives(csp).get("script-src")).toBe("'self'");
    expect(headers.get("x-frame-options")).toBeNull();
    expect(headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("caches hashed assets for good", async () => {
    const html = await (await fetch(`${app().baseUrl}/`)).text();
    const asset = html.match(/\/assets\/[^"]+\.js/)?.[0];
    expect(asset).toBeTruthy();
    const headers = await headersOf(asset!);
    expect(headers.get("cache-control")).toContain("immutable");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
  });
});
