/**
 * The stakeholder groups a workshop starts with, by their English labels (a phone shows each
 * default group in its own language: web/lib/groups.ts). A module of its own, not in
 * commands.ts: the phone's bundle holds commands.ts, and only the Worker and the organisers'
 * and evaluators' pages use these (issue #17: the phone's journey within 60 KB gzip).
 */
import type { StakeholderGroup } from "./commands";

export const DEFAULT_GROUPS: StakeholderGroup[] = [
  { id: "community", label: "Community member / lived experience" },
  { id: "voluntary", label: "Voluntary or community organisation" },
  { id: "statutory", label: "Statutory partner (NHS, council, public health)" },
  { id: "other", label: "Other" },
];
