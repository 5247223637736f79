/**
 * `npx tsx test/bench/themes.ts`: how long `cards.suggest` takes to group a full
 * map (3,000 cards in English, Urdu and Bengali) on this machine. Pure computation,
 * no server: the median of a few runs after a warm-up.
 */
import { performance } from "node:perf_hooks";
import { suggestThemes } from "../../party/model/themes";
import { themeCards } from "./theme-cards";

const count = Number(process.argv[2] ?? 3000);
const cards = themeCards(count);
suggestThemes(cards.slice(0, 300)); // warm up the JIT
const times: number[] = [];
const cpu: number[] = [];
let groups: string[][] = [];
for (let run = 0; run < 5; run += 1) {
  const start = performance.now();
  const used = process.cpuUsage();
  groups = suggestThemes(cards);
  times.push(performance.now() - start);
  const spent = process.cpuUsage(used);
  cpu.push((spent.user + spent.system) / 1000);
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const grouped = groups.reduce((t, g) => t + g.length, 0);
console.log(
  `cards.suggest: ${count} cards → ${groups.length} groups (${grouped} cards grouped); ` +
    `median ${times[2]?.toFixed(0)} ms, fastest ${times[0]?.toFixed(0)} ms, slowest ${times[4]?.toFixed(0)} ms; ` +
    `CPU time median ${cpu[2]?.toFixed(0)} ms (wall time includes waiting for a busy machine)`,
);
