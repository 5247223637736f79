/**
 * Child processes for the app's tooling: each long-running child leads its own
 * process group so one signal stops it and everything it spawned (wrangler starts
 * esbuild and two workerd processes; killing only wrangler would orphan workerd).
 */
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";

export interface Spawned {
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the leader has exited. */
  exited: Promise<number | string>;
}

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called with each chunk of output; defaults to passing it through to this process. */
  onOutput?: (chunk: string, stream: "stdout" | "stderr") => void;
}

const groups = new Set<number>();

// If this process dies on an uncaught error, its groups must not outlive it.
process.on("exit", () => {
  for (const pid of groups) signalGroup(pid, "SIGKILL");
});

/** Starts `command` as the leader of a new process group, stdin closed (as in CI). */
export function spawnGroup(command: string, args: string[], options: SpawnOptions = {}): Spawned {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const onOutput = options.onOutput ?? ((chunk, stream) => process[stream].write(chunk));
  child.stdout?.setEncoding("utf8").on("data", (c: string) => onOutput(c, "stdout"));
  child.stderr?.setEncoding("utf8").on("data", (c: string) => onOutput(c, "stderr"));
  if (child.pid !== undefined) groups.add(child.pid);
  const exited = new Promise<number | string>((resolve) => {
    child.on("error", (err) => resolve(err.message));
    child.on("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
  });
  return { child, exited };
}

export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone, which is what we wanted.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops a process group: SIGTERM, then SIGKILL after `graceMs` if anything in the
 * group is still alive. Resolves once no process of the group remains.
 */
export async function stopGroup(spawned: Spawned, graceMs = 5000): Promise<void> {
  const pid = spawned.child.pid;
  if (pid === undefined) return;
  signalGroup(pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pid)) signalGroup(pid, "SIGKILL");
  while (groupAlive(pid)) await sleep(50);
  groups.delete(pid);
}

/** Kills a process group at once, as a crash or power loss would. */
export async function killGroup(spawned: Spawned): Promise<void> {
  const pid = spawned.child.pid;
  if (pid === undefined) return;
  signalGroup(pid, "SIGKILL");
  while (groupAlive(pid)) await sleep(20);
  groups.delete(pid);
}

/**
 * Runs a command to completion, streaming its output; rejects on a non-zero exit with
 * the tail of the output in the message (so a quiet caller still shows why).
 */
export async function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  let tail = "";
  const onOutput = options.onOutput ?? ((chunk, stream) => process[stream].write(chunk));
  const spawned = spawnGroup(command, args, {
    ...options,
    onOutput: (chunk, stream) => {
      tail = (tail + chunk).slice(-4000);
      onOutput(chunk, stream);
    },
  });
  const code = await spawned.exited;
  groups.delete(spawned.child.pid ?? -1);
  if (code !== 0) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping terminal colour codes.
    const plain = tail.replace(/\x1b\[[0-9;]*m/g, "");
    throw new Error(`${command} ${args.join(" ")} exited with ${code}\n--- output ---\n${plain}`);
  }
}

/** A free TCP port on the loopback interface, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on 127.0.0.1:`port`. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
