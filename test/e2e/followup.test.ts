/**
 * Co-delivery in Chromium (#15): after the close a phone says what happens next and links
 * to the public follow-up page, which marks the priorities this phone raised or voted for
 * (known only to the phone), shows statuses and dated updates with no names, passes axe,
 * and offers an Atom feed that parses as XML. The partner page passes axe and posts an
 * update to the organisation's own commitment.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoPageErrors, MAP_CONFIG, openActivity, usePhones } from "./participant-kit";
import { app, connect, join, runAxe } from "./support";

async function expectAccessible(page: Page, state: string): Promise<void> {
  const violations = await runAxe(page);
  const summary = violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations in state "${state}"`).toEqual([]);
}

async function api<T>(path: string, init: { token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${app().baseUrl}${path}`, {
    method: init.body === undefined ? "GET" : "POST",
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** The room's outbox reaches D1 a moment later: poll the public follow-up until the revealed vote is there. */
async function revealedInFollowUp(code: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const view = await api<{ priorities: { top: unknown[] }[]; workshop: { status: string } }>(`/api/followup/${code}`);
    if (view.workshop.status === "closed" && view.priorities[0]?.top.length === 3) return;
    if (Date.now() > deadline) throw new Error(`follow-up never showed the revealed vote: ${JSON.stringify(view)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe("follow-up after the close", () => {
  const suite = usePhones();
  const { clients } = suite;

  it("a phone links to the follow-up page, which marks its own priorities", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Carers' services" });
    const [me, b, c, d] = await Promise.all([
      join(workshop.joinCode, { group: "community", name: "Secret Sam" }),
      join(workshop.joinCode, { group: "community" }),
      join(workshop.joinCode, { group: "statutory" }),
      join(workshop.joinCode, { group: "statutory" }),
    ]);
    const rooms = await Promise.all([me, b, c, d].map((p) => connect(p.token)));
    clients.push(...rooms);
    const [meRoom, bRoom, cRoom, dRoom] = rooms as [
      (typeof rooms)[0],
      (typeof rooms)[0],
      (typeof rooms)[0],
      (typeof rooms)[0],
    ];

    const mapId = await openActivity(facilitator, "map", "Carers' map", MAP_CONFIG);
    const card = (room: typeof meRoom, text: string) =>
      room.command<{ cardId: string }>("card.add", { activityId: mapId, lane: "wish", kind: "idea", text });
    const mine = await card(meRoom, "Respite at weekends");
    const peer = await card(bRoom, "A peer support group");
    const hub = await card(cRoom, "One advice hub");
    // A vote drawn from the map: its options are the cards (and keep them as their origin).
    const voteId = await openActivity(facilitator, "vote", "What matters most", {
      method: "dots",
      fromActivity: { activityId: mapId },
      dots: 5,
      maxPerOption: 5,
    });
    const vote = (room: typeof meRoom, allocations: Record<string, number>) =>
      room.command("ballot.submit", { activityId: voteId, ballot: { allocations } });
    await vote(meRoom, { [peer.cardId]: 5 });
    await vote(bRoom, { [peer.cardId]: 3, [hub.cardId]: 2 });
    await vote(cRoom, { [hub.cardId]: 4, [mine.cardId]: 1 });
    await vote(dRoom, { [hub.cardId]: 5 });

    // The phone of the first participant, in the room while the workshop runs.
    const phone = await suite.phone({ forAxe: true, joined: me });
    await phone.page.getByRole("heading", { name: "What matters most" }).waitFor();
    // It remembers, on the phone only, what it raised and what it voted for.
    await phone.page.waitForFunction(
      ({ key, want }) => want.every((k) => (localStorage.getItem(key) ?? "").includes(k)),
      { key: `coproduce:mine:${workshop.joinCode}`, want: [mine.cardId, `${voteId}/${peer.cardId}`] },
    );

    await facilitator.command("results.reveal", { activityId: voteId });
    await facilitator.command("workshop.close", {});
    await phone.page.getByText("This workshop has finished").waitFor();
    const link = phone.page.getByRole("link", { name: "See what happens next" });
    expect(await link.getAttribute("href")).toBe(`/f/${workshop.joinCode}`);

    await revealedInFollowUp(workshop.joinCode);
    const organiser = app().organiserToken;
    const { id: peerCommitment } = await api<{ id: string }>(`/api/workshops/${workshop.id}/commitments`, {
      token: organiser,
      body: {
        title: "Monthly carers' peer group",
        owner: { organisation: "Carers Centre" },
        due: "2099-06-30",
        from: [{ activityId: voteId, optionId: peer.cardId }],
      },
    });
    const partner = await api<{ token: string }>(`/api/workshops/${workshop.id}/tokens`, {
      token: workshop.facilitatorToken,
      body: { role: "partner", organisation: "Carers Centre" },
    });
    await api(`/api/commitments/${peerCommitment}/updates`, {
      token: partner.token,
      body: { status: "in_progress", progress: 40, note: "Room booked at the library" },
    });

    await link.click();
    const page = phone.page;
    await page.getByRole("heading", { name: "What happened next" }).waitFor();
    // Its own priorities are marked: the card it raised and the option it voted for; not the others.
    const yours = page.locator("li.card.yours");
    await expect.poll(() => yours.allInnerTexts()).toHaveLength(2);
    const marked = (await yours.allInnerTexts()).join("\n");
    expect(marked).toContain("A peer support group");
    expect(marked).toContain("Respite at weekends");
    expect(marked).toContain("Yours");
    expect(await page.locator("li.card:not(.yours)", { hasText: "One advice hub" }).count()).toBe(1);
    // The commitment that answers its vote is marked too, with its status and dated update.
    const commitment = page.locator(`#c-${peerCommitment}`);
    await expect.poll(() => commitment.getAttribute("class")).toContain("yours");
    const text = (await commitment.textContent()) ?? "";
    expect(text).toContain("In progress");
    expect(text).toContain("By Carers Centre");
    expect(text).toContain("Room booked at the library");
    expect(await commitment.locator("time").count()).toBe(2);
    // No names on the public page.
    const body = (await page.locator("main").textContent()) ?? "";
    expect(body).not.toContain("Secret Sam");
    for (const p of [me, b, c, d]) expect(await page.content()).not.toContain(p.participantId);
    await expectAccessible(page, "follow-up page");

    // Another phone (or a browser that never took part) sees the same page with nothing marked.
    const stranger = await suite.phone();
    await stranger.page.goto(`${app().baseUrl}/f/${workshop.joinCode}`);
    await stranger.page.getByText("Room booked at the library").waitFor();
    expect(await stranger.page.locator(".yours").count()).toBe(0);

    // The Atom feed the page links to is well-formed XML with one dated entry per event.
    const feedHref = await page.getByRole("link", { name: "Follow updates (Atom feed)" }).getAttribute("href");
    expect(feedHref).toMatch(new RegExp(`^/f/${workshop.joinCode}/feed\\.xml`));
    const feed = await page.evaluate(async (href) => {
      const res = await fetch(href);
      const doc = new DOMParser().parseFromString(await res.text(), "application/xml");
      return {
        type: res.headers.get("content-type"),
        error: doc.querySelector("parsererror")?.textContent ?? null,
        root: doc.documentElement.namespaceURI,
        titles: [...doc.querySelectorAll("entry > title")].map((e) => e.textContent),
        updated: [...doc.querySelectorAll("entry > updated")].map((e) => e.textContent),
      };
    }, feedHref ?? "");
    expect(feed.error).toBeNull();
    expect(feed.type).toMatch(/application\/atom\+xml/);
    expect(feed.root).toBe("http://www.w3.org/2005/Atom");
    expect(feed.titles).toEqual([
      "Carers Centre: Monthly carers' peer group (In progress, 40%)",
      "Carers Centre committed: Monthly carers' peer group",
    ]);
    expect(feed.updated.every((u) => !Number.isNaN(Date.parse(u ?? "")))).toBe(true);
    expectNoPageErrors(phone);
  });

  it("shows the page in the phone's language", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Dzielnica" });
    await facilitator.command("workshop.close", {});
    const phone = await suite.phone({ locale: "pl-PL" });
    await phone.page.goto(`${app().baseUrl}/f/${workshop.joinCode}`);
    await phone.page.getByRole("heading", { name: "Co wydarzyło się dalej" }).waitFor();
    await phone.page.getByText("Nie ma jeszcze żadnych zobowiązań").waitFor();
    expect(await phone.page.getAttribute("html", "lang")).toBe("pl");
  });

  it("the partner page passes axe and posts an update to its own commitment", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Partner page" });
    await facilitator.command("workshop.close", {});
    const { id } = await api<{ id: string }>(`/api/workshops/${workshop.id}/commitments`, {
      token: workshop.facilitatorToken,
      body: { title: "Ramp at the day centre", owner: { organisation: "Council Housing" } },
    });
    await api(`/api/workshops/${workshop.id}/commitments`, {
      token: workshop.facilitatorToken,
      body: { title: "Not ours", owner: { organisation: "NHS Trust" } },
    });
    const partner = await api<{ link: string }>(`/api/workshops/${workshop.id}/tokens`, {
      token: workshop.facilitatorToken,
      body: { role: "partner", organisation: "Council Housing" },
    });
    const laptop = await suite.phone({ forAxe: true });
    const page = laptop.page;
    await page.goto(partner.link);
    await page.getByRole("heading", { name: "Your organisation's commitments" }).waitFor();
    await page.getByText("Ramp at the day centre").waitFor();
    expect(await page.getByText("Not ours").count()).toBe(0);
    // The secret leaves the address bar at once.
    expect(page.url()).not.toContain("token=");
    await expectAccessible(page, "partner page");

    await page.getByText("Post an update").click();
    await page.getByLabel("Status").selectOption("in_progress");
    await page.getByLabel("Progress (%)").fill("60");
    await page.getByLabel("What changed").fill("Builders start on Monday");
    await page.getByRole("button", { name: "Post update" }).click();
    await page.getByText("Update posted.").waitFor();
    await page.locator('[data-testid="commitment"][data-status="in_progress"]').waitFor();
    await expectAccessible(page, "partner page after an update");
    const list = await api<{
      commitments: { id: string; status: string; progress: number; history: { note: string }[] }[];
    }>(`/api/workshops/${workshop.id}/commitments`, { token: workshop.evaluatorToken });
    const updated = list.commitments.find((c) => c.id === id);
    expect(updated).toMatchObject({ status: "in_progress", progress: 60 });
    expect(updated?.history.at(-1)?.note).toBe("Builders start on Monday");
    expectNoPageErrors(laptop);
  });
});
