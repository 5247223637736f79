/**
 * A D1 outage, as far as a local run can have one: another process takes SQLite's
 * exclusive lock on the local D1 database file, so every write the app makes to D1
 * fails ("database is locked") until the lock is released. Reads of committed data
 * keep working (WAL), and the rooms' own Durable Object storage is untouched.
 * Python's sqlite3 module holds the lock (Node 20 has no SQLite of its own); the lock
 * lifts by itself after `maxSeconds`, so a failed test cannot leave it behind.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const HOLD = `
import select, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
select.select([sys.stdin], [], [], float(sys.argv[2]))
db.execute("COMMIT")
print("released", flush=True)
`;

export function d1File(persistTo: string): string {
  const dir = path.join(persistTo, "v3/d1/miniflare-D1DatabaseObject");
  const files = readdirSync(dir).filter((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  if (files.length !== 1) throw new Error(`expected one D1 database in ${dir}, found ${files.join(", ") || "none"}`);
  return path.join(dir, files[0]!);
}

export interface D1Outage {
  /** Lifts the lock and resolves once it is released. */
  end(): Promise<void>;
}

/** Locks the local D1 database; resolves once the lock is held. */
export function startD1Outage(persistTo: string, maxSeconds = 60): Promise<D1Outage> {
  const child: ChildProcess = spawn("python3", ["-c", HOLD, d1File(persistTo), String(maxSeconds)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.on("error", (err) => reject(new Error(`python3 is needed to simulate a D1 outage: ${err.message}`)));
    child.stdout?.setEncoding("utf8").on("data", (text: string) => {
      if (text.includes("locked")) {
        resolve({
          end: async () => {
            child.stdin?.end("release\n");
            await exited;
          },
        });
      }
    });
    exited.then(() => reject(new Error("the D1 lock ended before it was held")));
  });
}
