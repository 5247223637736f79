/**
 * The room's sockets send plain frames (#17, docs/performance.md "Plain frames"): deployed with
 * wrangler.toml's `no_web_socket_compression`, the Worker does not take up permessage-deflate when
 * a phone offers it, so an edit is not compressed once per socket. The deploy bundle runs on its
 * own socket, as it would on Cloudflare (not behind `wrangler dev`'s proxy, which negotiates the
 * extension whatever the Worker says). The control run turns compression on to show that the
 * client does offer it and that this check would see it taken.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import { createWorkshop, getTicket, joinAsParticipant } from "../../scripts/lib/api";
import { makeTempDir, randomToken, removeDir } from "../../scripts/lib/app";
import { openSocket, RoomClient, roomUrl } from "../../scripts/lib/room-client";
import { type BenchApp, bundleWorker, startBenchApp } from "../bench/miniflare-app";

let dir: string;
let script: string;

beforeAll(async () => {
  dir = await makeTempDir("wire");
  script = await bundleWorker(dir);
});

afterAll(async () => {
  await removeDir(dir);
});

/** A phone's socket in a new workshop, offering permessage-deflate as browsers do (and `ws` by default). */
async function phoneSocket(app: BenchApp, organiserToken: string) {
  const workshop = await createWorkshop(app.baseUrl, organiserToken, { title: "Wire" });
  const joined = await joinAsParticipant(app.baseUrl, workshop.joinCode, { group: "community" });
  const ticket = await getTicket(app.baseUrl, joined.token);
  const socket = await openSocket(roomUrl(app.baseUrl, ticket.workshopId, ticket.ticket));
  return new RoomClient(socket, ticket.workshopId, false);
}

async function withApp<T>(
  name: string,
  wsCompression: boolean | undefined,
  use: (app: BenchApp, token: string) => Promise<T>,
) {
  const organiserToken = randomToken();
  const app = await startBenchApp({
    script,
    persistTo: path.join(dir, name),
    organiserToken,
    migrate: true,
    wsCompression,
  });
  try {
    return await use(app, organiserToken);
  } finally {
    await app.stop();
  }
}

describe("the room's WebSocket as deployed", () => {
  it("does not take up permessage-deflate, and the room still syncs the phone", async () => {
    await withApp("deployed", false, async (app, token) => {
      const phone = await phoneSocket(app, token);
      try {
        expect(phone.socket.extensions).toBe("");
        phone.startSync();
        await phone.waitForSync(15_000);
        // (Not the hello: it can arrive with the upgrade answer, before this client listens.)
        expect(roots(phone.doc).workshop.get("title")).toBe("Wire");
      } finally {
        await phone.close();
      }
    });
  });

  it("control: with web_socket_compression instead, the same phone gets permessage-deflate", async () => {
    await withApp("compressed", true, async (app, token) => {
      const phone = await phoneSocket(app, token);
      try {
        expect(phone.socket.extensions).toContain("permessage-deflate");
      } finally {
        await phone.close();
      }
    });
  });
});
