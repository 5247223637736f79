/**
 * Smoke: the whole stack answers. Health over HTTP; a facilitator's room over the real
 * ticket + WebSocket + Yjs sync path, with one command acknowledged and replicated;
 * and Chromium loading the web app and reaching the facilitator's live room.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import {
  absolute,
  app,
  collectPageErrors,
  connect,
  launchBrowser,
  newContext,
  newWorkshop,
  openSocket,
  type RoomClient,
  roomUrl,
  UpgradeRefused,
} from "./support";

describe("smoke", () => {
  const clients: RoomClient[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
  });

  it("answers GET /api/health with ok", async () => {
    const res = await fetch(`${app().baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it("connects a facilitator to the room and applies an acknowledged command", async () => {
    const workshop = await newWorkshop({ title: "Smoke test workshop" });
    expect(workshop.joinCode).toMatch(/^[A-Z0-9]{6}$/);
    const facilitator = await connect(workshop.facilitatorToken);
    clients.push(facilitator);
    expect(facilitator.synced).toBe(true);
    expect(roots(facilitator.doc).workshop.get("title")).toBe("Smoke test workshop");

    const result = await facilitator.command<{ activityId: string }>("activity.add", {
      kind: "info",
      title: "Welcome",
      config: { prompt: "Hello" },
    });
    expect(typeof result.activityId).toBe("string");
    await facilitator.waitFor(
      () => roots(facilitator.doc).activities.has(result.activityId),
      10_000,
      "activity in doc",
    );
    expect(roots(facilitator.doc).activities.get(result.activityId)?.title).toBe("Welcome");
  });

  it("refuses a WebSocket without a valid ticket", async () => {
    const workshop = await newWorkshop();
    const refused = await openSocket(roomUrl(app().baseUrl, workshop.id, "not-a-ticket")).then(
      (socket) => {
        socket.terminate();
        return null;
      },
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(UpgradeRefused);
    expect((refused as UpgradeRefused).status).toBe(401);
  });
});

describe("smoke in Chromium", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("loads the web app and shows a facilitator's room connected", async () => {
    const workshop = await newWorkshop({ title: "Smoke test in Chromium" });
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    const home = await page.goto(app().baseUrl, { waitUntil: "load" });
    expect(home?.status()).toBe(200);
    await page.locator("main").first().waitFor({ timeout: 15_000 });

    await page.goto(absolute(workshop.links.facilitator), { waitUntil: "load" });
    await page.locator('[data-testid="connection"][data-state="online"]').waitFor({ timeout: 20_000 });
    await page.getByText("Smoke test in Chromium").first().waitFor({ state: "visible", timeout: 10_000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
